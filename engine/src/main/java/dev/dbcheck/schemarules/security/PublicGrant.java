package dev.dbcheck.schemarules.security;

import dev.dbcheck.base.SourcePosition;
import dev.dbcheck.migrate.MigrationScript;
import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Evidence;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.schema.Namespace;
import dev.dbcheck.schema.Routine;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.schema.Table;
import dev.dbcheck.sql.Identifiers;
import dev.dbcheck.sql.SqlScanner;
import dev.dbcheck.sql.SqlStatement;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Privileges on a table, schema or function granted to PUBLIC — every role, present and future — beyond what
 * PostgreSQL gives PUBLIC by default (nothing on a table; USAGE on {@code public}, and CREATE there before
 * PostgreSQL 15; EXECUTE on a function). A function's default EXECUTE counts where it matters: on a SECURITY DEFINER
 * function, which then runs with its owner's privileges for anyone (PostgreSQL's own advice is to revoke it). The
 * finding is placed on the GRANT statement when the migrations hold it.
 */
public final class PublicGrant implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "public-grant",
            Category.SECURITY,
            Severity.WARNING,
            "Privileges on a table, schema or function granted to PUBLIC (or a SECURITY DEFINER function left "
                    + "executable by PUBLIC).",
            "PUBLIC is every role the cluster has and will ever have: a reporting user added next year, an "
                    + "extension's role, a compromised application account. A grant to PUBLIC cannot be scoped or "
                    + "audited per consumer. Grant to a role made for the purpose (GRANT SELECT ... TO reporting) "
                    + "and give that role to whoever needs it. PostgreSQL lets PUBLIC execute every new function; "
                    + "for a SECURITY DEFINER function that means every role runs it with its owner's privileges, "
                    + "so revoke it and grant EXECUTE to the roles that call it.",
            List.of());

    private static final Pattern FUNCTION_GRANT = Pattern.compile(
            "(?is)^\\s*GRANT\\s+.+?\\s+ON\\s+(?:FUNCTION|PROCEDURE|ROUTINE)\\s+(.+?)\\s+TO\\s+(.+?)\\s*;?\\s*$");

    private static final Pattern GRANT = Pattern.compile(
            "(?is)^\\s*GRANT\\s+.+?\\s+ON\\s+(?:TABLE\\s+|SCHEMA\\s+)?(.+?)\\s+TO\\s+(.+?)\\s*;?\\s*$");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(Evidence evidence, RuleContext context) {
        SchemaSnapshot schema = evidence.schema();
        List<MigrationScript> sources = evidence.find(Evidence.SOURCES).map(Evidence.Sources::scripts).orElse(List.of());
        for (Table table : schema.tables()) {
            if (table.publicGrants().isEmpty() || table.isPartition()) {
                continue;
            }
            String privileges = String.join(", ", table.publicGrants());
            report(context, DbObject.table(table.name()), privileges + " on " + table.name() + " is granted to "
                            + "PUBLIC: every role, now and later, may " + verbs(table.publicGrants()) + " its rows.",
                    "REVOKE " + privileges + " ON " + table.name() + " FROM PUBLIC; -- grant it to a role made "
                            + "for the purpose instead",
                    grantLine(sources, table.name().schema(), table.name().name()));
        }
        for (Namespace namespace : schema.namespaces()) {
            if (namespace.publicGrants().isEmpty()) {
                continue;
            }
            String privileges = String.join(", ", namespace.publicGrants());
            report(context, DbObject.schema(namespace.name()), privileges + " on schema "
                            + Identifiers.quote(namespace.name()) + " is granted to PUBLIC"
                            + (namespace.publicGrants().contains("CREATE") ? ": every role may create objects in it, "
                            + "including functions that shadow the ones other code finds through the search_path."
                            : ": every role may use what it holds."),
                    "REVOKE " + privileges + " ON SCHEMA " + Identifiers.quote(namespace.name()) + " FROM PUBLIC;",
                    grantLine(sources, namespace.name(), null));
        }
        functions(schema, sources, context);
    }

    /**
     * Functions PUBLIC may run: a SECURITY DEFINER one whatever gave it (the default included), any other only
     * when a migration grants it to PUBLIC — running with the caller's privileges, it gives nobody anything new
     * unless the migrations meant it as a statement.
     */
    private static void functions(SchemaSnapshot schema, List<MigrationScript> sources, RuleContext context) {
        for (Routine routine : schema.routines()) {
            if (!routine.publicExecute() || !(routine.kind().equals("function") || routine.kind().equals("procedure"))) {
                continue;
            }
            Optional<SourcePosition> grant = functionGrantLine(sources, routine);
            if (!routine.securityDefiner() && grant.isEmpty()) {
                continue;
            }
            String how = grant.isPresent() ? "is granted to PUBLIC" : "is left to PUBLIC (PostgreSQL's default for "
                    + "a new function, never revoked)";
            String what = routine.securityDefiner()
                    ? ": every role, now and later, may run this SECURITY DEFINER " + routine.kind() + " with the "
                    + "privileges of its owner."
                    : ": every role, now and later, may run it.";
            report(context, DbObject.function(routine.name()), "EXECUTE on " + routine.signature() + " " + how + what,
                    "REVOKE EXECUTE ON " + routine.signature() + " FROM PUBLIC; -- then GRANT EXECUTE ON "
                            + routine.signature() + " TO the roles that call it",
                    grant);
        }
    }

    /** The last {@code GRANT ... ON FUNCTION|PROCEDURE|ROUTINE <name>[(...)] TO ... PUBLIC} naming the routine. */
    static Optional<SourcePosition> functionGrantLine(List<MigrationScript> sources, Routine routine) {
        SourcePosition found = null;
        for (MigrationScript script : sources) {
            for (SqlStatement statement : SqlScanner.statements(script.content())) {
                Matcher m = FUNCTION_GRANT.matcher(statement.text());
                if (!m.matches() || !m.group(2).toLowerCase(Locale.ROOT).matches("(?s).*\\bpublic\\b.*")) {
                    continue;
                }
                for (String target : m.group(1).split(",(?![^(]*\\))")) {
                    String t = target.trim().replaceAll("(?s)\\(.*", "").trim().replace("\"", "");
                    if (t.equals(routine.name().name()) || t.equals(routine.name().schema() + "." + routine.name().name())) {
                        found = new SourcePosition(script.displayPath(), statement.startLine());
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        check(Evidence.of(schema), context);
    }

    private static void report(RuleContext context, DbObject object, String message, String fix,
                               Optional<SourcePosition> position) {
        if (position.isPresent()) {
            context.report(object, message, Fix.sql(fix), position.get());
        } else {
            context.report(object, message, Fix.sql(fix));
        }
    }

    private static String verbs(List<String> privileges) {
        return String.join(", ", privileges.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * The last {@code GRANT ... ON <object> TO ... PUBLIC} of the migrations, matched by the object's name with or
     * without its schema ({@code relation} null for a schema grant).
     */
    static Optional<SourcePosition> grantLine(List<MigrationScript> sources, String schema, String relation) {
        SourcePosition found = null;
        for (MigrationScript script : sources) {
            for (SqlStatement statement : SqlScanner.statements(script.content())) {
                Matcher m = GRANT.matcher(statement.text());
                if (!m.matches() || !m.group(2).toLowerCase(Locale.ROOT).matches("(?s).*\\bpublic\\b.*")) {
                    continue;
                }
                boolean onSchema = statement.text().toLowerCase(Locale.ROOT).matches("(?s).*\\bon\\s+schema\\b.*");
                for (String target : m.group(1).split(",")) {
                    String t = target.trim().replace("\"", "");
                    boolean hit = relation == null
                            ? onSchema && t.equals(schema)
                            : !onSchema && (t.equals(relation) || t.equals(schema + "." + relation));
                    if (hit) {
                        found = new SourcePosition(script.displayPath(), statement.startLine());
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }
}

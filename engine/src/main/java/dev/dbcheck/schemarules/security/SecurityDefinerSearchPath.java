package dev.dbcheck.schemarules.security;

import dev.dbcheck.rule.Category;
import dev.dbcheck.rule.DbObject;
import dev.dbcheck.rule.Fix;
import dev.dbcheck.rule.RuleContext;
import dev.dbcheck.rule.RuleMetadata;
import dev.dbcheck.rule.SchemaRule;
import dev.dbcheck.rule.Severity;
import dev.dbcheck.schema.Namespace;
import dev.dbcheck.schema.Routine;
import dev.dbcheck.schema.SchemaSnapshot;
import dev.dbcheck.sql.Identifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A {@code SECURITY DEFINER} function or procedure whose {@code search_path} is not fixed, or is fixed to a path
 * someone else can write into. Version-aware: {@code public} is writable by every role before PostgreSQL 15 (and
 * after it where CREATE was granted back); the snapshot reads the actual privileges, not the version's defaults.
 */
public final class SecurityDefinerSearchPath implements SchemaRule {

    public static final RuleMetadata METADATA = new RuleMetadata(
            "security-definer-search-path",
            Category.SECURITY,
            Severity.ERROR,
            "SECURITY DEFINER routine without a fixed, trusted search_path.",
            "A SECURITY DEFINER routine runs with its owner's privileges, and resolves every unqualified name "
                    + "(tables, functions, operators) through the search_path of whoever calls it. A caller who can "
                    + "create objects in a schema on that path — their own, $user, or public where everyone may "
                    + "create — puts a function of the same name there and runs their code as the owner. Fix the "
                    + "path on the routine itself (SET search_path = pg_catalog, <its schema>, pg_temp), with "
                    + "pg_temp last and no schema others can write to.",
            List.of());

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public void check(SchemaSnapshot schema, RuleContext context) {
        for (Routine routine : schema.routines()) {
            if (!routine.securityDefiner()) {
                continue;
            }
            String path = routine.searchPath();
            String what = routine.kind() + " " + routine.name() + "(" + routine.arguments() + ") is SECURITY DEFINER";
            String problem;
            if (path == null) {
                problem = what + " and takes the caller's search_path: a caller who can create a same-named "
                        + "object in any schema on their path runs it with the owner's privileges.";
            } else {
                List<String> unsafe = unsafeEntries(path, schema);
                if (unsafe.isEmpty()) {
                    continue;
                }
                problem = what + " with search_path " + path + ", which includes " + String.join(", ", unsafe)
                        + ": objects planted there are found before the intended ones and run with the owner's "
                        + "privileges.";
            }
            context.report(DbObject.function(routine.name()), problem, Fix.sql("ALTER " + routine.kind()
                    .toUpperCase(Locale.ROOT).replace("AGGREGATE", "FUNCTION").replace("WINDOW", "FUNCTION") + " "
                    + routine.name() + "(" + routine.arguments() + ") SET search_path = " + safePath(routine, schema)
                    + ";"));
        }
    }

    /** $user, and schemas every role may create objects in; pg_temp anywhere but last. */
    static List<String> unsafeEntries(String path, SchemaSnapshot schema) {
        List<String> entries = Arrays.stream(path.split(",")).map(String::trim).map(e -> e.replace("\"", ""))
                .filter(e -> !e.isEmpty()).toList();
        List<String> unsafe = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            if (e.equals("$user")) {
                unsafe.add("$user (the caller's own schema)");
            } else if (e.equals("pg_temp") && i < entries.size() - 1) {
                unsafe.add("pg_temp before other schemas (every session can create temporary objects)");
            } else if (schema.namespace(e).map(Namespace::writableByPublic).orElse(false)) {
                unsafe.add(e + " (every role may create objects in it)");
            }
        }
        return unsafe;
    }

    /** pg_catalog, the routine's own schema when it is not writable by everyone, then pg_temp. */
    static String safePath(Routine routine, SchemaSnapshot schema) {
        String own = routine.name().schema();
        boolean ownIsSafe = !schema.namespace(own).map(Namespace::writableByPublic).orElse(true);
        return "pg_catalog" + (ownIsSafe ? ", " + Identifiers.quote(own) : "") + ", pg_temp";
    }
}

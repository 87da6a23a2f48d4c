package dev.dbcheck.rule;

import dev.dbcheck.rules.indexes.ForeignKeyWithoutIndex;
import dev.dbcheck.rules.keys.MissingPrimaryKey;
import dev.dbcheck.rules.keys.SerialPrimaryKey;
import dev.dbcheck.rules.types.JsonColumn;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rules that ship with dbcheck. A new rule is added here, in one line. */
public final class BuiltInRules {

    private static final List<Rule> ALL = List.of(
            new ForeignKeyWithoutIndex(),
            new JsonColumn(),
            new MissingPrimaryKey(),
            new SerialPrimaryKey());

    private BuiltInRules() {
    }

    /** All built-in schema rules, sorted by id. */
    public static List<Rule> all() {
        return ALL.stream().sorted(Comparator.comparing(r -> r.metadata().id())).toList();
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.metadata().id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return all().stream().map(r -> r.metadata().id()).toList();
    }
}

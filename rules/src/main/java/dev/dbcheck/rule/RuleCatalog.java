package dev.dbcheck.rule;

import dev.dbcheck.suppress.Suppressions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every rule id dbcheck knows, with its metadata: the schema rules of {@link BuiltInRules} and the rules the engine
 * itself reports (suppression problems, and later plan checks). Configuration is validated, and the docs and the
 * rule list are generated, from here.
 */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    public static List<RuleMetadata> all() {
        List<RuleMetadata> all = new ArrayList<>();
        BuiltInRules.all().forEach(r -> all.add(r.metadata()));
        BuiltInRules.planRules().forEach(r -> all.add(r.metadata()));
        all.addAll(Suppressions.METADATA);
        all.sort(Comparator.comparing(RuleMetadata::id));
        return all;
    }

    public static Optional<RuleMetadata> byId(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return all().stream().map(RuleMetadata::id).toList();
    }
}

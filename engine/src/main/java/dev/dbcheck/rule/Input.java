package dev.dbcheck.rule;

/**
 * Something a rule reads, produced by a stage of the run: the schema snapshot, the real rows sampled from it, the
 * database itself (custom SQL rules), the dashboard queries' plans. The stage that produces a kind of evidence
 * declares its key; a rule names the keys it needs in {@link Rule#reads()}.
 *
 * @param name what it is, for messages
 * @param type the value's type
 */
public record Input<T>(String name, Class<T> type) {

    @Override
    public String toString() {
        return name;
    }
}

package dev.dbcheck.rule;

import dev.dbcheck.sample.SampledData;
import dev.dbcheck.schema.SchemaSnapshot;

import java.sql.Connection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the run has produced for the rules so far: always the schema snapshot, and whatever later stages add (real
 * rows, the database, the plans). Immutable: {@link #with} returns a new one.
 */
public final class Evidence {

    /** The migrated schema, read from pg_catalog. Every run has it. */
    public static final Input<SchemaSnapshot> SCHEMA = new Input<>("schema", SchemaSnapshot.class);
    /** Real rows sampled before any synthetic data exists; never generated data. */
    public static final Input<SampledData> ROWS = new Input<>("real rows", SampledData.class);
    /** The migration scripts as applied, for rules about what the migrations say (names, grants). */
    public static final Input<Sources> SOURCES = new Input<>("migration sources", Sources.class);
    /** The migrated database, for rules written as SQL (read-only, time-limited: {@link CustomSqlRule}). */
    public static final Input<Connection> DATABASE = new Input<>("database", Connection.class);

    /** The row counts the configuration declares per table ({@code orders} or {@code shop.orders}). */
    public static final Input<Volumes> VOLUMES = new Input<>("declared volumes", Volumes.class);

    /** Rows declared per table, by {@code table} or {@code schema.table}. */
    public record Volumes(Map<String, Long> rows) {
        public Volumes {
            rows = Map.copyOf(rows);
        }

        /** Rows declared for a table, or null when it is not named. */
        public Long of(String schema, String table) {
            Long qualified = rows.get(schema + "." + table);
            return qualified != null ? qualified : rows.get(table);
        }
    }

    /** What the configuration declares about columns' values (the synthetic data's column specs). */
    public static final Input<DeclaredColumns> DECLARED_COLUMNS = new Input<>("declared column values",
            DeclaredColumns.class);

    /**
     * Declared distributions, by {@code table.column} or {@code schema.table.column}.
     *
     * @param distinct the number of distinct values a column is declared to have
     * @param rarest   the least frequent of its declared values, where weights were given
     */
    public record DeclaredColumns(Map<String, Long> distinct, Map<String, String> rarest) {
        public DeclaredColumns {
            distinct = Map.copyOf(distinct);
            rarest = Map.copyOf(rarest);
        }

        public Long distinctOf(String schema, String table, String column) {
            Long qualified = distinct.get(schema + "." + table + "." + column);
            return qualified != null ? qualified : distinct.get(table + "." + column);
        }

        public String rarestOf(String schema, String table, String column) {
            String qualified = rarest.get(schema + "." + table + "." + column);
            return qualified != null ? qualified : rarest.get(table + "." + column);
        }
    }

    /** The scripts a run applied, in order. */
    public record Sources(java.util.List<dev.dbcheck.migrate.MigrationScript> scripts) {
        public Sources {
            scripts = java.util.List.copyOf(scripts);
        }
    }

    private final Map<Input<?>, Object> values;
    /** Inputs the run is still producing: a rule that {@linkplain Rule#uses() uses} one waits for it. */
    private final Set<Input<?>> coming;

    private Evidence(Map<Input<?>, Object> values, Set<Input<?>> coming) {
        this.values = values;
        this.coming = coming;
    }

    public static Evidence of(SchemaSnapshot schema) {
        return new Evidence(Map.of(SCHEMA, schema), Set.of());
    }

    public <T> Evidence with(Input<T> input, T value) {
        Map<Input<?>, Object> more = new LinkedHashMap<>(values);
        more.put(input, input.type().cast(value));
        Set<Input<?>> stillComing = new HashSet<>(coming);
        stillComing.remove(input);
        return new Evidence(Map.copyOf(more), Set.copyOf(stillComing));
    }

    /**
     * The same evidence, announcing an input a later stage of this run adds (the real rows, while they are being
     * read): the rules that use it wait for that stage instead of running without it.
     */
    public Evidence coming(Input<?> input) {
        Set<Input<?>> more = new HashSet<>(coming);
        more.add(input);
        return new Evidence(values, Set.copyOf(more));
    }

    /** Whether a later stage of this run adds the input ({@link #coming}). */
    public boolean isComing(Input<?> input) {
        return coming.contains(input);
    }

    public SchemaSnapshot schema() {
        return get(SCHEMA);
    }

    public <T> Optional<T> find(Input<T> input) {
        return Optional.ofNullable(values.get(input)).map(input.type()::cast);
    }

    /** A value the rule declared in {@link Rule#reads()}: the runner only calls it when the run has it. */
    public <T> T get(Input<T> input) {
        return find(input).orElseThrow(() -> new IllegalStateException("this run has no " + input));
    }

    public boolean hasAll(Set<Input<?>> inputs) {
        return values.keySet().containsAll(inputs);
    }
}

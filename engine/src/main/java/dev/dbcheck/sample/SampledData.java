package dev.dbcheck.sample;

import dev.dbcheck.sql.QualifiedName;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The real rows found in the migrated database (reference data, or the sample data the user pointed at). */
public final class SampledData {

    public static final SampledData NONE = new SampledData(Map.of());

    private final Map<QualifiedName, TableSample> tables;

    public SampledData(Map<QualifiedName, TableSample> tables) {
        this.tables = new LinkedHashMap<>(tables);
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    public Optional<TableSample> table(QualifiedName name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Collection<TableSample> tables() {
        return tables.values();
    }
}

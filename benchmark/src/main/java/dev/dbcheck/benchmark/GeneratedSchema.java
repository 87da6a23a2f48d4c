package dev.dbcheck.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A schema of any number of tables in the shape real ones have: keys of every kind (identity, bigserial, serial,
 * random UUID, none), 6–14 columns of mixed types (text, varchar, numeric, timestamptz, timestamp, jsonb, json,
 * arrays, enum-like text with checks), foreign keys to earlier tables — indexed, not indexed, covered only by a
 * partial index, or by an index that starts with another column — composite keys, duplicate indexes and a range
 * partitioned table every 100 tables. Deterministic: table {@code i} is always the same.
 */
final class GeneratedSchema {

    private GeneratedSchema() {
    }

    static List<String> ddl(String schema, int tables) {
        List<String> out = new ArrayList<>();
        out.add("CREATE SCHEMA " + schema);
        for (int i = 0; i < tables; i++) {
            out.addAll(table(schema, i));
        }
        return out;
    }

    /** Which kind of key table i has; tables with KEYLESS have no primary key and are never referenced. */
    enum Key { IDENTITY, BIGSERIAL, SERIAL, RANDOM_UUID, KEYLESS, COMPOSITE }

    static Key key(int i) {
        return i % 50 == 7 ? Key.COMPOSITE : Key.values()[i % 5];
    }

    private static List<String> table(String schema, int i) {
        String name = schema + ".t" + i;
        List<String> columns = new ArrayList<>();
        List<String> after = new ArrayList<>();
        Key key = key(i);
        switch (key) {
            case IDENTITY -> columns.add("id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
            case BIGSERIAL -> columns.add("id bigserial PRIMARY KEY");
            case SERIAL -> columns.add("id serial PRIMARY KEY");
            case RANDOM_UUID -> columns.add("id uuid DEFAULT gen_random_uuid() PRIMARY KEY");
            case KEYLESS -> columns.add("id bigint NOT NULL");
            case COMPOSITE -> {
                columns.add("id bigint NOT NULL");
                columns.add("part int NOT NULL");
            }
        }
        int extra = 5 + (i * 7) % 9;
        String[] types = {"text NOT NULL", "varchar(120)", "numeric(12,2)", "timestamptz NOT NULL DEFAULT now()",
                "timestamp", "jsonb", "json", "integer[]", "boolean NOT NULL DEFAULT false", "date", "bigint",
                "text CHECK (c%d IN ('new', 'paid', 'shipped'))", "double precision", "smallint"};
        for (int c = 0; c < extra; c++) {
            String type = c == 0 ? "text NOT NULL" : types[(i + c * 3) % types.length]; // c0 is indexed
            columns.add(String.format(Locale.ROOT, "c%d %s", c, type.contains("%d") ? String.format(type, c) : type));
        }
        if (key == Key.COMPOSITE) {
            columns.add("PRIMARY KEY (id, part)");
        }
        // foreign keys to two earlier tables that have a single-column key
        for (int f = 0; f < 2; f++) {
            int target = f == 0 ? i - 1 : i / 2;
            if (target < 0 || target == i || key(target) == Key.KEYLESS) {
                continue;
            }
            String fk = "ref" + f;
            if (key(target) == Key.COMPOSITE) {
                columns.add(fk + "_id bigint");
                columns.add(fk + "_part int");
                columns.add("FOREIGN KEY (" + fk + "_id, " + fk + "_part) REFERENCES " + schema + ".t" + target
                        + " (id, part)");
                if (i % 2 == 0) { // the same columns in the other order: still supports the key
                    after.add("CREATE INDEX ON " + name + " (" + fk + "_part, " + fk + "_id)");
                }
                continue;
            }
            String type = switch (key(target)) {
                case SERIAL -> "integer";
                case RANDOM_UUID -> "uuid";
                default -> "bigint";
            };
            columns.add(fk + " " + type + " REFERENCES " + schema + ".t" + target + " (id)");
            switch ((i + f) % 6) {
                case 0, 1 -> after.add("CREATE INDEX ON " + name + " (" + fk + ")");
                case 2 -> after.add("CREATE INDEX ON " + name + " (" + fk + ", c0)");
                case 3 -> after.add("CREATE INDEX ON " + name + " (" + fk + ") WHERE " + fk + " IS NOT NULL");
                case 4 -> after.add("CREATE INDEX ON " + name + " (c0, " + fk + ")"); // does not support it
                default -> { } // no index
            }
        }
        if (i % 11 == 3) { // the same index twice
            after.add("CREATE INDEX ON " + name + " (c0)");
            after.add("CREATE INDEX ON " + name + " (c0)");
        }
        List<String> out = new ArrayList<>();
        if (i % 100 == 99) {
            out.add("CREATE TABLE " + name + " (id bigint NOT NULL, at date NOT NULL, amount numeric(12,2), "
                    + "payload json, PRIMARY KEY (id, at)) PARTITION BY RANGE (at)");
            out.add("CREATE TABLE " + name + "_2025 PARTITION OF " + name
                    + " FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')");
            out.add("CREATE TABLE " + name + "_2026 PARTITION OF " + name
                    + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
            return out;
        }
        out.add("CREATE TABLE " + name + " (" + String.join(", ", columns) + ")");
        out.addAll(after);
        return out;
    }
}

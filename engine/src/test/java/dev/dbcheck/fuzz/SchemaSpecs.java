package dev.dbcheck.fuzz;

import dev.dbcheck.fuzz.FuzzedSchemaTest.Column;
import dev.dbcheck.fuzz.FuzzedSchemaTest.TableSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Random schema specifications for {@link FuzzedSchemaTest}, drawn from a seeded generator so that a seed always
 * gives the same schema, and a greedy shrinker that makes a failing one smaller while it still fails.
 */
final class SchemaSpecs {

    static final String[] TYPES = {"bigint", "integer", "smallint", "text", "varchar(40)", "char(3)", "numeric(12,2)",
        "double precision", "real", "boolean", "date", "timestamptz", "timestamp", "time", "interval", "uuid", "json",
        "jsonb", "bytea", "inet", "int[]", "text[]", "tsvector", "money", "bit(4)", "xml"};
    static final String[] NAMES = {"orders", "Order Items", "select", "user", "\"quoted\"", "naïve", "заказы",
        "CamelCase", "with space", "x'y", "a;b", "from", "group", "1starts_with_digit", "ümlaut_ß", "tab\tname"};
    /** Whole code points (an emoji is two chars): names are joined from these, never from single chars. */
    static final String[] PIECES = {"A", "b", "Z", " ", "_", "-", "$", ".", "é", "😀", "\"", "'"};

    private SchemaSpecs() {
    }

    /** One to eight tables. */
    static List<TableSpec> schema(SplittableRandom random) {
        int tables = random.nextInt(1, 9);
        List<TableSpec> spec = new ArrayList<>(tables);
        for (int t = 0; t < tables; t++) {
            int columns = random.nextInt(1, 8);
            List<Column> list = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                list.add(new Column(name(random), TYPES[random.nextInt(TYPES.length)], random.nextBoolean()));
            }
            spec.add(new TableSpec(name(random), list, random.nextInt(0, 4), random.nextInt(4) == 0,
                    random.nextInt(0, 3), random.nextBoolean()));
        }
        return spec;
    }

    /** A keyword or odd name, a plain lower-case one up to 70 letters, or one joined from odd pieces. */
    static String name(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> NAMES[random.nextInt(NAMES.length)];
            case 1 -> {
                StringBuilder name = new StringBuilder();
                for (int i = random.nextInt(1, 71); i > 0; i--) {
                    name.append((char) ('a' + random.nextInt(26)));
                }
                yield name.toString();
            }
            default -> {
                StringBuilder name = new StringBuilder();
                for (int i = random.nextInt(1, 13); i > 0; i--) {
                    name.append(PIECES[random.nextInt(PIECES.length)]);
                }
                yield name.toString();
            }
        };
    }

    /**
     * Drops tables, then columns, as long as the schema still fails; what is left is each failure's smallest
     * form this greedy search finds (tables later in the list may reference earlier ones, so removing one changes
     * the foreign keys of the rest — the predicate decides).
     */
    static List<TableSpec> shrink(List<TableSpec> failing, Predicate<List<TableSpec>> stillFails) {
        List<TableSpec> current = failing;
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (int t = 0; t < current.size() && current.size() > 1; t++) {
                List<TableSpec> candidate = new ArrayList<>(current);
                candidate.remove(t);
                if (stillFails.test(candidate)) {
                    current = candidate;
                    smaller = true;
                    t--;
                }
            }
            for (int t = 0; t < current.size(); t++) {
                TableSpec table = current.get(t);
                for (int c = 0; c < table.columns().size() && table.columns().size() > 1; c++) {
                    List<Column> columns = new ArrayList<>(table.columns());
                    columns.remove(c);
                    List<TableSpec> candidate = new ArrayList<>(current);
                    candidate.set(t, new TableSpec(table.name(), columns, table.keyColumns(), table.partitioned(),
                            table.foreignKeys(), table.indexForeignKeys()));
                    if (stillFails.test(candidate)) {
                        current = candidate;
                        table = candidate.get(t);
                        smaller = true;
                        c--;
                    }
                }
            }
        }
        return current;
    }
}

package dev.dbcheck.schema;

import dev.dbcheck.sql.QualifiedName;
import java.util.List;

/**
 * What a foreign key references.
 *
 * @param table    the referenced table
 * @param columns  the referenced columns, in the order of the referencing columns
 * @param onDelete the ON DELETE action: {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE}, {@code SET NULL},
 *                 {@code SET DEFAULT}
 * @param onUpdate the ON UPDATE action, same values
 */
public record ForeignKeyTarget(QualifiedName table, List<String> columns, String onDelete, String onUpdate) {

    public ForeignKeyTarget {
        columns = List.copyOf(columns);
    }
}

package dev.dbcheck.schema;

import java.util.List;

/**
 * A primary key, unique, foreign key, check or exclusion constraint.
 *
 * @param name         constraint name
 * @param type         kind of constraint
 * @param columns      the constrained columns, in constraint order (empty for a check on an expression only)
 * @param definition   the definition as PostgreSQL prints it ({@code FOREIGN KEY (a) REFERENCES t(id)})
 * @param validated    false for a constraint added {@code NOT VALID} and not yet validated
 * @param inherited    true when it is the copy of a constraint of the partitioned parent
 * @param references   for a foreign key, what it references; else null
 * @param indexName    the index that enforces a primary key, unique or exclusion constraint; else null
 * @param comment      the constraint's comment, or null
 */
public record Constraint(String name, ConstraintType type, List<String> columns, String definition,
                         boolean validated, boolean inherited, ForeignKeyTarget references, String indexName,
                         String comment) {

    public Constraint {
        columns = List.copyOf(columns);
    }

    /** The same constraint with its definition as the server wrote it. */
    Constraint withDefinition(String text) {
        return new Constraint(name, type, columns, text, validated, inherited, references, indexName, comment);
    }
}

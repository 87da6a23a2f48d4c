package dev.dbcheck.schema;

import dev.dbcheck.sql.QualifiedName;

/**
 * A function or procedure.
 *
 * @param name      schema-qualified name
 * @param kind      {@code function}, {@code procedure}, {@code aggregate} or {@code window}
 * @param arguments the identity arguments ({@code p_order_id uuid})
 * @param language  {@code plpgsql}, {@code sql}, ...
 */
public record Routine(QualifiedName name, String kind, String arguments, String language) {
}

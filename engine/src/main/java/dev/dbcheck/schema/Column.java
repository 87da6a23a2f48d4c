package dev.dbcheck.schema;

/**
 * A column of a table or materialized view.
 *
 * @param name              column name
 * @param position          attribute number (1-based)
 * @param type              the declared type as PostgreSQL prints it ({@code character varying(20)}, {@code jsonb[]})
 * @param typeName          the catalog name of the underlying type, domains resolved; for arrays the element type
 *                          ({@code int4}, {@code json}, {@code timestamp}, {@code varchar})
 * @param typeKind          the underlying type's kind: base, enum, composite, range, multirange or pseudo
 * @param array             true when the column (or the domain it uses) is an array
 * @param domain            the domain's name when the column is declared with a domain, else null
 * @param notNull           NOT NULL
 * @param defaultExpression the default as PostgreSQL deparses it ({@code nextval('orders_id_seq'::regclass)}), or null
 * @param identity          identity kind
 * @param generated         true for a generated column ({@code GENERATED ALWAYS AS (...) STORED/VIRTUAL})
 * @param ownedSequence     the sequence owned by this column (serial or identity), schema-qualified, or null
 * @param comment           the column's comment, or null
 */
public record Column(String name, int position, String type, String typeName, TypeKind typeKind, boolean array,
                     String domain, boolean notNull, String defaultExpression, Identity identity, boolean generated,
                     String ownedSequence, String comment) {

    public enum Identity { NONE, ALWAYS, BY_DEFAULT }

    public enum TypeKind { BASE, ENUM, COMPOSITE, RANGE, MULTIRANGE, PSEUDO, DOMAIN }

    public boolean isIdentity() {
        return identity != Identity.NONE;
    }

    /** True when the default takes its value from a sequence (serial, bigserial, smallserial, explicit nextval). */
    public boolean defaultsToSequence() {
        return defaultExpression != null && defaultExpression.startsWith("nextval(");
    }
}

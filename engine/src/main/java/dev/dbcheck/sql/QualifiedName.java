package dev.dbcheck.sql;

/** A schema-qualified relation name, unquoted (as stored in the catalog). */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    @Override
    public String toString() {
        return Identifiers.qualified(schema, name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        int bySchema = schema.compareTo(other.schema);
        return bySchema != 0 ? bySchema : name.compareTo(other.name);
    }
}

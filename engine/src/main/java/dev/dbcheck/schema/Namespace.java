package dev.dbcheck.schema;

import java.util.List;

/**
 * A schema and who may do what in it.
 *
 * @param name             the schema
 * @param owner            its owner
 * @param writableByPublic whether every role may create objects in it (PUBLIC has CREATE), by default or by grant:
 *                         {@code public} before PostgreSQL 15, or a {@code GRANT CREATE ... TO PUBLIC}
 * @param publicGrants     privileges PUBLIC holds beyond what PostgreSQL gives it by default ({@code CREATE},
 *                         {@code USAGE}); empty when none were granted
 */
public record Namespace(String name, String owner, boolean writableByPublic, List<String> publicGrants) {

    public Namespace {
        publicGrants = List.copyOf(publicGrants);
    }
}

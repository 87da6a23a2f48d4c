package dev.dbcheck.schema;

import dev.dbcheck.sql.QualifiedName;

/**
 * A function or procedure.
 *
 * @param name      schema-qualified name
 * @param kind      {@code function}, {@code procedure}, {@code aggregate} or {@code window}
 * @param arguments the identity arguments ({@code p_order_id uuid})
 * @param language  {@code plpgsql}, {@code sql}, ...
 * @param securityDefiner whether it runs with its owner's privileges ({@code SECURITY DEFINER})
 * @param config    its own settings ({@code SET search_path = ...}), as {@code name=value}
 * @param publicExecute whether PUBLIC may run it: PostgreSQL's default for functions and procedures, until revoked
 */
public record Routine(QualifiedName name, String kind, String arguments, String language, boolean securityDefiner,
                      java.util.List<String> config, boolean publicExecute) {

    public Routine {
        config = java.util.List.copyOf(config);
    }

    /** How GRANT and REVOKE name it: {@code FUNCTION public.f(uuid)} or {@code PROCEDURE ...}. */
    public String signature() {
        return (kind.equals("procedure") ? "PROCEDURE " : "FUNCTION ") + name + "(" + arguments + ")";
    }

    /** Its own {@code search_path}, or null when it takes the caller's. */
    public String searchPath() {
        return config.stream().filter(c -> c.startsWith("search_path=")).map(c -> c.substring("search_path=".length()))
                .findFirst().orElse(null);
    }
}

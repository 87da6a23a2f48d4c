package dev.dbcheck.maven;

/**
 * The {@code <docker>} element, for {@code <provider>docker</provider>}:
 * <pre>{@code
 * <docker>
 *   <image>postgis/postgis:16-3.4</image>
 * </docker>
 * }</pre>
 */
public class DockerConfiguration {

    /**
     * The image; default the official postgres image of postgresVersion ({@code postgres:17}). Any image that
     * behaves like the official one: POSTGRES_USER/PASSWORD/DB variables, {@code postgres} as its command.
     */
    String image;
}

package dev.dbcheck.base;

/**
 * How a front end names what a user can change: a setting (the Maven plugin writes {@code <dashboards><volumes>}),
 * a setting with a value, a command-line property ({@code -Ddbcheck.docker.image}) and a command
 * ({@code mvn dbcheck:baseline}). The engine's messages ask the installed wording instead of writing Maven's words,
 * so that another front end (a CLI, a Gradle plugin) gets messages in its own. Without a front end's wording the
 * engine names settings by their keys.
 *
 * <p>One wording per JVM: a JVM runs one front end, and the wording is only names, no state of a run.
 */
public interface Wording {

    /** A setting by its key: {@code dashboards.volumes}. */
    String setting(String key);

    /** A setting given a value: {@code server.url=jdbc:postgresql://...}. */
    String example(String key, String value);

    /** The command-line property of a setting: {@code dbcheck.docker.image}. */
    String property(String property);

    /** How the user runs one of dbcheck's commands: {@code baseline}. */
    String command(String name);

    /** Keys as keys: the engine's own words. */
    Wording KEYS = new Wording() {
        @Override
        public String setting(String key) {
            return key;
        }

        @Override
        public String example(String key, String value) {
            return key + "=" + value;
        }

        @Override
        public String property(String property) {
            return property;
        }

        @Override
        public String command(String name) {
            return "dbcheck " + name;
        }
    };

    /** The front end's wording, or {@link #KEYS}. */
    static Wording current() {
        return Installed.wording;
    }

    /** Called once by a front end before it runs anything. */
    static void install(Wording wording) {
        Installed.wording = wording;
    }

    /** The holder of the installed wording (interfaces cannot have mutable fields). */
    final class Installed {
        private static volatile Wording wording = KEYS;

        private Installed() {
        }
    }
}

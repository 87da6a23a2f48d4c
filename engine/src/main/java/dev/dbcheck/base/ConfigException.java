package dev.dbcheck.base;

/** A configuration value that is missing, unknown or malformed. The message starts with the key. */
public class ConfigException extends DbcheckException {

    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The configuration key as written in the pom, e.g. {@code rules[json-column].severity}. */
    public String key() {
        return key;
    }
}

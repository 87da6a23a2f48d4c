package dev.dbcheck.base;

import java.util.List;

/**
 * One setting, declared once: its key, type, default, one-line doc and command-line property. The front ends'
 * binding (the plugin's {@code <configuration>}, {@code -D} properties), the validation messages and the
 * reference table in docs/configuration.md all come from these declarations.
 *
 * @param name        the element's name at its level ({@code url} in {@code <server><url>})
 * @param key         the whole key, as messages name it ({@code server.url})
 * @param kind        a value, a list of values, a map of named values, a section of settings, or a list of items
 * @param type        how each value is read (null for sections and items)
 * @param defaultText the default as docs show it; null when there is none (or it is computed)
 * @param doc         one line: what it does
 * @param property    the command-line property ({@code dbcheck.server.url}); null when there is none
 * @param itemName    for a list or items: the child element's name ({@code schema}, {@code rule})
 * @param itemKey     for items: the child that names an item in messages ({@code id} → {@code rules[json-column]})
 * @param children    for a section or items: the settings inside
 */
public record Setting<T>(String name, String key, Kind kind, ValueType<T> type, String defaultText, String doc,
                         String property, String itemName, String itemKey, List<Setting<?>> children) {

    public enum Kind { VALUE, LIST, MAP, SECTION, ITEMS }

    /** The prefix of every setting's command-line property. */
    public static final String PROPERTY_PREFIX = "dbcheck.";

    public Setting {
        children = List.copyOf(children);
    }

    /** A single value, with the property {@code dbcheck.<key>}. */
    public static <T> Setting<T> value(String key, ValueType<T> type, String defaultText, String doc) {
        return new Setting<>(last(key), key, Kind.VALUE, type, defaultText, doc, PROPERTY_PREFIX + key, null, null,
                List.of());
    }

    /** A list, {@code <schemas><schema>a</schema></schemas>}, or comma-separated in the property. */
    public static <T> Setting<T> list(String key, String itemName, ValueType<T> type, String defaultText, String doc) {
        return new Setting<>(last(key), key, Kind.LIST, type, defaultText, doc, PROPERTY_PREFIX + key, itemName, null,
                List.of());
    }

    /** Named values, {@code <volumes><orders>1M</orders></volumes>}; each also as {@code dbcheck.<key>.<name>}. */
    public static <T> Setting<T> map(String key, ValueType<T> type, String doc) {
        return new Setting<>(last(key), key, Kind.MAP, type, null, doc, PROPERTY_PREFIX + key, null, null, List.of());
    }

    /** A group of settings, {@code <server><url>...</url></server>}. */
    public static Setting<Void> section(String key, String doc, List<Setting<?>> children) {
        return new Setting<>(last(key), key, Kind.SECTION, null, null, doc, null, null, null, children);
    }

    /** A list of structured items, {@code <rules><rule><id>...</id>...</rule></rules>}; no property. */
    public static Setting<Void> items(String key, String itemName, String itemKey, String doc,
                                      List<Setting<?>> children) {
        return new Setting<>(last(key), key, Kind.ITEMS, null, null, doc, null, itemName, itemKey, children);
    }

    /** The same setting without a command-line property. */
    public Setting<T> withoutProperty() {
        return new Setting<>(name, key, kind, type, defaultText, doc, null, itemName, itemKey, children);
    }

    /** The same setting under another property name ({@code dbcheck.dashboards.skip}). */
    public Setting<T> withProperty(String newProperty) {
        return new Setting<>(name, key, kind, type, defaultText, doc, newProperty, itemName, itemKey, children);
    }

    /** The child named {@code childName}, for sections and items. */
    public java.util.Optional<Setting<?>> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}

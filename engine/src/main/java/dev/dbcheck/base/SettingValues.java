package dev.dbcheck.base;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw configuration read against the declared {@link Setting}s: every element checked to be a setting (an
 * unknown one fails, naming the closest), every value parsed by its setting's type on request, with its key in the
 * message. A command-line property wins over the configuration, as with {@code flyway-maven-plugin}; the
 * declared default comes last.
 */
public final class SettingValues {

    private final List<Setting<?>> settings;
    private final RawNode scope;
    private final String prefix;
    private final Map<String, String> properties;
    private final Map<String, String> fallbacks;

    private SettingValues(List<Setting<?>> settings, RawNode scope, String prefix, Map<String, String> properties,
                          Map<String, String> fallbacks) {
        this.settings = settings;
        this.scope = scope;
        this.prefix = prefix;
        this.properties = properties;
        this.fallbacks = fallbacks;
    }

    /**
     * @param settings   the top-level declarations
     * @param root       the configuration element (its children are the settings)
     * @param properties command-line properties ({@code dbcheck.postgresVersion=16}); they win over {@code root}
     * @param fallbacks  properties that count only where {@code root} says nothing (a pom's {@code <properties>})
     * @throws ConfigException on an element that is no setting, or a value where a list or section belongs
     */
    public static SettingValues read(List<Setting<?>> settings, RawNode root, Map<String, String> properties,
                                     Map<String, String> fallbacks) throws ConfigException {
        check(settings, root, "");
        return new SettingValues(List.copyOf(settings), root, "", Map.copyOf(properties), Map.copyOf(fallbacks));
    }

    private static void check(List<Setting<?>> declared, RawNode node, String prefix) throws ConfigException {
        for (RawNode child : node.children()) {
            Setting<?> s = declared.stream().filter(d -> d.name().equals(child.name())).findFirst().orElse(null);
            String key = prefix + child.name();
            if (s == null) {
                throw new ConfigException(key, "unknown setting" + Suggestions.didYouMean(child.name(),
                        declared.stream().map(Setting::name).toList()) + "; the settings are "
                        + String.join(", ", declared.stream().map(Setting::name).toList()));
            }
            switch (s.kind()) {
                case VALUE -> {
                    if (!child.children().isEmpty()) {
                        throw new ConfigException(key, "a single value is expected, not <" + child.children().get(0)
                                .name() + ">");
                    }
                }
                case LIST, MAP -> {
                    for (RawNode entry : child.children()) {
                        if (!entry.children().isEmpty()) {
                            throw new ConfigException(key + "." + entry.name(), "a value is expected, not <"
                                    + entry.children().get(0).name() + ">");
                        }
                    }
                }
                case SECTION -> check(s.children(), child, prefix + s.name() + ".");
                case ITEMS -> {
                    for (RawNode item : child.children()) {
                        if (!item.name().equals(s.itemName())) {
                            throw new ConfigException(key + "." + item.name(), "each entry of <" + s.name() + "> is a <"
                                    + s.itemName() + ">");
                        }
                        check(s.children(), item, itemPrefix(s, item, key));
                    }
                }
            }
        }
    }

    /** {@code rules[json-column].}: the item named by its {@link Setting#itemKey()} child. */
    private static String itemPrefix(Setting<?> s, RawNode item, String key) {
        String name = item.child(s.itemKey()).map(RawNode::text).orElse("");
        return key + "[" + (name == null ? "" : name.trim()) + "].";
    }

    /** The key messages name a setting by, in this scope ({@code rules[json-column].severity}). */
    public String keyOf(Setting<?> s) {
        return prefix + s.key();
    }

    private Optional<RawNode> node(Setting<?> s) {
        RawNode at = scope;
        for (String part : s.key().split("\\.")) {
            Optional<RawNode> next = at.child(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of(at);
    }

    private String property(Setting<?> s) {
        return lookup(properties, s);
    }

    private String fallback(Setting<?> s) {
        return lookup(fallbacks, s);
    }

    private String lookup(Map<String, String> from, Setting<?> s) {
        if (s.property() == null || !prefix.isEmpty()) {
            return null;
        }
        String v = from.get(s.property());
        return v == null || v.isBlank() ? null : v;
    }

    /** Whether the setting is given at all (property or configuration). */
    public boolean isSet(Setting<?> s) {
        return property(s) != null || fallback(s) != null || node(s).map(n -> n.text() != null && !n.text().isBlank()
                || !n.children().isEmpty()).orElse(false);
    }

    /** The line the setting was written on, or 0. */
    public int line(Setting<?> s) {
        return node(s).map(RawNode::line).orElse(0);
    }

    /** The line of this scope's element (an item's), or 0. */
    public int line() {
        return scope.line();
    }

    /** The raw text as given (property first), or the declared default; null when neither. */
    public String text(Setting<?> s) {
        String p = property(s);
        if (p != null) {
            return p.trim();
        }
        Optional<String> given = node(s).map(RawNode::text).filter(t -> t != null && !t.isBlank()).map(String::trim);
        if (given.isPresent()) {
            return given.get();
        }
        String f = fallback(s);
        return f != null ? f.trim() : s.defaultText();
    }

    /** The value: the property, else the configuration, else the declared default; null when none. */
    public <T> T get(Setting<T> s) throws ConfigException {
        String t = text(s);
        return t == null || t.isBlank() ? null : s.type().parse(keyOf(s), t);
    }

    /** The value, or {@code fallback} where neither it nor a default is given. */
    public <T> T get(Setting<T> s, T fallback) throws ConfigException {
        T v = get(s);
        return v != null ? v : fallback;
    }

    /**
     * A list: from the property (comma-separated), else the configuration's entries (each may itself be
     * comma-separated), else the default; empty when none.
     */
    public <T> List<T> list(Setting<T> s) throws ConfigException {
        List<String> texts = new ArrayList<>();
        String p = property(s);
        Optional<RawNode> n = node(s);
        if (p != null) {
            texts.addAll(ValueType.commaSeparated(p));
        } else if (n.isPresent() && !n.get().children().isEmpty()) {
            for (RawNode entry : n.get().children()) {
                if (entry.text() != null) {
                    texts.addAll(ValueType.commaSeparated(entry.text()));
                }
            }
        } else if (n.isPresent() && n.get().text() != null && !n.get().text().isBlank()) {
            texts.addAll(ValueType.commaSeparated(n.get().text()));
        } else if (fallback(s) != null) {
            texts.addAll(ValueType.commaSeparated(fallback(s)));
        } else if (s.defaultText() != null) {
            texts.addAll(ValueType.commaSeparated(s.defaultText()));
        }
        List<T> values = new ArrayList<>();
        for (String t : texts) {
            values.add(s.type().parse(keyOf(s), t));
        }
        return values;
    }

    /**
     * Named values, in the order given: the fallbacks' {@code dbcheck.<key>.<name>} (a project's own Flyway
     * placeholders), then the configuration's, then {@code dbcheck.<key>.<name>} properties, each name taking the
     * last.
     */
    public <T> Map<String, T> map(Setting<T> s) throws ConfigException {
        Map<String, String> texts = new LinkedHashMap<>();
        if (s.property() != null && prefix.isEmpty()) {
            String start = s.property() + ".";
            fallbacks.forEach((k, v) -> {
                if (k.startsWith(start) && k.length() > start.length()) {
                    texts.put(k.substring(start.length()), v);
                }
            });
        }
        node(s).ifPresent(n -> n.children().forEach(c -> texts.put(c.name(), c.text())));
        if (s.property() != null && prefix.isEmpty()) {
            String start = s.property() + ".";
            properties.forEach((k, v) -> {
                if (k.startsWith(start) && k.length() > start.length()) {
                    texts.put(k.substring(start.length()), v);
                }
            });
        }
        Map<String, T> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String key = keyOf(s) + "." + e.getKey();
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new ConfigException(key, "a value is required");
            }
            values.put(e.getKey(), s.type().parse(key, e.getValue()));
        }
        return values;
    }

    /** A map setting's entries as written, blank values kept, for a check of its own. */
    public Map<String, String> texts(Setting<?> s) {
        Map<String, String> texts = new LinkedHashMap<>();
        node(s).ifPresent(n -> n.children().forEach(c -> texts.put(c.name(), c.text() == null ? "" : c.text())));
        return texts;
    }

    /** The items of an items setting, each read against its children. */
    public List<SettingValues> items(Setting<?> s) {
        List<SettingValues> items = new ArrayList<>();
        node(s).ifPresent(n -> {
            for (RawNode item : n.children()) {
                items.add(new SettingValues(s.children(), item, itemPrefix(s, item, keyOf(s)), Map.of(), Map.of()));
            }
        });
        return items;
    }

    /**
     * Parses every value given, whether or not this run reads it, so that a bad value fails when the configuration
     * is read — not later, and not never (a dashboards setting in a build without dashboard queries).
     */
    public void checkAll() throws ConfigException {
        checkAll(settings);
    }

    private void checkAll(List<Setting<?>> declared) throws ConfigException {
        for (Setting<?> s : declared) {
            switch (s.kind()) {
                case VALUE -> get(s);
                case LIST -> list(s);
                case MAP -> {
                    for (Map.Entry<String, String> e : texts(s).entrySet()) {
                        if (!e.getValue().isBlank()) {
                            s.type().parse(keyOf(s) + "." + e.getKey(), e.getValue());
                        }
                    }
                }
                case SECTION -> checkAll(s.children());
                case ITEMS -> {
                    for (SettingValues item : items(s)) {
                        item.checkAll();
                    }
                }
            }
        }
    }

    /** The declarations this scope was read against. */
    public List<Setting<?>> settings() {
        return settings;
    }
}

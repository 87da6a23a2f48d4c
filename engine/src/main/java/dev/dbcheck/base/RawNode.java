package dev.dbcheck.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration as a front end read it, before any value is checked: a tree of named elements, each with text
 * or children — the plugin's {@code <configuration>} element, or what a test or a CLI builds. {@link Settings}
 * reads it against the declared settings.
 *
 * @param name     the element's name ({@code postgresVersion}, {@code rule})
 * @param text     its text, trimmed; null for an element with children
 * @param children its child elements, in order
 * @param line     the line of the element in its file, or 0 when unknown
 */
public record RawNode(String name, String text, List<RawNode> children, int line) {

    public RawNode {
        children = List.copyOf(children);
    }

    public static RawNode value(String name, String text) {
        return new RawNode(name, text, List.of(), 0);
    }

    public static RawNode element(String name, List<RawNode> children) {
        return new RawNode(name, null, children, 0);
    }

    public Optional<RawNode> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    public List<RawNode> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** A copy with a child replaced (or added): how a test or a front end sets one value. */
    public RawNode with(RawNode child) {
        List<RawNode> next = new ArrayList<>();
        boolean replaced = false;
        for (RawNode c : children) {
            if (c.name.equals(child.name) && !replaced) {
                next.add(child);
                replaced = true;
            } else if (!c.name.equals(child.name)) {
                next.add(c);
            }
        }
        if (!replaced) {
            next.add(child);
        }
        return new RawNode(name, text, next, line);
    }

    /** A copy with the element at a dotted key ({@code dashboards.workMem}) set to a text, sections made as needed. */
    public RawNode with(String dottedKey, String value) {
        return with(dottedKey, value(dottedKey.substring(dottedKey.lastIndexOf('.') + 1), value));
    }

    /** A copy with the element at a dotted key replaced by {@code element} (renamed to the key's last part). */
    public RawNode with(String dottedKey, RawNode element) {
        String[] parts = dottedKey.split("\\.");
        RawNode named = new RawNode(parts[parts.length - 1], element.text, element.children, element.line);
        return put(this, parts, 0, named);
    }

    private static RawNode put(RawNode at, String[] parts, int i, RawNode value) {
        if (i == parts.length - 1) {
            return at.with(value);
        }
        RawNode child = at.child(parts[i]).orElse(element(parts[i], List.of()));
        return at.with(put(child, parts, i + 1, value));
    }

    /** The element at a dotted key, if there is one. */
    public Optional<RawNode> at(String dottedKey) {
        RawNode node = this;
        for (String part : dottedKey.split("\\.")) {
            Optional<RawNode> next = node.child(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    /** A copy with one more child, after those of the same name (a list element). */
    public RawNode plus(RawNode child) {
        List<RawNode> next = new ArrayList<>(children);
        next.add(child);
        return new RawNode(name, text, next, line);
    }
}

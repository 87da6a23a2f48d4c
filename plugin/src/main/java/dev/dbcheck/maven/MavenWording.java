package dev.dbcheck.maven;

import dev.dbcheck.base.Wording;

/** The engine's messages in a Maven user's words: settings as pom elements, properties as -D, goals as mvn. */
final class MavenWording implements Wording {

    static final MavenWording INSTANCE = new MavenWording();

    private MavenWording() {
    }

    /** {@code dashboards.volumes} → {@code <dashboards><volumes>} */
    @Override
    public String setting(String key) {
        StringBuilder xml = new StringBuilder();
        for (String part : key.split("\\.")) {
            xml.append('<').append(part).append('>');
        }
        return xml.toString();
    }

    /** {@code server.url}, {@code v} → {@code <server><url>v</url></server>} */
    @Override
    public String example(String key, String value) {
        String[] parts = key.split("\\.");
        StringBuilder xml = new StringBuilder(setting(key)).append(value);
        for (int i = parts.length - 1; i >= 0; i--) {
            xml.append("</").append(parts[i]).append('>');
        }
        return xml.toString();
    }

    @Override
    public String property(String property) {
        return "-D" + property;
    }

    @Override
    public String command(String name) {
        return "mvn dbcheck:" + name;
    }
}

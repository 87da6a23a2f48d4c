package dev.dbcheck.provision.server;

/**
 * The existing server a run uses: dbcheck creates (or uses a given empty) database there.
 *
 * @param url              JDBC URL of a database to connect to for CREATE/DROP DATABASE (usually postgres)
 * @param user             from settings.xml or the environment
 * @param password         idem; never printed ({@link #toString} hides both)
 * @param credentialSource where they came from, for messages ("settings.xml server 'ci-db'")
 * @param database         an empty database to use instead of creating one, or null
 */
public record ServerTarget(String url, String user, String password, String credentialSource, String database) {

    @Override
    public String toString() {
        return "ServerTarget[url=" + url + ", credentials from " + credentialSource + ", database=" + database + "]";
    }
}

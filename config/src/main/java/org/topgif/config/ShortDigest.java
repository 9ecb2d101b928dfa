package org.topgif.config;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A short name for a text that is the same on every start and tells texts apart: the leading bytes of its
 * SHA-256 in base 36 (letters and digits, which a nonce, a file name and a NATS key all take as they are).
 * It reveals nothing of a secret it names.
 */
public final class ShortDigest {

    private ShortDigest() {
    }

    /** The first {@code bytes} bytes (1 to 32) of {@code text}'s SHA-256, in base 36 without leading zeros. */
    public static String of(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, Arrays.copyOf(digest, bytes)).toString(36);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java has SHA-256", impossible);
        }
    }
}

package org.topgif.fleet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.topgif.config.HostName;

/**
 * A host's name as one NATS subject token and one KV key. Letters, digits and {@code -} stand for themselves;
 * every other UTF-8 byte is {@code _} and two capital hex digits, so {@code db-1.eu} is {@code db-1_2Eeu}.
 * That meets both NATS rules (a token has no {@code . * >} or blank; a key is {@code [-/_=.a-zA-Z0-9]+}), and
 * each name has exactly one token: a token spelt another way is refused, so no subject can stand for a host
 * under a second name. Immutable.
 */
public record HostToken(String value) {

    private static final char ESCAPE = '_';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public HostToken {
        if (name(value).isEmpty()) {
            throw new IllegalArgumentException("not a host token");
        }
    }

    /** The token of {@code host}. */
    public static HostToken of(HostName host) {
        byte[] bytes = host.value().getBytes(StandardCharsets.UTF_8);
        StringBuilder token = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (standsForItself(b)) {
                token.append((char) b);
            } else {
                token.append(ESCAPE).append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return new HostToken(token.toString());
    }

    /** The host this token names. */
    public HostName host() {
        return name(value).orElseThrow();
    }

    /** The host {@code token} names, or empty when it is not a token {@link #of} would write. Linear time. */
    public static Optional<HostName> name(String token) {
        if (token == null || token.isEmpty() || token.length() > HostName.MAX_LENGTH * 12) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x80 && standsForItself((byte) c)) {
                bytes.put((byte) c);
            } else if (c == ESCAPE && i + 2 < token.length() && hex(token.charAt(i + 1)) >= 0
                    && hex(token.charAt(i + 2)) >= 0) {
                byte b = (byte) (hex(token.charAt(i + 1)) << 4 | hex(token.charAt(i + 2)));
                if (standsForItself(b)) {
                    return Optional.empty();
                }
                bytes.put(b);
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        bytes.flip();
        try {
            String name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            return HostName.problem(name).isEmpty() ? Optional.of(new HostName(name)) : Optional.empty();
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    private static boolean standsForItself(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.topgif.config;

import java.util.Optional;

import org.topgif.renderer.sample.PrintableText;

/**
 * A host's name as summaries and chat show it and the fleet files it: 1 to {@link #MAX_LENGTH} printable
 * characters, no blank at either end. Immutable.
 */
public record HostName(String value) {

    /** Discord's limit for an autocomplete choice's name and value, which a host name is both of. */
    public static final int MAX_LENGTH = 100;

    /** What a request or a schedule names the whole fleet by; no host may be called so. */
    public static final String FLEET = "*";

    /** What {@link #problem} names as the rule, for a setting's or a flag's message. */
    public static final String RULE = "1 to " + MAX_LENGTH + " printable characters, not \"" + FLEET
            + "\" alone, which means the whole fleet";

    public HostName {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /** Why {@code value} is not a host name, or empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("a host name is " + RULE + "; this one is empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("a host name is " + RULE + "; this one has " + value.length());
        }
        if (!PrintableText.of(value).equals(value) || value.isBlank()
                || Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return Optional.of("a host name is " + RULE + " with no blank at either end; this one has others");
        }
        if (value.equals(FLEET)) {
            return Optional.of("a host name is " + RULE);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}

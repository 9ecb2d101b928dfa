package org.topgif.config;

import java.util.Optional;

/**
 * The bot's token, checked for a bot token's shape before anything sends it: three dot-separated parts of
 * letters, digits, '-' and '_'. Its {@link #toString()} never shows it, and no message about it quotes it,
 * so a token that reaches a log line or an error shows as {@code ***}. Immutable.
 */
public record DiscordToken(String value) {

    /** Far longer than Discord's tokens (about 70 characters), short enough to bound what is sent. */
    public static final int MAX_LENGTH = 200;

    public DiscordToken {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("not a valid bot token (" + problem.get() + ")");
        }
    }

    /** What is wrong with {@code text} as a bot token, in words that never quote it; empty when nothing is. */
    public static Optional<String> problemWith(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                return Optional.of("it contains a blank");
            }
            if (c == '.') {
                if (i == 0 || text.charAt(i - 1) == '.' || i == text.length() - 1) {
                    return Optional.of("it has an empty part");
                }
                dots++;
            } else if (!(c == '-' || c == '_' || c < 0x80 && Character.isLetterOrDigit(c))) {
                return Optional.of("it contains a character that bot tokens never have");
            }
        }
        if (dots != 2) {
            return Optional.of("it should be three parts separated by dots");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "DiscordToken[***]";
    }
}

package org.topgif.config;

/**
 * The bot's token. Its {@link #toString()} never shows it, so a token that reaches a log line or an error
 * message by accident shows as {@code ***}. Immutable.
 */
public record DiscordToken(String value) {

    public DiscordToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a token is not blank");
        }
    }

    @Override
    public String toString() {
        return "DiscordToken[***]";
    }
}

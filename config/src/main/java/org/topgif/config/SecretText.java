package org.topgif.config;

/** A setting that must never be shown: a password or a token. It prints as {@code ***}. Immutable. */
public record SecretText(String value) {

    @Override
    public String toString() {
        return "***";
    }
}

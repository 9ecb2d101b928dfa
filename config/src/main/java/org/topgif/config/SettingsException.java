package org.topgif.config;

/**
 * A setting that cannot be used; its message is the one line an operator needs: the key, the value, where the
 * value came from, and what was expected.
 */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SettingsException(String message) {
        super(message);
    }

    static SettingsException badValue(String key, String value, String origin, String expected) {
        return new SettingsException(
                "bad setting " + key + " = " + value + " (" + origin + "): expected " + expected);
    }
}

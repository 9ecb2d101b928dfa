package org.topgif.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/** Reads typed values from a resolved config, turning every wrong value into one clear {@link SettingsException}. */
final class SettingsReader {

    private final Config config;

    SettingsReader(Config config) {
        this.config = config;
    }

    int intIn(String key, int min, int max) {
        long value;
        try {
            value = config.getLong(key);
        } catch (ConfigException.WrongType | ConfigException.BadValue wrong) {
            throw bad(key, "an integer from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw bad(key, "an integer from " + min + " to " + max);
        }
        return (int) value;
    }

    Duration durationIn(String key, Duration min, Duration max) {
        String expected = "a duration from " + min.toMillis() + "ms to " + max.toSeconds() + "s, such as 1s";
        Duration value;
        try {
            value = config.getDuration(key);
        } catch (ConfigException.WrongType | ConfigException.BadValue wrong) {
            throw bad(key, expected);
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw bad(key, expected);
        }
        return value;
    }

    boolean bool(String key) {
        try {
            return config.getBoolean(key);
        } catch (ConfigException.WrongType wrong) {
            throw bad(key, "true or false");
        }
    }

    String string(String key, int maxLength) {
        ConfigValue value = config.getValue(key);
        if (value.valueType() == ConfigValueType.OBJECT || value.valueType() == ConfigValueType.LIST) {
            throw bad(key, "a text of at most " + maxLength + " characters");
        }
        String text = config.getString(key);
        if (text.length() > maxLength) {
            throw bad(key, "a text of at most " + maxLength + " characters");
        }
        return text;
    }

    <T> T choice(String key, Function<String, Optional<T>> parse, String choices) {
        return parse.apply(string(key, 100)).orElseThrow(() -> bad(key, "one of " + choices));
    }

    SettingsException bad(String key, String expected) {
        ConfigValue value = config.getValue(key);
        String shown = value.render(ConfigRenderOptions.concise());
        return SettingsException.badValue(key, shown, describe(value), expected);
    }

    private static String describe(ConfigValue value) {
        String origin = value.origin().description();
        // Typesafe names a merged origin "merge of a,b"; the first is the one that won.
        if (origin.startsWith("merge of ")) {
            origin = origin.substring("merge of ".length()).split(",")[0];
        }
        return origin.toLowerCase(Locale.ROOT).startsWith("environment") ? origin : "from " + origin;
    }
}

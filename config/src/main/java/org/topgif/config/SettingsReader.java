package org.topgif.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import org.topgif.renderer.sample.CommandLineRedactor;

/** Reads typed values from a resolved config, turning every wrong value into one clear {@link SettingsException}. */
final class SettingsReader {

    private final Config config;
    /** What the keys are shown under in messages: "" for the root, "topgif.schedules[2]." for a list entry. */
    private final String shownPrefix;

    SettingsReader(Config config) {
        this(config, "");
    }

    SettingsReader(Config config, String shownPrefix) {
        this.config = config;
        this.shownPrefix = shownPrefix;
    }

    boolean has(String key) {
        return config.hasPath(key);
    }

    /** Each entry of a list of objects, read under its own name such as {@code topgif.schedules[2]}. */
    List<SettingsReader> objects(String key) {
        List<SettingsReader> entries = new ArrayList<>();
        List<? extends ConfigValue> list;
        try {
            list = config.getList(key);
        } catch (ConfigException.WrongType wrong) {
            throw bad(key, "a list of objects such as [ { channel = \"223456789012345678\" } ]");
        }
        for (int i = 0; i < list.size(); i++) {
            String name = shownPrefix + key + "[" + i + "]";
            if (!(list.get(i) instanceof com.typesafe.config.ConfigObject object)) {
                throw SettingsException.badValue(name, list.get(i).render(ConfigRenderOptions.concise()),
                        describe(list.get(i)), "an object such as { channel = \"223456789012345678\" }");
            }
            entries.add(new SettingsReader(object.toConfig(), name + "."));
        }
        return entries;
    }

    /** Refuses keys other than {@code allowed}, such as a misspelt one in a list entry. */
    void onlyKeys(java.util.Set<String> allowed) {
        for (var entry : config.root().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw new SettingsException("bad setting " + shownPrefix + entry.getKey() + " ("
                        + describe(entry.getValue()) + "): unknown key; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    int intIn(String key, int min, int max) {
        return (int) longIn(key, min, max);
    }

    Duration durationIn(String key, Duration min, Duration max) {
        String expected = "a duration from " + min.toMillis() + "ms to " + max.toSeconds() + "s, such as 1s";
        Duration value = duration(key, expected);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw bad(key, expected);
        }
        return value;
    }

    /** Any duration; {@code expected} says what is, when it is not one. */
    Duration duration(String key, String expected) {
        try {
            return config.getDuration(key);
        } catch (ConfigException.WrongType | ConfigException.BadValue wrong) {
            throw bad(key, expected);
        }
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

    long longIn(String key, long min, long max) {
        String expected = "an integer from " + min + " to " + max;
        Long value = wholeNumber(config.getValue(key));
        if (value == null || value < min || value > max) {
            throw bad(key, expected);
        }
        return value;
    }

    /** A whole number as written, or null: Typesafe's getLong would quietly turn 5.5 into 5. */
    private static Long wholeNumber(ConfigValue value) {
        Object raw = value.unwrapped();
        if (raw instanceof Integer || raw instanceof Long) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException notWhole) {
                return null;
            }
        }
        return null;
    }

    /** A list of ids: a HOCON list, or from the environment a text of ids separated by commas or spaces. */
    List<Long> ids(String key) {
        ConfigValue value = config.getValue(key);
        List<String> texts = new ArrayList<>();
        if (value.valueType() == ConfigValueType.LIST) {
            for (ConfigValue item : config.getList(key)) {
                texts.add(String.valueOf(item.unwrapped()));
            }
        } else if (value.valueType() == ConfigValueType.STRING || value.valueType() == ConfigValueType.NUMBER) {
            for (String part : config.getString(key).split("[,\\s]+")) {
                if (!part.isEmpty()) {
                    texts.add(part);
                }
            }
        } else {
            throw bad(key, "a list of Discord ids such as [123456789012345678]");
        }
        List<Long> ids = new ArrayList<>();
        for (String text : texts) {
            try {
                long id = Long.parseLong(text.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException notAnId) {
                throw bad(key, "a list of Discord ids such as [123456789012345678]");
            }
        }
        return ids;
    }

    SettingsException bad(String key, String expected) {
        ConfigValue value = config.getValue(key);
        // A secret's value is never repeated back, not even in an error.
        // A URL's password is masked like a command line's.
        String shown = key.endsWith("token") || key.endsWith("password") ? "***"
                : CommandLineRedactor.redactText(value.render(ConfigRenderOptions.concise()));
        return SettingsException.badValue(shownPrefix + key, shown, describe(value), expected);
    }

    /** A setting that is required and missing. */
    SettingsException missing(String key, String expected) {
        return new SettingsException("bad setting " + shownPrefix + key + " is missing: expected " + expected);
    }

    /** A whole number (an id, say) in its own words when it is not one. */
    long wholeNumber(String key, String expected) {
        Long value = wholeNumber(config.getValue(key));
        if (value == null) {
            throw bad(key, expected);
        }
        return value;
    }

    /**
     * Where a key's value came from, as an operator names it: the environment variable ({@code DISCORD_TOKEN}),
     * or the key and its file ({@code topgif.discord.token (from application.conf: 3)}).
     */
    String source(String key) {
        String origin = describe(config.getValue(key));
        String variable = "environment variable ";
        return origin.startsWith(variable) ? origin.substring(variable.length()) : key + " (" + origin + ")";
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

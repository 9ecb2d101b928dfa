package org.topgif.bot.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A subcommand's {@code --name value}, {@code --name=value} and {@code --flag} options, checked against the
 * names it accepts. Immutable once parsed.
 */
public final class ParsedOptions {

    private final Map<String, String> values;
    private final Set<String> flags;

    private ParsedOptions(Map<String, String> values, Set<String> flags) {
        this.values = Map.copyOf(values);
        this.flags = Set.copyOf(flags);
    }

    /** Parses {@code args}; any name not in {@code valued} or {@code flagNames} is a usage error. */
    public static ParsedOptions parse(List<String> args, Set<String> valued, Set<String> flagNames) throws UsageException {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(2, equals) : arg.substring(2);
            if (flagNames.contains(name) && equals < 0) {
                flags.add(name);
            } else if (valued.contains(name)) {
                String value;
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                if (values.put(name, value) != null) {
                    throw new UsageException("--" + name + " given twice");
                }
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new ParsedOptions(values, flags);
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public int intIn(String name, int fallback, int min, int max) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the range.
        }
        throw new UsageException("--" + name + " " + text + ": expected an integer from " + min + " to " + max);
    }

    /** A duration written as 1s, 500ms, 2m or a bare number of seconds. */
    public Duration durationIn(String name, Duration fallback, Duration min, Duration max) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        Duration value = parseDuration(text.trim());
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new UsageException("--" + name + " " + text + ": expected a duration from " + describe(min)
                    + " to " + describe(max) + ", such as 1s or 500ms");
        }
        return value;
    }

    public <T> T choice(String name, T fallback, Function<String, Optional<T>> parse, String choices)
            throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        Optional<T> parsed = parse.apply(text);
        if (parsed.isEmpty()) {
            throw new UsageException("--" + name + " " + text + ": expected " + choices);
        }
        return parsed.get();
    }

    private static Duration parseDuration(String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            }
            if (text.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)) * 60);
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException notADuration) {
            return null;
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}

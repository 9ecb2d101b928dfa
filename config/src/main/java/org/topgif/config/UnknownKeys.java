package org.topgif.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;

/**
 * Finds settings under {@code topgif.} that reference.conf does not know, such as a misspelt
 * {@code topgif.screen.rowz}, and environment variables named {@code TOPGIF_…} that name no setting, such as
 * {@code TOPGIF_SCREEN_SORTT}, and says which was probably meant. Stateless and thread-safe.
 */
final class UnknownKeys {

    private UnknownKeys() {
    }

    /** One warning per unknown key, in the order of the keys: "unknown setting … — did you mean …?". */
    static List<String> warnings(Config merged, Config reference) {
        Set<String> known = keysOf(reference);
        List<String> warnings = new ArrayList<>();
        for (var entry : merged.getConfig("topgif").entrySet()) {
            String key = "topgif." + entry.getKey();
            if (!known.contains(key)) {
                warnings.add("unknown setting " + key + " (" + origin(entry.getValue()) + ")" + nearest(key, known));
            }
        }
        warnings.sort(null);
        return warnings;
    }

    /**
     * One warning per environment variable that starts with {@code TOPGIF_} but is neither a setting's name
     * nor one of {@code others} (read elsewhere, such as by the launcher script), in the order of the names.
     */
    static List<String> environmentWarnings(Set<String> variables, Config reference, Set<String> others) {
        Set<String> known = new HashSet<>(others);
        for (String key : keysOf(reference)) {
            known.add(SettingsLoader.environmentName(key));
        }
        List<String> warnings = new ArrayList<>();
        for (String variable : variables) {
            if (variable.startsWith("TOPGIF_") && !known.contains(variable)) {
                warnings.add("unknown environment variable " + variable + ", ignored"
                        + closest(variable, known).map(meant -> " — did you mean " + meant + "?").orElse(""));
            }
        }
        warnings.sort(null);
        return warnings;
    }

    private static Set<String> keysOf(Config reference) {
        Set<String> keys = new HashSet<>();
        for (var entry : reference.getConfig("topgif").entrySet()) {
            keys.add("topgif." + entry.getKey());
        }
        return keys;
    }

    private static String origin(ConfigValue value) {
        return value.origin().description();
    }

    /** " — did you mean rows?" for the known key closest in spelling, if it is close enough to be meant. */
    private static String nearest(String key, Set<String> known) {
        return closest(key, known).map(best -> " — did you mean "
                + (parent(best).equals(parent(key)) ? lastPart(best) : best) + "?").orElse("");
    }

    /** The known name closest in spelling to {@code name}, if it is close enough to be what was meant. */
    private static Optional<String> closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = EditDistance.between(name, candidate);
            if (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        String last = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('_')) + 1);
        if (best == null || bestDistance > Math.max(2, last.length() / 3)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String parent(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }
}

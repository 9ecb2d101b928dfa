package org.topgif.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;

/**
 * Finds settings under {@code topgif.} that reference.conf does not know, such as a misspelt
 * {@code topgif.screen.rowz}, and says which known key was probably meant. Stateless and thread-safe.
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

    private static Set<String> keysOf(Config reference) {
        Set<String> keys = new java.util.HashSet<>();
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
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(key, candidate);
            if (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || bestDistance > Math.max(2, lastPart(key).length() / 3)) {
            return "";
        }
        boolean sameParent = parent(best).equals(parent(key));
        return " — did you mean " + (sameParent ? lastPart(best) : best) + "?";
    }

    private static String lastPart(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String parent(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? "" : key.substring(0, dot);
    }

    /** Levenshtein distance; keys are short, so the quadratic table is a few hundred cells. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

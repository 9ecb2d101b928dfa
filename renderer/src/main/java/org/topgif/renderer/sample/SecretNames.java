package org.topgif.renderer.sample;

import java.util.Locale;
import java.util.Set;

/**
 * The one rule for whether a name looks like it holds a secret: an option's name ({@code --api-key}), an
 * assignment's key ({@code DB_PASSWORD=}), a header's name ({@code X-Auth-Token:}), a query parameter
 * ({@code access_token=}) or a JSON key. Stateless and thread-safe.
 *
 * <p>It prefers hiding too much ({@code --keyboard}, {@code author=} match) to too little.
 */
final class SecretNames {

    /** A name that contains one of these, in any case, looks secret. */
    private static final String[] PARTS = {"pass", "pwd", "secret", "token", "key", "auth", "credential",
            "cookie", "session", "bearer", "signature", "private", "jwt", "psk"};
    /** Names too short to look for inside longer ones, secret when they are the whole name. */
    private static final Set<String> WHOLE = Set.of("pw", "sig", "code", "pin", "otp");

    private SecretNames() {
    }

    /** Whether {@code text[from, to)}, without leading dashes or slashes, names a secret. */
    static boolean isSecret(CharSequence text, int from, int to) {
        while (from < to && (text.charAt(from) == '-' || text.charAt(from) == '/')) {
            from++;
        }
        if (from >= to) {
            return false;
        }
        String name = text.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
        if (WHOLE.contains(name)) {
            return true;
        }
        for (String part : PARTS) {
            if (name.contains(part)) {
                return true;
            }
        }
        return false;
    }

    static boolean isSecret(String name) {
        return isSecret(name, 0, name.length());
    }
}

package org.topgif.renderer.sample;

/**
 * Masks the secrets inside one word (no white space in it), in one pass from left to right: the value of
 * {@code name=value}, {@code name:value} and {@code "name":"value"} whose name looks secret (options,
 * environment assignments, query parameters, headers, JSON), and the user-info of URLs
 * ({@code scheme://user:password@host}, {@code scheme://token@host}). Stateless and thread-safe.
 *
 * <p>Linear in the word's length whatever it holds: every character is looked at a bounded number of times,
 * and nothing searches past the word's end. No regular expression runs over the text.
 */
final class WordSecrets {

    /** Something in the word was masked. */
    static final int MASKED = 1;
    /** The word ends with a secret name and {@code =} ({@code --password=}, {@code "password":}): the value follows. */
    static final int VALUE_FOLLOWS = 2;
    /** The word ends with a secret header name and {@code :} ({@code X-Auth-Token:}): the rest is its value. */
    static final int HEADER_FOLLOWS = 4;
    /** A masked value opened a quote that the word does not close; bits 8-15 hold the quote character. */
    static final int QUOTE_OPEN = 8;

    private WordSecrets() {
    }

    /** The quote character of a {@link #QUOTE_OPEN} result. */
    static char openQuote(int result) {
        return (char) (result >>> 8);
    }

    /**
     * Appends {@code s[from, to)} to {@code out} with its secrets masked.
     *
     * @return the flags above, or 0 when nothing looked secret
     */
    static int mask(String s, int from, int to, StringBuilder out) {
        int result = 0;
        int copied = from;   // s[from, copied) is in out already
        int run = -1;        // start of the name being read, or -1
        int authority = -1;  // just after the latest "://" whose user-info may still end in '@', or -1
        int slash = -1;      // the first '/' after it
        int colon = -1;      // the first ':' after it
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (isNameChar(c)) {
                if (run < 0) {
                    run = i;
                }
                i++;
                continue;
            }
            int nameStart = run;
            run = -1;
            if (c == ':' && i + 2 < to && s.charAt(i + 1) == '/' && s.charAt(i + 2) == '/') {
                authority = i + 3;
                slash = -1;
                colon = -1;
                i += 3;
                continue;
            }
            int separator = i;
            boolean quotedName = false;
            if ((c == '"' || c == '\'') && nameStart > from && s.charAt(nameStart - 1) == c && i + 1 < to
                    && (s.charAt(i + 1) == ':' || s.charAt(i + 1) == '=')) {
                quotedName = true;
                separator = i + 1;
            }
            char sc = s.charAt(separator);
            if (nameStart >= 0 && (sc == '=' || sc == ':') && SecretNames.isSecret(s, nameStart, i)) {
                int value = separator + 1;
                out.append(s, copied, value);
                if (value >= to) {
                    return result | (sc == ':' && !quotedName ? HEADER_FOLLOWS : VALUE_FOLLOWS);
                }
                int end = valueEnd(s, value, to, quotedName);
                char quote = s.charAt(value);
                boolean quoted = quote == '"' || quote == '\'';
                if (quoted) {
                    out.append(quote);
                }
                out.append(CommandLineRedactor.MASK);
                if (quoted && end < to) {
                    out.append(quote);
                    end++;
                } else if (quoted) {
                    result |= QUOTE_OPEN | quote << 8;
                }
                result |= MASKED;
                copied = end;
                i = end;
                authority = -1;
                continue;
            }
            if (authority >= 0) {
                if (c == '?' || c == '#') {
                    authority = -1;
                } else if (c == '/' && slash < 0) {
                    slash = i;
                } else if (c == ':' && colon < 0) {
                    colon = i;
                } else if (c == '@') {
                    // A '/' before any ':' means a path, as in https://host/@user, not user-info.
                    if (slash < 0 || colon >= 0 && colon < slash) {
                        int start = Math.max(authority, copied);
                        out.append(s, copied, start);
                        if (colon >= start) {
                            out.append(s, start, colon + 1);
                        }
                        out.append(CommandLineRedactor.MASK).append('@');
                        copied = i + 1;
                        result |= MASKED;
                    }
                    authority = -1;
                }
            }
            i++;
        }
        out.append(s, copied, to);
        return result;
    }

    /**
     * Where a secret value starting at {@code value} ends: at its closing quote if it starts with one, else at
     * the next '&' (a query's next parameter), or for a JSON value at ',' or '}'; at the word's end otherwise.
     */
    private static int valueEnd(String s, int value, int to, boolean json) {
        char first = s.charAt(value);
        if (first == '"' || first == '\'') {
            for (int k = value + 1; k < to; k++) {
                if (s.charAt(k) == first) {
                    return k;
                }
            }
            return to;
        }
        for (int k = value; k < to; k++) {
            char c = s.charAt(k);
            if (c == '&' || json && (c == ',' || c == '}')) {
                return k;
            }
        }
        return to;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c == '-' || c == '.' || Character.isLetterOrDigit(c);
    }
}

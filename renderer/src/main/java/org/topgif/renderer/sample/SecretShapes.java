package org.topgif.renderer.sample;

import java.util.List;

/**
 * Hides tokens that stand alone, with no secret-looking name before them, by their shape: the prefixes that
 * providers put on their tokens, JSON Web Tokens, and long words that look random. One pass from left to
 * right over a text that the name-based rules already masked; stateless and thread-safe.
 *
 * <p>A candidate is a maximal run of ASCII letters, digits and {@code _ - . +}; everything else (a blank,
 * {@code / = : @ , ;}, a quote) ends it, so a path is judged segment by segment. Linear in the text's length:
 * each character is looked at a bounded number of times and no regular expression runs over the text.
 */
final class SecretShapes {

    /**
     * Token prefixes as the providers document them, with how many characters must follow for a token:
     * GitHub (github.blog/changelog/2021-03-31-authentication-token-format-updates-are-generally-available:
     * ghp_, gho_, ghu_, ghs_, ghr_; fine-grained github_pat_), Slack (docs.slack.dev/authentication/tokens:
     * xoxb-, xoxp-, xoxe-, xapp- …), GitLab (docs.gitlab.com/security/tokens: glpat-, gldt-, glrt- …), Stripe
     * (docs.stripe.com/keys: sk_live_, rk_live_ and their test forms, whsec_ for webhook secrets), npm
     * (docs.npmjs.com/about-access-tokens and `npm token list`: npm_), AWS access key ids
     * (docs.aws.amazon.com STS GetAccessKeyInfo: AKIA long-term, ASIA temporary; 20 characters).
     */
    private record Prefix(String text, int atLeast) {
    }

    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("ghp_", 20), new Prefix("gho_", 20), new Prefix("ghu_", 20), new Prefix("ghs_", 20),
            new Prefix("ghr_", 20), new Prefix("github_pat_", 20),
            new Prefix("xoxb-", 10), new Prefix("xoxp-", 10), new Prefix("xoxa-", 10), new Prefix("xoxr-", 10),
            new Prefix("xoxs-", 10), new Prefix("xoxe-", 10), new Prefix("xoxc-", 10), new Prefix("xoxd-", 10),
            new Prefix("xapp-", 10),
            new Prefix("glpat-", 20), new Prefix("gldt-", 20), new Prefix("glrt-", 20), new Prefix("gloas-", 20),
            new Prefix("glptt-", 20), new Prefix("glcbt-", 20), new Prefix("glft-", 20), new Prefix("glimt-", 20),
            new Prefix("glsoat-", 20),
            new Prefix("sk_live_", 10), new Prefix("rk_live_", 10), new Prefix("sk_test_", 10),
            new Prefix("rk_test_", 10), new Prefix("whsec_", 10),
            new Prefix("npm_", 30));

    /** AWS access key ids: one of these, then 16 capitals or digits. */
    private static final List<String> AWS_KEY_IDS = List.of("AKIA", "ASIA", "ABIA", "ACCA");

    /**
     * The random-word rule, measured (SecretShapesTest): a run of at least this many characters with capitals,
     * small letters and digits, the digits in two runs or more, and fewer vowels than {@link #MAX_VOWELS} of its
     * letters. Of random base64url tokens it hides 75% at 20 characters, 84% at 24, 94% at 32, 97% at 40; it
     * keeps identifiers made of words (NetworkServiceInProcess2, Log4jContextSelector,
     * EnableIPv6ForwardingOnLinux2), and hex ids, UUIDs and versions, which lack capitals or small letters.
     */
    static final int RANDOM_MIN_LENGTH = 20;
    static final double MAX_VOWELS = 0.35;

    private SecretShapes() {
    }

    /** {@code text} with every run that looks like a token replaced by {@code ***}; the same object if none. */
    static String mask(String text) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isTokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && isTokenChar(text.charAt(end))) {
                end++;
            }
            if (looksSecret(text, i, end)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, i).append(CommandLineRedactor.MASK);
                copied = end;
            }
            i = end;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /** Whether {@code s[from, to)}, one whole run, has a token's shape. */
    static boolean looksSecret(String s, int from, int to) {
        for (Prefix prefix : PREFIXES) {
            if (s.startsWith(prefix.text(), from) && to - from - prefix.text().length() >= prefix.atLeast()) {
                return true;
            }
        }
        if (isAwsKeyId(s, from, to) || isDottedToken(s, from, to)) {
            return true;
        }
        // Judged part by part between dots, so that a.b.c names stay readable; one random part hides the run.
        int part = from;
        for (int k = from; k <= to; k++) {
            if (k == to || s.charAt(k) == '.') {
                if (looksRandom(s, part, k)) {
                    return true;
                }
                part = k + 1;
            }
        }
        return false;
    }

    private static boolean isAwsKeyId(String s, int from, int to) {
        if (to - from != 20) {
            return false;
        }
        for (String prefix : AWS_KEY_IDS) {
            if (s.startsWith(prefix, from)) {
                for (int k = from + 4; k < to; k++) {
                    char c = s.charAt(k);
                    if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Three dot-separated base64url parts, the first and last long: a JSON Web Token ({@code eyJ…}, the
     * encoding of <code>{"</code>) or a token shaped like one, as Discord's bot tokens are.
     */
    private static boolean isDottedToken(String s, int from, int to) {
        int[] dots = new int[2];
        int found = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c == '.') {
                if (found == 2) {
                    return false;
                }
                dots[found++] = k;
            } else if (c == '+') {
                return false;
            }
        }
        if (found != 2) {
            return false;
        }
        int first = dots[0] - from;
        int middle = dots[1] - dots[0] - 1;
        int last = to - dots[1] - 1;
        if (s.startsWith("eyJ", from) && first >= 10 && middle >= 2) {
            return true;
        }
        return first >= 20 && middle >= 4 && last >= 20 && hasCapitalSmallAndDigit(s, from, to);
    }

    private static boolean looksRandom(String s, int from, int to) {
        if (to - from < RANDOM_MIN_LENGTH || !hasCapitalSmallAndDigit(s, from, to)) {
            return false;
        }
        int digitRuns = 0;
        int letters = 0;
        int vowels = 0;
        boolean inDigits = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            boolean digit = c >= '0' && c <= '9';
            if (digit && !inDigits) {
                digitRuns++;
            }
            inDigits = digit;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                letters++;
                if ("aeiouAEIOU".indexOf(c) >= 0) {
                    vowels++;
                }
            }
        }
        return digitRuns >= 2 && vowels < MAX_VOWELS * letters;
    }

    private static boolean hasCapitalSmallAndDigit(String s, int from, int to) {
        boolean capital = false;
        boolean small = false;
        boolean digit = false;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            capital |= c >= 'A' && c <= 'Z';
            small |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return capital && small && digit;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c == '.' || c == '+';
    }
}

package org.topgif.renderer.sample;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Joins a process's arguments into one command line with anything that looks like a secret replaced by
 * {@code ***}, so that passwords and tokens never reach a screen, an image or a log. Immutable and thread-safe.
 *
 * <p>The rules, each applied to every argument and, inside an argument with blanks in it (a shell's
 * {@code -c} script, {@code ssh host "cmd"}, a header), to every word:
 * <ul>
 *   <li>an option whose name looks secret ({@link SecretNames}) hides the next argument:
 *       {@code --password X}, {@code -storepass X}, {@code --passphrase X}; so does a bare
 *       {@code password}, {@code secret} or {@code token} word ({@code nmcli … password X});</li>
 *   <li>{@code name=value}, {@code name:value}, {@code name= value}, {@code "name":"value"} and
 *       {@code name: value} hide the value when the name looks secret: options ({@code --password=X},
 *       {@code --password:X}), environment assignments ({@code DB_PASSWORD=X}), query parameters
 *       ({@code ?access_token=X}), headers ({@code Authorization: Bearer X}, {@code Cookie: a=b}) and JSON;</li>
 *   <li>a URL's user-info, with or without a password: {@code https://user:***@host}, {@code https://***@host};</li>
 *   <li>the secret options of well-known tools ({@link KnownTool}): {@code mysql -pX}, {@code curl -u u:p},
 *       {@code sshpass -p X}, PuTTY's {@code -pw X}, {@code redis-cli -a X}, {@code openssl -k X},
 *       {@code ldapsearch -w X}, {@code sqlcmd -P X}, {@code docker login -p X}, {@code sqlplus u/X@db},
 *       {@code htpasswd -b f u X}, also inside {@code sh -c} scripts and behind {@code sudo} or {@code env};</li>
 *   <li>an argument with blanks that starts with a masked value ({@code --password=two words}) is masked to its
 *       end, unless it is a {@code -c} script, where each word stands on its own;</li>
 *   <li>then, whatever names stand before them, tokens by their shape ({@link SecretShapes}): providers'
 *       prefixes ({@code ghp_…}, {@code xoxb-…}, {@code glpat-…}, {@code AKIA…}), JSON Web Tokens, and long
 *       words that look random.</li>
 * </ul>
 * A value that starts with {@code --} is taken for the next option, not for a secret. The rules prefer hiding
 * too much to too little.
 *
 * <p>Linear in the length of the command line, whatever it holds: it never backtracks and runs no regular
 * expression over the text.
 */
public final class CommandLineRedactor {

    /** Redacts as described above; the default everywhere. */
    public static final CommandLineRedactor ENABLED = new CommandLineRedactor(true);
    /** Joins the arguments unchanged, for operators who turned redaction off. */
    public static final CommandLineRedactor DISABLED = new CommandLineRedactor(false);

    static final String MASK = "***";

    /** Words that name what the next word is, as in {@code nmcli dev wifi connect X password Y}. */
    private static final Set<String> SECRET_KEYWORDS = Set.of("password", "passwd", "secret", "token", "psk");

    private final boolean enabled;

    private CommandLineRedactor(boolean enabled) {
        this.enabled = enabled;
    }

    /** Joins {@code argv} with spaces, as {@code top -c} shows it, hiding secrets when enabled. */
    public String redact(List<String> argv) {
        if (!enabled || argv.isEmpty()) {
            return String.join(" ", argv);
        }
        return SecretShapes.mask(new Pass().redact(argv));
    }

    /**
     * Hides what looks secret in a free text such as a URL or a setting's value, by the same rules as one
     * argument; always, even when command-line redaction is off, since it guards topgif's own messages.
     */
    public static String redactText(String text) {
        return SecretShapes.mask(new Pass().redact(List.of(text)));
    }

    /** What the words after the current one are, while reading. */
    private enum Hidden {
        /** Shown as they are, unless a rule hides them. */
        NONE,
        /** The next word or argument is a secret. */
        NEXT,
        /** Every word up to the one that closes {@link Pass#quote}. */
        UNTIL_QUOTE,
        /** Every word to the end of this argument. */
        REST
    }

    /** One redaction's reading state; belongs to one call. */
    private static final class Pass {
        private final StringBuilder out = new StringBuilder();
        /** {@link KnownTool} bits of the programs named so far in the current command. */
        private int tools;
        private Hidden hidden = Hidden.NONE;
        private char quote;

        String redact(List<String> argv) {
            int batchPassword = htpasswdBatchPassword(argv);
            for (int i = 0; i < argv.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                String arg = argv.get(i);
                if (i == batchPassword) {
                    out.append(MASK);
                } else if (hidden == Hidden.NEXT && !arg.startsWith("--")) {
                    out.append(MASK);
                    hidden = hidesNext(arg) ? Hidden.NEXT : Hidden.NONE;
                } else if (hasBlank(arg)) {
                    hidden = Hidden.NONE;
                    argument(arg, i > 0 && isScriptOption(argv.get(i - 1)));
                } else {
                    hidden = Hidden.NONE;
                    int result = word(arg, 0, arg.length(), i == 0);
                    if ((result & (WordSecrets.VALUE_FOLLOWS | WordSecrets.HEADER_FOLLOWS)) != 0) {
                        hidden = Hidden.NEXT;
                    }
                }
            }
            return out.toString();
        }

        /** An argument with blanks in it: word by word, keeping the blanks. */
        private void argument(String arg, boolean script) {
            boolean first = true;
            int i = 0;
            int n = arg.length();
            while (i < n) {
                char c = arg.charAt(i);
                if (isBlank(c)) {
                    out.append(c);
                    if (script && (c == '\n' || c == '\r')) {
                        tools = 0; // a new command
                    }
                    i++;
                    continue;
                }
                int end = i;
                while (end < n && !isBlank(arg.charAt(end))) {
                    end++;
                }
                int result = word(arg, i, end, first);
                if (first && !script && (result & WordSecrets.MASKED) != 0) {
                    hidden = Hidden.REST; // --password=two words
                } else if ((result & WordSecrets.QUOTE_OPEN) != 0) {
                    hidden = Hidden.UNTIL_QUOTE;
                    quote = WordSecrets.openQuote(result);
                } else if ((result & WordSecrets.HEADER_FOLLOWS) != 0) {
                    // "Authorization: Bearer x": the value ends where the quote that opened the header closes.
                    char opened = arg.charAt(i);
                    hidden = opened == '"' || opened == '\'' ? Hidden.UNTIL_QUOTE : Hidden.REST;
                    quote = opened;
                } else if ((result & WordSecrets.VALUE_FOLLOWS) != 0) {
                    hidden = Hidden.NEXT;
                }
                if (script && endsCommand(arg, i, end)) {
                    tools = 0;
                }
                first = false;
                i = end;
            }
            if (hidden == Hidden.REST || hidden == Hidden.UNTIL_QUOTE) {
                hidden = Hidden.NONE;
            }
        }

        /**
         * Appends one word of an argument (or a whole argument without blanks), masked as the rules say.
         *
         * @param program whether it names the program, where a keyword such as "passwd" is only a name
         * @return {@link WordSecrets}' flags for what the word masked or leaves open
         */
        private int word(String s, int from, int to, boolean program) {
            switch (hidden) {
                case REST -> {
                    out.append(MASK);
                    return 0;
                }
                case UNTIL_QUOTE -> {
                    out.append(MASK);
                    if (contains(s, from, to, quote)) {
                        out.append(quote);
                        hidden = Hidden.NONE;
                    }
                    return 0;
                }
                case NEXT -> {
                    if (!s.startsWith("--", from)) {
                        return hideNextWord(s, from, to);
                    }
                    hidden = Hidden.NONE;
                }
                default -> {
                }
            }
            int start = from;
            while (start < to && isOpening(s.charAt(start))) {
                start++;
            }
            int end = to;
            while (end > start && isClosing(s.charAt(end - 1))) {
                end--;
            }
            String core = s.substring(start, end);
            if (core.isEmpty()) {
                out.append(s, from, to);
                return 0;
            }
            if (core.charAt(0) == '-' || core.charAt(0) == '/' && KnownTool.FREERDP.in(tools)) {
                KnownTool.OptionUse use = KnownTool.secretOptionUse(tools, core);
                if (use.matched()) {
                    out.append(s, from, start + use.keep());
                    if (use.glued()) {
                        out.append(MASK).append(s, end, to);
                        return WordSecrets.MASKED;
                    }
                    out.append(s, start + use.keep(), to);
                    return WordSecrets.VALUE_FOLLOWS;
                }
                if (isSecretOption(core)) {
                    out.append(s, from, to);
                    return WordSecrets.VALUE_FOLLOWS;
                }
            } else {
                int named = KnownTool.bitsOf(core);
                if (core.equals("login") && KnownTool.REGISTRY_CLI.in(tools)) {
                    named |= KnownTool.REGISTRY_LOGIN.bit();
                }
                tools |= named;
                if (named == 0 && !program && SECRET_KEYWORDS.contains(core.toLowerCase(Locale.ROOT))) {
                    out.append(s, from, to);
                    return WordSecrets.VALUE_FOLLOWS;
                }
                if (named == 0 && KnownTool.ORACLE.in(tools) && core.charAt(0) != '@') {
                    int slash = core.indexOf('/');
                    if (slash > 0) {
                        int at = core.indexOf('@', slash);
                        out.append(s, from, start + slash + 1).append(MASK);
                        out.append(s, at < 0 ? end : start + at, to);
                        return WordSecrets.MASKED;
                    }
                }
            }
            return WordSecrets.mask(s, from, to, out);
        }

        /** The word after a secret option: masked, and the one after it too if it is a secret option itself. */
        private int hideNextWord(String s, int from, int to) {
            out.append(MASK);
            char first = s.charAt(from);
            if ((first == '"' || first == '\'') && !contains(s, from + 1, to, first)) {
                hidden = Hidden.UNTIL_QUOTE; // a quoted value with blanks in it
                quote = first;
                return 0;
            }
            hidden = Hidden.NONE;
            return hidesNext(s.substring(from, to)) ? WordSecrets.VALUE_FOLLOWS : 0;
        }

        /** Whether a word that is itself hidden is also an option whose value follows. */
        private boolean hidesNext(String word) {
            if (!word.startsWith("-")) {
                return false;
            }
            KnownTool.OptionUse use = KnownTool.secretOptionUse(tools, word);
            return use.matched() && !use.glued() || isSecretOption(word);
        }
    }

    /** {@code --password}, {@code -storepass}: an option without a value of its own whose name looks secret. */
    private static boolean isSecretOption(String word) {
        return word.length() > 1 && word.charAt(0) == '-' && word.indexOf('=') < 0 && word.indexOf(':') < 0
                && SecretNames.isSecret(word);
    }

    /** The index of the password in {@code htpasswd -b[c…] file user password}, or -1. */
    private static int htpasswdBatchPassword(List<String> argv) {
        boolean htpasswd = false;
        boolean batch = false;
        for (String arg : argv) {
            if (arg.length() > 1 && arg.charAt(0) == '-' && arg.charAt(1) != '-') {
                batch |= arg.indexOf('b') > 0 && arg.substring(1).chars().allMatch(Character::isLetter);
            } else if (KnownTool.HTPASSWD.in(KnownTool.bitsOf(arg))) {
                htpasswd = true;
            }
        }
        return htpasswd && batch ? argv.size() - 1 : -1;
    }

    /** {@code -c}, {@code -lc}: the next argument is a shell script, each of whose words stands alone. */
    private static boolean isScriptOption(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '-' || arg.charAt(arg.length() - 1) != 'c') {
            return false;
        }
        for (int i = 1; i < arg.length(); i++) {
            if (!Character.isLetter(arg.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A shell word that ends a command: {@code ;}, {@code &&}, {@code |}, or one ending in them. */
    private static boolean endsCommand(String s, int from, int to) {
        char last = s.charAt(to - 1);
        return last == ';' || last == '&' || last == '|' || last == '(' || s.charAt(from) == '(';
    }

    private static boolean contains(String s, int from, int to, char wanted) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == wanted) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBlank(String arg) {
        for (int i = 0; i < arg.length(); i++) {
            if (isBlank(arg.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** Quotes and shell punctuation around a word: {@code "--password}, {@code $(mysql}. */
    private static boolean isOpening(char c) {
        return c == '"' || c == '\'' || c == '(' || c == '`' || c == '$' || c == '{';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == '`' || c == ';' || c == '&' || c == '|' || c == '}';
    }
}

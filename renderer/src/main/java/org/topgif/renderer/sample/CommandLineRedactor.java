package org.topgif.renderer.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins a process's arguments into one command line with anything that looks like a secret replaced by
 * {@code ***}, so that passwords and tokens never reach a screen, an image or a log. Immutable and thread-safe.
 *
 * <p>What counts as a secret: the value of {@code name=value} (also {@code --name=value}, {@code -Dname=value})
 * when the name contains PASS, PWD, SECRET, TOKEN, KEY, AUTH or CREDENTIAL; the argument after an option whose
 * name ends in one of them ({@code --password x}, {@code -storepass x}); the password of known tools that
 * take it glued to a short option ({@code mysql -pX}, {@code sshpass -pX}, {@code redis-cli -a X},
 * {@code curl -u user:X}); the password in a URL's {@code user:password@}; and an {@code Authorization:}
 * header's credentials. It prefers hiding too much to too little.
 */
public final class CommandLineRedactor {

    /** Redacts as described above; the default everywhere. */
    public static final CommandLineRedactor ENABLED = new CommandLineRedactor(true);
    /** Joins the arguments unchanged, for operators who turned redaction off. */
    public static final CommandLineRedactor DISABLED = new CommandLineRedactor(false);

    static final String MASK = "***";

    private static final Pattern SECRET_WORD =
            Pattern.compile("pass|pwd|secret|token|key|auth|credential", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSIGNMENT = Pattern.compile("^(-{0,2}[A-Za-z_][A-Za-z0-9_.\\-]*)=(.+)$");
    private static final Pattern SECRET_OPTION = Pattern.compile(
            "^--?[A-Za-z0-9_.\\-]*(pass|passwd|password|pwd|secret|token|key|auth|credentials?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_USERINFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*://[^/\\s:@]*):[^@\\s/]*@");
    private static final Pattern AUTHORIZATION_HEADER =
            Pattern.compile("^((?:proxy-)?authorization:\\s*)(?:(\\S+)\\s+)?\\S.*$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> GLUED_P_TOOLS = Set.of("mysql", "mysqldump", "mysqladmin", "mysqlimport",
            "mysqlshow", "mysqlcheck", "mysqlpump", "mariadb", "mariadb-dump", "mariadb-admin", "sshpass");

    private final boolean enabled;

    private CommandLineRedactor(boolean enabled) {
        this.enabled = enabled;
    }

    /** Joins {@code argv} with spaces, as {@code top -c} shows it, hiding secrets when enabled. */
    public String redact(List<String> argv) {
        if (!enabled || argv.isEmpty()) {
            return String.join(" ", argv);
        }
        String tool = baseName(argv.get(0));
        List<String> shown = new ArrayList<>(argv.size());
        boolean hideNext = false;
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (hideNext && i > 0) {
                shown.add(MASK);
                hideNext = false;
                continue;
            }
            if (i == 0) {
                shown.add(redactWords(arg));
            } else if (isGluedPassword(tool, arg)) {
                shown.add(arg.substring(0, 2) + MASK);
            } else {
                hideNext = takesSecretValue(tool, arg);
                shown.add(redactArgument(arg));
            }
        }
        return String.join(" ", shown);
    }

    private static boolean takesSecretValue(String tool, String arg) {
        if (SECRET_OPTION.matcher(arg).matches()) {
            return true;
        }
        return switch (tool) {
            case "sshpass" -> arg.equals("-p");
            case "redis-cli" -> arg.equals("-a");
            case "curl" -> arg.equals("-u") || arg.equals("--user") || arg.equals("-U") || arg.equals("--proxy-user");
            default -> false;
        };
    }

    /** {@code mysql -pSECRET}, {@code redis-cli -aSECRET}: a password glued to a tool's short option. */
    private static boolean isGluedPassword(String tool, String arg) {
        return arg.length() > 2 && (GLUED_P_TOOLS.contains(tool) && arg.startsWith("-p")
                || tool.equals("redis-cli") && arg.startsWith("-a"));
    }

    private static String redactArgument(String arg) {
        Matcher header = AUTHORIZATION_HEADER.matcher(arg);
        if (header.matches()) {
            return header.group(1) + (header.group(2) != null ? header.group(2) + " " : "") + MASK;
        }
        return redactWords(arg);
    }

    /** Redacts each space-separated word, so {@code sh -c "DB_PASSWORD=x run"} is covered too. */
    private static String redactWords(String arg) {
        String withoutUserinfo = URL_USERINFO.matcher(arg).replaceAll("$1:" + MASK + "@");
        if (withoutUserinfo.indexOf('=') < 0) {
            return withoutUserinfo;
        }
        String[] words = withoutUserinfo.split(" ", -1);
        for (int i = 0; i < words.length; i++) {
            Matcher assignment = ASSIGNMENT.matcher(words[i]);
            if (assignment.matches() && SECRET_WORD.matcher(assignment.group(1)).find()) {
                words[i] = assignment.group(1) + "=" + MASK;
            }
        }
        return String.join(" ", words);
    }

    private static String baseName(String program) {
        int slash = program.lastIndexOf('/');
        return program.substring(slash + 1).toLowerCase(Locale.ROOT);
    }
}

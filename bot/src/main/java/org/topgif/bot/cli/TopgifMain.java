package org.topgif.bot.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.topgif.config.SettingsException;
import org.topgif.config.SettingsLoader;
import org.topgif.config.TopgifSettings;

/** The {@code topgif} executable: picks the subcommand, and turns every expected failure into one line. */
public final class TopgifMain {

    /** The work could not be done: a file could not be written, Discord refused the token. */
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    /** sysexits.h's EX_UNAVAILABLE: Discord could not be reached. */
    static final int EXIT_UNAVAILABLE = 69;
    /** sysexits.h's EX_CONFIG: the settings, not the command line, are wrong. */
    static final int EXIT_CONFIG = 78;

    private TopgifMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(help());
            return args.isEmpty() ? EXIT_USAGE : 0;
        }
        try {
            TopgifSettings settings = new SettingsLoader(environment).load();
            Map<String, Subcommand> subcommands = subcommands(settings);
            Subcommand subcommand = subcommands.get(args.get(0));
            if (subcommand == null) {
                throw new UsageException("unknown subcommand '" + args.get(0) + "'; try topgif --help");
            }
            List<String> rest = args.subList(1, args.size());
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print("usage: topgif " + subcommand.name() + " [options]\n" + subcommand.summary() + "\n\n"
                        + subcommand.usage());
                return 0;
            }
            return subcommand.run(rest, out, err);
        } catch (UsageException wrong) {
            err.println("topgif: " + wrong.getMessage());
            return EXIT_USAGE;
        } catch (SettingsException badSetting) {
            err.println("topgif: " + badSetting.getMessage());
            return EXIT_CONFIG;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            err.println("topgif: interrupted");
            return 130;
        }
    }

    private static Map<String, Subcommand> subcommands(TopgifSettings settings) {
        Map<String, Subcommand> all = new LinkedHashMap<>();
        boolean terminal = System.console() != null;
        for (Subcommand subcommand : List.of(new RenderCommand(settings, terminal), new SnapshotCommand(settings),
                new BotCommand(settings), new BenchCommand())) {
            all.put(subcommand.name(), subcommand);
        }
        return all;
    }

    private static String help() {
        StringBuilder help = new StringBuilder("""
                usage: topgif SUBCOMMAND [options]     (topgif SUBCOMMAND --help for its options)

                subcommands:
                """);
        for (Subcommand subcommand : subcommands(null).values()) {
            help.append(String.format("  %-10s %s%n", subcommand.name(), subcommand.summary()));
        }
        help.append("""

                settings: reference.conf defaults, overridden by ./application.conf (or -Dconfig.file=PATH)
                and by environment variables such as TOPGIF_SCREEN_ROWS=30.
                """);
        return help.toString();
    }
}

package org.topgif.bot.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.topgif.config.SettingsException;
import org.topgif.config.SettingsLoader;
import org.topgif.config.TopgifSettings;
import org.topgif.bot.failure.FailureCause;

/** The {@code topgif} executable: picks the subcommand, and turns every expected failure into one line. */
public final class TopgifMain {

    /** The work could not be done: a file could not be written, Discord refused the token. */
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    /** sysexits.h's EX_UNAVAILABLE: Discord could not be reached. */
    static final int EXIT_UNAVAILABLE = 69;
    /** sysexits.h's EX_SOFTWARE: a bug in topgif; the line says where. */
    static final int EXIT_SOFTWARE = 70;
    /** sysexits.h's EX_CONFIG: the settings, not the command line, are wrong. */
    static final int EXIT_CONFIG = 78;
    /** The shell's code for a command ended by SIGINT (Ctrl-C), 128 + 2. */
    static final int EXIT_INTERRUPTED = 130;

    private TopgifMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return run(args, environment, out, err, List.of());
    }

    /**
     * Runs {@code args} as the {@code topgif} command does, with {@code more} subcommands beside the bot's own
     * (the bench module's), so that every subcommand has the same settings, errors and exit codes.
     *
     * @return the process exit code
     */
    public static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err,
                          List<Subcommand> more) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(help(more));
            return args.isEmpty() ? EXIT_USAGE : 0;
        }
        try {
            TopgifSettings settings = new SettingsLoader(environment).load();
            settings.warnings().forEach(warning -> err.println("topgif: warning: " + warning));
            Map<String, Subcommand> subcommands = subcommands(settings, more);
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
            int status = subcommand.run(rest, out, err);
            out.flush();
            if (out.checkError()) {
                err.println("topgif: cannot write to standard output");
                return EXIT_FAILED;
            }
            return status;
        } catch (UsageException wrong) {
            err.println("topgif: " + wrong.getMessage());
            return EXIT_USAGE;
        } catch (SettingsException badSetting) {
            err.println("topgif: " + badSetting.getMessage());
            return EXIT_CONFIG;
        } catch (CommandFailure failed) {
            err.println("topgif: " + failed.getMessage());
            return EXIT_FAILED;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            err.println("topgif: interrupted");
            return EXIT_INTERRUPTED;
        } catch (RuntimeException | Error bug) {
            // Still one line: what escaped, where, without a stack trace a user cannot act on.
            err.println("topgif: internal error: " + FailureCause.oneLine(bug));
            return EXIT_SOFTWARE;
        }
    }

    private static Map<String, Subcommand> subcommands(TopgifSettings settings, List<Subcommand> more) {
        Map<String, Subcommand> all = new LinkedHashMap<>();
        boolean terminal = System.console() != null;
        for (Subcommand subcommand : List.of(new RenderCommand(settings, terminal), new SnapshotCommand(settings),
                new BotCommand(settings), new AgentCommand(settings), new CheckCommand(settings), new SchedulesCommand(settings, java.time.Clock.systemUTC()),
                new HealthCommand(settings, java.time.Clock.systemUTC()))) {
            all.put(subcommand.name(), subcommand);
        }
        for (Subcommand subcommand : more) {
            all.put(subcommand.name(), subcommand);
        }
        return all;
    }

    private static String help(List<Subcommand> more) {
        StringBuilder help = new StringBuilder("""
                usage: topgif SUBCOMMAND [options]     (topgif SUBCOMMAND --help for its options)

                subcommands:
                """);
        for (Subcommand subcommand : subcommands(null, more).values()) {
            help.append(String.format("  %-10s %s%n", subcommand.name(), subcommand.summary()));
        }
        help.append("""

                benchmarks: ./topgif bench NAME (sampler, recording, gif, legibility, wire) runs them from the
                bench module's jar, bench/target/topgif-bench.jar; the bot's jar holds only what runs in a bot.

                settings: reference.conf defaults, overridden by ./application.conf (or -Dconfig.file=PATH)
                and by environment variables such as TOPGIF_SCREEN_ROWS=30.
                """);
        return help.toString();
    }
}

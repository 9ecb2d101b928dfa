package org.topgif.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.topgif.bot.cli.TopgifMain;

/**
 * The bench module's jar: {@code topgif} with the bench subcommand added, so that {@code ./topgif bench …}
 * has the same settings, errors and exit codes as every other subcommand while the bot's jar holds none of it.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
        return TopgifMain.run(args, environment, out, err, List.of(new BenchCommand()));
    }
}

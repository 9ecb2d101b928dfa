package org.topgif.bot.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code topgif} subcommand. */
public interface Subcommand {

    String name();

    /** One line for {@code --help}. */
    String summary();

    /** The options, one per line, for {@code topgif NAME --help}. */
    String usage();

    /**
     * Runs with the arguments after the subcommand's name.
     *
     * @return the process exit code
     * @throws UsageException  when the arguments are wrong
     * @throws CommandFailure  when the work could not be done
     */
    int run(List<String> args, PrintStream out, PrintStream err)
            throws UsageException, CommandFailure, InterruptedException;
}

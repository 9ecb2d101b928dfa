package org.topgif.bot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.topgif.bot.health.HealthFile;
import org.topgif.config.TopgifSettings;

/**
 * {@code topgif health}: whether the bot running on this host is well, by the age of its health file, for
 * those who run the jar without a container. A container's healthcheck does the same with a shell alone.
 */
final class HealthCommand implements Subcommand {

    private final TopgifSettings settings;
    private final Clock clock;

    HealthCommand(TopgifSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "health";
    }

    @Override
    public String summary() {
        return "exit 0 if the bot is connected and sampling (by topgif.health-file), else 1 with the reason";
    }

    @Override
    public String usage() {
        return "  (no options: reads topgif.health-file, TOPGIF_HEALTH_FILE)\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, CommandFailure {
        ParsedOptions.parse(args, Set.of(), Set.of());
        Path file = settings.host().healthFile().orElseThrow(() -> new CommandFailure(
                "no health file is set: set topgif.health-file (TOPGIF_HEALTH_FILE) for the bot and for this check"));
        Optional<String> problem = new HealthFile(file, Path.of("/proc")).problem(clock);
        if (problem.isPresent()) {
            throw new CommandFailure("unhealthy: " + problem.get());
        }
        out.println("healthy");
        return 0;
    }
}

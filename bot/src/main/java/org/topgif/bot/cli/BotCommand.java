package org.topgif.bot.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import net.dv8tion.jda.api.exceptions.InvalidTokenException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.topgif.bot.failure.FailureCause;
import org.topgif.bot.LeasedBot;
import org.topgif.bot.TopgifBot;
import org.topgif.bot.health.HealthFile;
import org.topgif.bot.hosts.FleetBroker;
import org.topgif.bot.schedule.Sleeper;
import org.topgif.bot.recordings.HistoryRecordings;
import org.topgif.bot.recordings.HostRecordings;
import org.topgif.bot.recordings.Recordings;
import org.topgif.config.DiscordToken;
import org.topgif.config.HistorySettings;
import org.topgif.config.TopgifSettings;
import org.topgif.fleet.lease.BotLease;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;

/** {@code topgif bot}: runs the Discord bot until the process is stopped. */
final class BotCommand implements Subcommand {

    private static final Logger LOG = LoggerFactory.getLogger(BotCommand.class);

    /** Why the bot cannot start without a token, for this command and {@code topgif check}. */
    static final String NO_TOKEN = "no Discord token: set the environment variable DISCORD_TOKEN "
            + "(or topgif.discord.token in application.conf)";

    private final TopgifSettings settings;

    BotCommand(TopgifSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "bot";
    }

    @Override
    public String summary() {
        return "run the Discord bot (needs DISCORD_TOKEN); answers /top with a GIF";
    }

    @Override
    public String usage() {
        return """
                  (no options: settings come from application.conf and the environment; see the README)
                  DISCORD_TOKEN                  the bot's token (required)
                  TOPGIF_DISCORD_GUILD_IDS       register /top in these guilds only, at once (comma-separated)
                  TOPGIF_DISCORD_REST_URL        Discord's REST API, for a proxy or a test double
                  TOPGIF_DISCORD_GATEWAY_URL     Discord's gateway WebSocket, likewise
                """;
    }

    /**
     * With a history: one sampler for the bot's life, which every request draws from. Without: a sampler per
     * recording. Started before the bot connects, so the history already holds seconds when /top first comes.
     */
    private Recordings recordings() {
        HistorySettings history = settings.history();
        if (!history.enabled()) {
            return new HostRecordings(settings.redactor(), settings.host().passwdFile());
        }
        Duration interval = settings.recording().interval();
        return HistoryRecordings.startSampling(ProcessSampler.forThisHost(settings.redactor(),
                settings.host().passwdFile()), history.samples(interval), interval);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, InterruptedException {
        ParsedOptions.parse(args, Set.of(), Set.of());
        Optional<DiscordToken> token = settings.discord().token();
        if (token.isEmpty()) {
            err.println("topgif: " + NO_TOKEN);
            return TopgifMain.EXIT_CONFIG;
        }
        if (settings.standby().enabled()) {
            return runLeased(token.get(), err);
        }
        TopgifBot bot;
        try {
            bot = start(token.get());
        } catch (java.io.IOException unreadable) {
            err.println("topgif: the fleet's credentials cannot be used: " + unreadable.getMessage());
            return TopgifMain.EXIT_CONFIG;
        } catch (InvalidTokenException refused) {
            err.println("topgif: Discord refused the token (check DISCORD_TOKEN)");
            return TopgifMain.EXIT_FAILED;
        } catch (RuntimeException failed) {
            String url = CommandLineRedactor.redactText(settings.discord().restUrl());
            if (FailureCause.isNetwork(failed)) {
                err.println("topgif: cannot reach Discord's REST API at " + url + ": " + FailureCause.describe(failed));
                return TopgifMain.EXIT_UNAVAILABLE;
            }
            err.println("topgif: Discord did not let the bot start (" + url + "): " + FailureCause.describe(failed));
            return TopgifMain.EXIT_FAILED;
        }
        Duration grace = settings.rateLimit().shutdownGrace();
        // On SIGTERM or Ctrl-C: new /top requests are told to come back, recordings and posts under way get the
        // grace to finish, then JDA disconnects. The stop was asked for and went as planned: exit 0, not 143.
        // A second signal stops at once.
        StopSignals.install(() -> {
            try {
                LOG.info("stopping: recordings and posts under way get up to {} s", grace.toSeconds());
                bot.stop(grace);
                LOG.info("stopped");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        new CountDownLatch(1).await();
        return 0;
    }

    /** A bot of its own: its own sampling and its own connection to the fleet's broker, if any. */
    private TopgifBot start(DiscordToken token) throws java.io.IOException, InterruptedException {
        Optional<FleetBroker> fleet = settings.fleet().enabled()
                ? Optional.of(FleetBroker.connect(settings, Clock.systemUTC())) : Optional.empty();
        Clock clock = Clock.systemUTC();
        return TopgifBot.start(settings, token, recordings(), settings.host().name().value(), fleet, clock,
                Sleeper.on(clock));
    }

    /**
     * Runs the bot only while it holds the lease in the fleet's broker, standing by otherwise; a stop gives
     * the lease up. A term that cannot start (Discord unreachable, the token refused) ends the process, and
     * its restart policy brings it back as a standby.
     */
    private int runLeased(DiscordToken token, PrintStream err) throws InterruptedException {
        BotLease lease;
        try {
            lease = new BotLease(FleetConnection.open(settings.fleet(), "topgif-bot-lease " + settings.host().name()),
                    token.value(), settings.standby().leaseTtl(), settings.host().name() + " pid "
                    + ProcessHandle.current().pid(), System::nanoTime);
        } catch (java.io.IOException unreadable) {
            err.println("topgif: the fleet's credentials cannot be used: " + unreadable.getMessage());
            return TopgifMain.EXIT_CONFIG;
        }
        Duration grace = settings.rateLimit().shutdownGrace();
        Runnable standingBy = settings.host().healthFile().map(file -> standbyHealth(file, lease))
                .orElse(() -> { });
        LeasedBot leased = new LeasedBot(lease, () -> {
            try {
                return start(token);
            } catch (java.io.IOException unreadable) {
                throw new IllegalStateException("the fleet's credentials cannot be used: " + unreadable.getMessage());
            }
        }, grace, settings.standby().leaseTtl(), standingBy);
        StopSignals.install(() -> {
            try {
                leased.stop(grace.plusSeconds(5));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            leased.run();
        } catch (InvalidTokenException refused) {
            err.println("topgif: Discord refused the token (check DISCORD_TOKEN)");
            return TopgifMain.EXIT_FAILED;
        } catch (RuntimeException failed) {
            err.println("topgif: the bot could not start: " + FailureCause.describe(failed));
            return TopgifMain.EXIT_FAILED;
        }
        // Stopped by a signal: its handler ends the process once the stop is done.
        new CountDownLatch(1).await();
        return 0;
    }

    /** While standing by, healthy as long as the broker that keeps the lease answers; written every 30 s. */
    private static Runnable standbyHealth(java.nio.file.Path file, BotLease lease) {
        HealthFile health = new HealthFile(file, java.nio.file.Path.of("/proc"));
        long[] last = {Long.MIN_VALUE};
        return () -> {
            long now = System.nanoTime();
            if (last[0] == Long.MIN_VALUE || now - last[0] >= HealthFile.REFRESH.toNanos()) {
                last[0] = now;
                health.refresh(lease::reachable, Clock.systemUTC());
            }
        };
    }
}

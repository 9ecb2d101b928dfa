package org.topgif.bot;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.topgif.bot.hosts.FleetBroker;
import org.topgif.bot.recordings.Recordings;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.config.SettingsLoader;
import org.topgif.config.TopgifSettings;

/** A running bot against a fake Discord, for end-to-end tests; closes both. */
final class BotHarness implements AutoCloseable {

    final FakeDiscord discord;
    final TopgifBot bot;
    /** Whether closing the harness closes the fake too: not when a test runs several bots against one. */
    private final boolean ownsDiscord;

    private BotHarness(FakeDiscord discord, TopgifBot bot, boolean ownsDiscord) {
        this.discord = discord;
        this.bot = bot;
        this.ownsDiscord = ownsDiscord;
    }

    static BotHarness start(int guilds, Map<String, String> extraEnvironment, Recordings recordings) throws Exception {
        FakeDiscord discord = new FakeDiscord(guilds);
        try {
            return new BotHarness(discord, startBot(discord, extraEnvironment, "", recordings, null), true);
        } catch (Exception | Error failed) {
            discord.close();
            throw failed;
        }
    }

    /**
     * A bot against {@code discord}, with an application.conf that may name its channels; {@code time} runs
     * the schedules (null: the system clock). Closing it stops the bot and leaves the fake running.
     */
    static BotHarness start(FakeDiscord discord, Map<String, String> extraEnvironment, String applicationConf,
                            Recordings recordings, ManualTime time) throws Exception {
        return new BotHarness(discord, startBot(discord, extraEnvironment, applicationConf, recordings, time), false);
    }

    /** A bot against {@code discord} that the caller stops; {@code time} as for {@link #start}. */
    static TopgifBot startBot(FakeDiscord discord, Map<String, String> extraEnvironment,
                                      String applicationConf, Recordings recordings, ManualTime time) throws Exception {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("DISCORD_TOKEN", "test.token.value");
        environment.put("TOPGIF_DISCORD_REST_URL", discord.restUrl());
        environment.put("TOPGIF_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        environment.putIfAbsent("TOPGIF_DISCORD_GUILD_IDS",
                discord.guildIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        TopgifSettings settings = new SettingsLoader(environment).load(com.typesafe.config.ConfigFactory.parseString(
                applicationConf));
        java.util.Optional<FleetBroker> fleet = settings.fleet().enabled()
                ? java.util.Optional.of(FleetBroker.connect(settings, java.time.Clock.systemUTC()))
                : java.util.Optional.empty();
        java.time.Clock clock = time == null ? java.time.Clock.systemUTC() : time;
        return TopgifBot.start(settings, settings.discord().token().orElseThrow(), recordings, "testhost", fleet,
                clock, time == null ? org.topgif.bot.schedule.Sleeper.on(clock) : time);
    }

    /** Waits until a request matching {@code which} has arrived, up to {@code timeout}. */
    RecordedRequest await(Predicate<RecordedRequest> which,
                                                  Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RecordedRequest> found = discord.requests().stream().filter(which).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such request within " + timeout + "; got " + discord.requests());
    }

    List<RecordedRequest> all(Predicate<RecordedRequest> which) {
        return discord.requests().stream().filter(which).toList();
    }

    @Override
    public void close() throws java.io.IOException {
        try {
            bot.close();
        } finally {
            if (ownsDiscord) {
                discord.close();
            }
        }
    }
}

package org.topgif.bot;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.topgif.bot.command.Recordings;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.config.SettingsLoader;
import org.topgif.config.TopgifSettings;

/** A running bot against a fake Discord, for end-to-end tests; closes both. */
final class BotHarness implements AutoCloseable {

    final FakeDiscord discord;
    final TopgifBot bot;

    private BotHarness(FakeDiscord discord, TopgifBot bot) {
        this.discord = discord;
        this.bot = bot;
    }

    static BotHarness start(int guilds, Map<String, String> extraEnvironment, Recordings recordings) throws Exception {
        FakeDiscord discord = new FakeDiscord(guilds);
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("DISCORD_TOKEN", "test.token.value");
        environment.put("TOPGIF_DISCORD_REST_URL", discord.restUrl());
        environment.put("TOPGIF_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        environment.putIfAbsent("TOPGIF_DISCORD_GUILD_IDS",
                discord.guildIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        TopgifSettings settings = new SettingsLoader(environment).load(com.typesafe.config.ConfigFactory.empty());
        try {
            TopgifBot bot = TopgifBot.start(settings, settings.discord().token().orElseThrow(), recordings, "testhost");
            return new BotHarness(discord, bot);
        } catch (Exception | Error failed) {
            discord.close();
            throw failed;
        }
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
            discord.close();
        }
    }
}

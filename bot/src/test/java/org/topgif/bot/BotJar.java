package org.topgif.bot;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

import org.topgif.bot.fake.FakeDiscord;

/** The bot's jar run as its image runs it (jvm/resident.options), against the fake Discord: for benches. */
final class BotJar {

    private BotJar() {
    }

    /** Starts it with every guild of {@code discord} and a burst no bench reaches, plus {@code environment}. */
    static Process start(FakeDiscord discord, Map<String, String> environment) throws IOException {
        ProcessBuilder bot = new ProcessBuilder("java", "@jvm/resident.options", "-jar", "bot/target/topgif.jar", "bot")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = bot.environment();
        env.put("DISCORD_TOKEN", "bench.token.value");
        env.put("TOPGIF_DISCORD_REST_URL", discord.restUrl());
        env.put("TOPGIF_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("TOPGIF_DISCORD_GUILD_IDS", discord.guildIds().stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        env.put("TOPGIF_RATE_LIMIT_BURST", "100");
        env.putAll(environment);
        return bot.start();
    }
}

package org.topgif.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.topgif.bot.recordings.HistoryRecordings;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;

/**
 * Bench, not a test: the bot with its history of this host, against the fake Discord on loopback; 16 guilds
 * send /top twice each at the same moment, for several rounds. Prints INTERACTION_CREATE to the deferral and
 * to the stored upload, p50/p95/p99/max, and how many of the admitted requests got their GIF. Run with
 * {@code bench/load-latency [rounds]}.
 */
public final class LoadLatencyBench {

    private LoadLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int guilds = 16;
        HistoryRecordings history = HistoryRecordings.startSampling(ProcessSampler.forThisHost(CommandLineRedactor.ENABLED),
                30, Duration.ofSeconds(1));
        // Each round spends the guilds' burst of 2; a 1 s refill gives it back before the next.
        try (BotHarness harness = BotHarness.start(guilds, Map.of("TOPGIF_RATE_LIMIT_REFILL", "1s"), history)) {
            List<Double> deferral = new ArrayList<>();
            List<Double> upload = new ArrayList<>();
            int sent = 0;
            int gifs = 0;
            Thread.sleep(13_000); // a history of the default 12 s
            for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up
                List<FakeDiscord.Interaction> interactions = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    for (long guild : harness.discord.guildIds()) {
                        interactions.add(harness.discord.sendTop(guild, Map.of()));
                    }
                }
                for (FakeDiscord.Interaction interaction : interactions) {
                    long at = harness.discord.sentNanos(interaction);
                    RecordedRequest deferred = harness.await(r -> r.method().equals("POST")
                            && r.path().startsWith("interactions/" + interaction.id() + "/"), Duration.ofSeconds(20));
                    Optional<RecordedRequest> done = awaitGif(harness, interaction);
                    if (round >= 0) {
                        sent++;
                        deferral.add((deferred.receivedNanos() - at) / 1e6);
                        if (done.isPresent()) {
                            gifs++;
                            upload.add((done.get().receivedNanos() - at) / 1e6);
                        }
                    }
                }
                Thread.sleep(2_500);
            }
            System.out.printf(Locale.ROOT, "rounds: %d of 16 guilds x 2 /top at once, history on; GIFs: %d of %d%n",
                    rounds, gifs, sent);
            print("interaction to deferral", deferral);
            print("interaction to GIF upload", upload);
            System.out.printf(Locale.ROOT, "GIFs drawn: %d for %d uploads%n", harness.bot.pipeline().gifsDrawn(),
                    gifs + 32);
        }
        System.exit(0);
    }

    private static Optional<RecordedRequest> awaitGif(BotHarness harness, FakeDiscord.Interaction interaction)
            throws InterruptedException {
        try {
            return Optional.of(harness.await(r -> r.isGif() && r.answeredStatus() == 200
                    && r.path().contains(interaction.token()), Duration.ofSeconds(20)));
        } catch (AssertionError none) {
            return Optional.empty();
        }
    }

    private static void print(String what, List<Double> values) {
        System.out.printf(Locale.ROOT, "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                BotLatencyBench.percentile(values, 50), BotLatencyBench.percentile(values, 95),
                BotLatencyBench.percentile(values, 99), Collections.max(values));
    }
}

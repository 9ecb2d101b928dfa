package org.topgif.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;

/**
 * Bench, not a test: the real bot against the fake Discord on loopback, timing INTERACTION_CREATE to the
 * deferral and to the final upload over many /top requests; prints p50 and p99 of each. Run with
 * {@code bench/bot-latency [runs]}.
 */
public final class BotLatencyBench {

    private BotLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int guilds = 20;
        try (BotHarness harness = BotHarness.start(guilds, Map.of("TOPGIF_RATE_LIMIT_BURST", "100",
                "TOPGIF_RATE_LIMIT_QUEUE_SIZE", "1000"), new InstantRecordings())) {
            List<Double> deferral = new ArrayList<>();
            List<Double> upload = new ArrayList<>();
            for (int i = 0; i < runs + 20; i++) {
                long guild = harness.discord.guildIds().get(i % guilds);
                FakeDiscord.Interaction interaction = harness.discord.sendTop(guild, Map.of("seconds", 2));
                long sent = harness.discord.sentNanos(interaction);
                RecordedRequest deferred = harness.await(r -> r.method().equals("POST")
                        && r.path().startsWith("interactions/" + interaction.id() + "/"), Duration.ofSeconds(20));
                RecordedRequest done = harness.await(r -> r.isGif() && r.answeredStatus() == 200
                        && r.path().contains(interaction.token()), Duration.ofSeconds(20));
                if (i >= 20) { // the first ones warm the JIT up
                    deferral.add((deferred.receivedNanos() - sent) / 1e6);
                    upload.add((done.receivedNanos() - sent) / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "runs: %d (/top seconds:2, recorded without waiting between samples)%n", runs);
            System.out.printf(Locale.ROOT, "interaction to deferral: p50 %.1f ms, p99 %.1f ms%n",
                    percentile(deferral, 50), percentile(deferral, 99));
            System.out.printf(Locale.ROOT, "interaction to GIF upload: p50 %.1f ms, p99 %.1f ms%n",
                    percentile(upload, 50), percentile(upload, 99));
            System.out.printf(Locale.ROOT, "deferral-p99-ms: %.1f (target < 300)%n", percentile(deferral, 99));
        }
        System.exit(0);
    }

    /** The {@code p}th percentile of {@code values}, nearest rank. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

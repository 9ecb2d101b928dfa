package org.topgif.bot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.topgif.bot.recordings.HostRecordings;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.renderer.sample.CommandLineRedactor;

/**
 * Bench, not a test: the real bot with a schedule every minute against the fake Discord on loopback, on
 * the system clock and recording this host for real; prints the delay from each slot to its message being
 * stored, min/median/max. Run with {@code bench/schedule-latency [slots] [seconds]} (default 10 slots of 2 s).
 */
public final class ScheduleLatencyBench {

    private ScheduleLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int slots = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long startMillis = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            String conf = "topgif.schedules = [ { channel = \"" + channel + "\", every = 1m, seconds = " + seconds + " } ]";
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_SCHEDULE_GRACE", "0s"), conf,
                    new HostRecordings(CommandLineRedactor.ENABLED, java.util.Optional.of(java.nio.file.Path.of("/etc/passwd"))), null)) {
                Instant first = harness.bot.schedules().slotsOf(harness.bot.schedules().settings().schedules().get(0))
                        .after(Instant.now());
                long deadline = System.nanoTime() + (first.toEpochMilli() - System.currentTimeMillis()
                        + (slots * 60_000L) + seconds * 1000L + 30_000L) * 1_000_000L;
                while (discord.storedMessages(channel).size() < slots && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                List<Double> delays = new ArrayList<>();
                for (RecordedRequest stored : discord.storedMessages(channel)) {
                    String nonce = stored.json().orElseThrow().getString("nonce");
                    long slotSecond = Long.parseLong(nonce.substring(2, nonce.indexOf('.')), 36);
                    long slotNanos = startNanos + (slotSecond * 1000 - startMillis) * 1_000_000L;
                    delays.add((stored.receivedNanos() - slotNanos) / 1e9);
                }
                Collections.sort(delays);
                System.out.printf(Locale.ROOT, "slots: %d posted of %d, every 1m, seconds = %d, recorded for real%n",
                        delays.size(), slots, seconds);
                System.out.printf(Locale.ROOT, "slot to message stored: min %.2f s, median %.2f s, max %.2f s%n",
                        delays.get(0), delays.get(delays.size() / 2), delays.get(delays.size() - 1));
            }
        }
        System.exit(0);
    }
}

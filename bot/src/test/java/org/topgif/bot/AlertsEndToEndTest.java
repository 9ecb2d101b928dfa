package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

/**
 * Alerts through the real JDA client against the fake Discord, on samples the test hands to the history one a
 * second of a clock it moves: a hog named to mention everyone, one message per episode, resolved in place.
 */
@Timeout(120)
class AlertsEndToEndTest {

    private static final Instant T = Instant.parse("2026-12-07T14:00:00Z");
    private static final long ROLE = 323456789012345678L;
    private static final int HOG = 4242;

    private static SystemSample sample(int second, boolean hog) {
        List<ProcessRow> rows = new ArrayList<>();
        rows.add(new ProcessRow(1, "root", 20, 0, 1000, 500, 100, 'S', 0.5, 0.1, 100, "init", "/sbin/init"));
        rows.add(new ProcessRow(300, "app", 20, 0, 90_000, 40_000, 100, 'S', 12, 2, 900, "calm", "calm --serve"));
        if (hog) {
            rows.add(new ProcessRow(HOG, "mallory", 20, 0, 9000, 4000, 100, 'R', 150, 1, second * 150L,
                    "@everyone", "@everyone **now**"));
        }
        return new SystemSample(LocalTime.of(14, 0).plusSeconds(second), Duration.ofHours(5), OptionalInt.empty(),
                new LoadAverage(hog ? 1.6 : 0.1, 0.5, 0.2), TaskCounts.of(rows),
                new CpuStates(hog ? 80 : 6, 2, 0, hog ? 18 : 92, 0, 0, 0, 0),
                new Memory(8_000_000, 4_000_000, 3_000_000, 1_000_000, 4_500_000, 0, 0, 0), rows);
    }

    private static BotHarness bot(FakeDiscord discord, long channel, PushedSamples host, ManualTime time)
            throws Exception {
        return BotHarness.start(discord, Map.of("TOPGIF_HISTORY_SECONDS", "30", "TOPGIF_ALERT_CHANNEL",
                Long.toString(channel), "TOPGIF_ALERT_RULE", "process-cpu > 80%", "TOPGIF_ALERT_FOR", "10s",
                "TOPGIF_ALERT_MENTION_ROLE", Long.toString(ROLE)), "", host, time);
    }

    /** Hands over samples for seconds {@code from} to {@code to} (exclusive), the hog there on {@code hogs}. */
    private static void seconds(PushedSamples host, ManualTime time, int from, int to, BooleanSupplierOf hogs)
            throws InterruptedException {
        for (int second = from; second < to; second++) {
            time.runTo(T.plusSeconds(second));
            time.sleepUntil(T.plusSeconds(second)); // the clock stands at the sample's second
            host.push(sample(second, hogs.at(second)));
        }
    }

    @FunctionalInterface
    private interface BooleanSupplierOf {
        boolean at(int second);
    }

    private static int frames(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    private static List<RecordedRequest> okEdits(FakeDiscord discord, long channel) {
        return discord.editsOf(channel).stream().filter(edit -> edit.answeredStatus() == 200).toList();
    }

    @Test
    void aHogHeldForTenSecondsIsOneMessageWithTheSecondsBeforeAndItIsResolvedAndReopenedInPlace() throws Exception {
        ManualTime time = new ManualTime(T.minusSeconds(1));
        PushedSamples host = new PushedSamples(30);
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = bot(discord, channel, host, time)) {
                // Calm until 14:00:15, the hog from then on: it has held for 10 s at 14:00:25.
                seconds(host, time, 0, 30, second -> second >= 15);
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the alert");
                RecordedRequest alert = discord.storedMessages(channel).get(0);
                DataObject payload = alert.json().orElseThrow();
                String content = payload.getString("content");
                assertEquals("<@&" + ROLE + "> **ALERT** process\\-cpu \\> 80\\% · testhost · process-cpu 150% > 80% · "
                        + "\\@everyone (pid 4242) since <t:" + T.plusSeconds(15).getEpochSecond() + ":R>", content);
                assertEquals(List.of(), payload.getObject("allowed_mentions").getArray("parse").toList(),
                        "no @everyone, whatever a process is called");
                assertEquals(List.of(Long.toString(ROLE)), payload.getObject("allowed_mentions").getArray("roles")
                        .toList(), "only the alert's role");
                assertEquals(0, payload.getInt("flags", 0) & 4096, "an alert notifies");
                assertEquals("ALERT process-cpu > 80% · testhost · process-cpu 150% > 80% · @everyone (pid 4242)",
                        payload.getArray("attachments").getObject(0).getString("description"));
                assertTrue(alert.fileName().orElseThrow().matches("alert-[0-9a-z]+-20261207T140015Z\\.gif"),
                        alert.fileName().orElseThrow());
                assertEquals(20, frames(alert.file().orElseThrow()), "for (10 s) and 10 s before it");
                java.nio.file.Files.write(java.nio.file.Path.of("target", "alert.gif"), alert.file().orElseThrow());
                List<SystemSample> shown = host.given.get(0);
                assertFalse(shown.get(0).processes().stream().anyMatch(row -> row.pid() == HOG),
                        "the first frame is from before the hog");
                assertTrue(shown.get(shown.size() - 1).processes().stream().anyMatch(row -> row.pid() == HOG));

                // The hog ends at 14:00:40; 10 s later the message says so, and keeps its GIF.
                seconds(host, time, 30, 52, second -> second < 40);
                Await.until(() -> okEdits(discord, channel).size() == 1, "resolved");
                DataObject resolved = okEdits(discord, channel).get(0).json().orElseThrow();
                assertEquals("**Resolved** process\\-cpu \\> 80\\% · testhost · process\\-cpu \\> 80\\% held from <t:"
                        + T.plusSeconds(15).getEpochSecond() + ":t> to <t:" + T.plusSeconds(40).getEpochSecond()
                        + ":t> (25s)", resolved.getString("content"));
                assertFalse(resolved.hasKey("attachments"), "the GIF stays: " + resolved);

                // A new episode within the cooldown reopens the same message.
                seconds(host, time, 52, 70, second -> second >= 55);
                Await.until(() -> okEdits(discord, channel).size() == 2, "reopened");
                assertTrue(okEdits(discord, channel).get(1).json().orElseThrow().getString("content")
                        .contains("**ALERT**"));
                assertEquals(1, discord.storedMessages(channel).size(), "one message for both episodes");
            }
        }
    }

    @Test
    void anEpisodeStillFiringAfterARestartKeepsItsOneMessage() throws Exception {
        ManualTime time = new ManualTime(T.minusSeconds(1));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            PushedSamples first = new PushedSamples(30);
            try (BotHarness harness = bot(discord, channel, first, time)) {
                seconds(first, time, 0, 20, second -> true);
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the alert");
            }
            // A new bot, its history empty, sees the hog hold for 10 s again: the channel says the episode fires.
            PushedSamples second = new PushedSamples(30);
            try (BotHarness harness = bot(discord, channel, second, time)) {
                seconds(second, time, 20, 40, at -> true);
                Await.until(() -> okEdits(discord, channel).size() == 1, "the message brought up to date");
                assertEquals(1, discord.storedMessages(channel).size(), "no second message");
                assertTrue(okEdits(discord, channel).get(0).json().orElseThrow().getString("content")
                        .contains("**ALERT**"));
            }
        }
    }
}

package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.topgif.bot.NumberedHost.lastSampleOf;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.recordings.HistoryRecordings;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.renderer.Pacer;
import org.topgif.renderer.history.HistorySampler;
import org.topgif.renderer.history.SampleHistory;

/** /top from the bot's rolling history, through the real JDA client against the fake Discord. */
@Timeout(120)
class InstantTopEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** A fast clock for the history, so a test of waiting for samples takes a second or two. */
    private static final Map<String, String> TENTHS = Map.of("TOPGIF_RECORDING_INTERVAL", "100ms");

    private static boolean gifFor(RecordedRequest request, FakeDiscord.Interaction interaction) {
        return request.method().equals("PATCH") && request.path().endsWith(interaction.token() + "/messages/@original")
                && request.isGif() && request.answeredStatus() == 200;
    }

    private static int frames(RecordedRequest upload) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload.file().orElseThrow()))) {
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    private static String summary(RecordedRequest upload) {
        return upload.json().orElseThrow().getString("content");
    }

    /** A history of {@code held} numbered samples that nothing adds to: every request sees the same ones. */
    private static HistoryRecordings frozen(int capacity, int held) {
        SampleHistory history = new SampleHistory(capacity);
        for (int n = 1; n <= held; n++) {
            history.add(NumberedHost.sample(n));
        }
        return new HistoryRecordings(history, () -> { });
    }

    /** A history that {@code held} samples are in, and a sampler adding one every 100 ms until the bot stops. */
    private static HistoryRecordings sampledEveryTenth(int capacity, int held) {
        SampleHistory history = new SampleHistory(capacity);
        NumberedHost host = new NumberedHost();
        for (int n = 1; n <= held; n++) {
            history.add(host.get());
        }
        HistorySampler sampler = new HistorySampler(history, host, Duration.ofMillis(100), Pacer.SYSTEM,
                failed -> { throw new AssertionError(failed); }).start();
        return new HistoryRecordings(history, sampler);
    }

    @Test
    void topAnswersWithinASecondWithTheLastSecondsUpToTheNewestSample() throws Exception {
        HistoryRecordings history = sampledEveryTenth(30, 30);
        try (BotHarness harness = BotHarness.start(1, TENTHS, history)) {
            long newestWhenAsked = history.history().newest();
            FakeDiscord.Interaction interaction = harness.discord.sendTop(harness.discord.guildIds().get(0),
                    Map.of("seconds", 3));
            RecordedRequest upload = harness.await(r -> gifFor(r, interaction), WAIT);
            long took = upload.receivedNanos() - harness.discord.sentNanos(interaction);
            assertTrue(took < 1_000_000_000L, "answered in " + took / 1_000_000 + " ms");
            assertEquals(30, frames(upload), "3 s at 10 frames a second");
            long last = lastSampleOf(summary(upload));
            assertTrue(last >= newestWhenAsked && last <= newestWhenAsked + 10,
                    "the GIF ends with the sample newest when it was asked for (" + newestWhenAsked + "), not "
                            + "an older one: " + last);
        }
    }

    @Test
    void liveWaitsAndRecordsTheSecondsAfterTheRequest() throws Exception {
        HistoryRecordings history = sampledEveryTenth(30, 30);
        try (BotHarness harness = BotHarness.start(1, TENTHS, history)) {
            FakeDiscord.Interaction interaction = harness.discord.sendTop(harness.discord.guildIds().get(0),
                    Map.of("seconds", 2, "live", true));
            long newestWhenAsked = history.history().newest();
            RecordedRequest upload = harness.await(r -> gifFor(r, interaction), WAIT);
            assertTrue(upload.receivedNanos() - harness.discord.sentNanos(interaction) >= 1_900_000_000L,
                    "it waited for the 2 s it shows");
            assertEquals(20, frames(upload));
            assertTrue(lastSampleOf(summary(upload)) >= newestWhenAsked + 20,
                    "all 20 samples came after the request: " + summary(upload));
            assertTrue(harness.all(r -> r.method().equals("PATCH") && r.path().contains(interaction.token())
                    && !r.isGif()).size() >= 1, "and showed its progress while it waited");
        }
    }

    @Test
    void justAfterStartUpTopWaitsForTheSamplesTheHistoryLacksAndDoesNotFail() throws Exception {
        HistoryRecordings history = sampledEveryTenth(30, 2);
        try (BotHarness harness = BotHarness.start(1, TENTHS, history)) {
            FakeDiscord.Interaction interaction = harness.discord.sendTop(harness.discord.guildIds().get(0),
                    Map.of("seconds", 2));
            RecordedRequest upload = harness.await(r -> gifFor(r, interaction), WAIT);
            assertEquals(20, frames(upload));
            // The two held, then the sampler's: its first (sample 3) only primes %CPU, and 4 to 21 follow.
            assertEquals(21, lastSampleOf(summary(upload)), "what there was, then the rest");
        }
    }

    @Test
    void thirtyTwoRequestsWithTheSameOptionsAtOnceShareOneRender() throws Exception {
        try (BotHarness harness = BotHarness.start(16, Map.of(), frozen(30, 30))) {
            List<FakeDiscord.Interaction> sent = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (long guild : harness.discord.guildIds()) {
                    sent.add(harness.discord.sendTop(guild, Map.of("seconds", 12)));
                }
            }
            byte[] first = null;
            for (FakeDiscord.Interaction interaction : sent) {
                RecordedRequest upload = harness.await(r -> gifFor(r, interaction), WAIT);
                assertEquals(12, frames(upload));
                assertEquals(30, lastSampleOf(summary(upload)));
                if (first == null) {
                    first = upload.file().orElseThrow();
                }
                assertArrayEquals(first, upload.file().orElseThrow());
            }
            assertEquals(1, harness.bot.pipeline().gifsDrawn(), "one render, 32 uploads");
        }
    }

    @Test
    void otherOptionsInTheSameIntervalGetTheirOwnRender() throws Exception {
        try (BotHarness harness = BotHarness.start(2, Map.of(), frozen(30, 30))) {
            FakeDiscord.Interaction byCpu = harness.discord.sendTop(harness.discord.guildIds().get(0),
                    Map.of("seconds", 5));
            FakeDiscord.Interaction byMemory = harness.discord.sendTop(harness.discord.guildIds().get(1),
                    Map.of("seconds", 5, "sort", "mem"));
            harness.await(r -> gifFor(r, byCpu), WAIT);
            harness.await(r -> gifFor(r, byMemory), WAIT);
            assertEquals(2, harness.bot.pipeline().gifsDrawn());
        }
    }
}

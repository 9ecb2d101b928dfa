package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import net.dv8tion.jda.api.utils.data.DataObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;

/** The real JDA client against a fake Discord on 127.0.0.1: what a user sees after typing /top. */
@Timeout(120)
class TopCommandEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static boolean callbackOf(RecordedRequest request, FakeDiscord.Interaction interaction) {
        return request.method().equals("POST")
                && request.path().equals("interactions/" + interaction.id() + "/" + interaction.token() + "/callback");
    }

    private static boolean finalEditOf(RecordedRequest request, FakeDiscord.Interaction interaction) {
        return request.method().equals("PATCH") && request.path().endsWith(interaction.token() + "/messages/@original")
                && request.isGif() && request.answeredStatus() == 200;
    }

    @Test
    void topIsDeferredThenAnsweredWithALoopingGifOfTheRequestedLength() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            long guild = harness.discord.guildIds().get(0);
            assertEquals("top", harness.discord.commands("guild:" + guild).getObject(0).getString("name"),
                    "/top is registered in the configured guild");

            FakeDiscord.Interaction interaction = harness.discord.sendTop(guild, Map.of("seconds", 3));
            RecordedRequest callback = harness.await(r -> callbackOf(r, interaction), WAIT);
            assertEquals(5, callback.json().orElseThrow().getInt("type"), "deferred");
            assertTrue(callback.receivedNanos() - harness.discord.sentNanos(interaction) < 3_000_000_000L,
                    "deferred within Discord's 3 s");

            RecordedRequest answer = harness.await(r -> finalEditOf(r, interaction), WAIT);
            assertEquals("top.gif", answer.fileName().orElseThrow());
            DataObject payload = answer.json().orElseThrow();
            String summary = payload.getString("content");
            assertTrue(summary.startsWith("testhost · load "), summary);
            assertEquals(summary.replaceAll("\\\\(\\p{Punct})", "$1"),
                    payload.getArray("attachments").getObject(0).getString("description"),
                    "the summary is the GIF's alt text too, without the escapes that only the message needs");

            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(answer.file().orElseThrow()))) {
                reader.setInput(in);
                assertEquals(3, reader.getNumImages(true), "one frame per second asked for");
                assertEquals(550, reader.getWidth(0));
                assertEquals(350, reader.getHeight(0), "the default size when no rows are asked for");
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0)
                        .getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode loop = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
                assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
                assertEquals(0, ((byte[]) loop.getUserObject())[1], "loops forever");
            }
        }
    }

    private static boolean ephemeralReplyOf(RecordedRequest request, FakeDiscord.Interaction interaction) {
        return callbackOf(request, interaction) && request.json().orElseThrow().getInt("type") == 4
                && (request.json().orElseThrow().getObject("data").getInt("flags", 0) & 64) != 0;
    }

    private static FakeDiscord.Interaction topInFirstGuild(BotHarness harness) throws java.io.IOException {
        return harness.discord.sendTop(harness.discord.guildIds().get(0), Map.of("seconds", 2));
    }

    /** Every attempt to upload this interaction's GIF, whatever the fake answered. */
    private static List<RecordedRequest> uploadsOf(BotHarness harness, FakeDiscord.Interaction interaction) {
        return harness.all(r -> r.isGif() && r.path().contains(interaction.token()));
    }

    private static String content(RecordedRequest request) {
        return request.json().orElseThrow().getObject("data").getString("content");
    }

    @Test
    void aSecondRequestFromTheSameGuildIsRefusedWithTheWaitWhileAnotherGuildIsServed() throws Exception {
        try (BotHarness harness = BotHarness.start(2, Map.of("TOPGIF_RATE_LIMIT_BURST", "1",
                "TOPGIF_RATE_LIMIT_REFILL", "60s"), new InstantRecordings())) {
            long first = harness.discord.guildIds().get(0);
            long second = harness.discord.guildIds().get(1);
            FakeDiscord.Interaction allowed = harness.discord.sendTop(first, Map.of("seconds", 2));
            harness.await(r -> finalEditOf(r, allowed), WAIT);

            FakeDiscord.Interaction refused = harness.discord.sendTop(first, Map.of("seconds", 2));
            RecordedRequest refusal = harness.await(r -> ephemeralReplyOf(r, refused), WAIT);
            String text = content(refusal);
            assertTrue(text.matches("You can use /top again in (5[0-9]|60) s\\."), text);

            FakeDiscord.Interaction other = harness.discord.sendTop(second, Map.of("seconds", 2));
            harness.await(r -> finalEditOf(r, other), WAIT);
            assertEquals(List.of(), harness.all(r -> finalEditOf(r, refused)), "the refused request records nothing");
        }
    }

    @Test
    void sixtyFourInteractionsFromSixteenGuildsAreEachAnsweredExactlyOnce() throws Exception {
        try (BotHarness harness = BotHarness.start(16, Map.of("TOPGIF_RATE_LIMIT_BURST", "4",
                "TOPGIF_RATE_LIMIT_QUEUE_SIZE", "64"), new InstantRecordings())) {
            List<FakeDiscord.Interaction> sent = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (long guild : harness.discord.guildIds()) {
                    sent.add(harness.discord.sendTop(guild, Map.of("seconds", 2)));
                }
            }
            for (FakeDiscord.Interaction interaction : sent) {
                harness.await(r -> finalEditOf(r, interaction), Duration.ofSeconds(40));
            }
            for (FakeDiscord.Interaction interaction : sent) {
                assertEquals(1, harness.all(r -> callbackOf(r, interaction)).size(), "one callback each");
                assertEquals(1, harness.all(r -> finalEditOf(r, interaction)).size(), "one GIF each");
            }
        }
    }

    @Test
    void anUploadAnswered429IsDeliveredOnceAfterTheWait() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            harness.discord.failUploads(429, Duration.ofSeconds(1), 1);
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            harness.await(r -> finalEditOf(r, interaction), WAIT);
            List<RecordedRequest> uploads = uploadsOf(harness, interaction);
            assertEquals(List.of(429, 200), uploads.stream().map(RecordedRequest::answeredStatus).toList());
            assertTrue(uploads.get(1).receivedNanos() - uploads.get(0).receivedNanos() >= 900_000_000L,
                    "JDA waited for Retry-After");
        }
    }

    @Test
    void anUploadAnswered500IsRetriedByTheBot() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            harness.discord.failUploads(500, Duration.ZERO, 1);
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            harness.await(r -> finalEditOf(r, interaction), WAIT);
            assertEquals(List.of(500, 200),
                    uploadsOf(harness, interaction).stream().map(RecordedRequest::answeredStatus).toList());
        }
    }

    @Test
    void anUploadThatKeepsFailingEndsWithAClearMessage() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            harness.discord.failUploads(500, Duration.ZERO, 10);
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            RecordedRequest apology = harness.await(r -> r.method().equals("PATCH")
                    && r.path().contains(interaction.token()) && !r.isGif()
                    && r.json().map(j -> j.getString("content", "")).orElse("").startsWith("Sorry"), WAIT);
            assertTrue(apology.json().orElseThrow().getString("content").contains("Discord would not take the GIF"));
            assertEquals(3, uploadsOf(harness, interaction).size(), "three attempts");
        }
    }

    @Test
    void badOptionValuesGetAClearEphemeralAnswer() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            long guild = harness.discord.guildIds().get(0);
            FakeDiscord.Interaction tooLong = harness.discord.sendTop(guild, Map.of("seconds", 999));
            assertEquals("`seconds` must be from 2 to 30; you gave 999.",
                    content(harness.await(r -> ephemeralReplyOf(r, tooLong), WAIT)));
            FakeDiscord.Interaction badSort = harness.discord.sendTop(guild, Map.of("sort", "fastest"));
            assertEquals("`sort` must be one of cpu, mem, time or pid.",
                    content(harness.await(r -> ephemeralReplyOf(r, badSort), WAIT)));
            FakeDiscord.Interaction longFilter = harness.discord.sendTop(guild, Map.of("filter", "x".repeat(65)));
            assertEquals("`filter` can be at most 64 characters.",
                    content(harness.await(r -> ephemeralReplyOf(r, longFilter), WAIT)));
            FakeDiscord.Interaction badRows = harness.discord.sendTop(guild, Map.of("rows", 0));
            assertEquals("`rows` must be from 1 to 40; you gave 0.",
                    content(harness.await(r -> ephemeralReplyOf(r, badRows), WAIT)));
            FakeDiscord.Interaction fine = harness.discord.sendTop(guild, Map.of("theme", "light", "sort", "mem"));
            harness.await(r -> finalEditOf(r, fine), WAIT);
        }
    }

    @Test
    void theReplyIsDeliveredEvenIfTheGatewayDropsDuringTheRecording() throws Exception {
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InstantRecordings instant = new InstantRecordings();
        try (BotHarness harness = BotHarness.start(1, Map.of(), (plan, progress) -> {
            recording.countDown();
            release.await();
            return instant.record(plan, progress);
        })) {
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            assertTrue(recording.await(20, TimeUnit.SECONDS));
            harness.discord.dropGateway();
            release.countDown();
            harness.await(r -> finalEditOf(r, interaction), WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!harness.discord.gatewayOps().contains(6) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(harness.discord.gatewayOps().contains(6), "JDA resumed: " + harness.discord.gatewayOps());
        }
    }

    @Test
    void theTokenNeverReachesTheLog() throws Exception {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            harness.discord.failUploads(500, Duration.ZERO, 1);
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            harness.await(r -> finalEditOf(r, interaction), WAIT);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.contains("upload attempt 1 failed"), "the log was captured: " + log);
        assertTrue(!log.contains("test.token.value"), log);
    }

    @Test
    void requestsBeyondTheRecordingCapWaitInLineOrAreRefusedWithoutLosingTheirTurn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        InstantRecordings instant = new InstantRecordings();
        try (BotHarness harness = BotHarness.start(3, Map.of("TOPGIF_RATE_LIMIT_MAX_CONCURRENT_RECORDINGS", "1",
                "TOPGIF_RATE_LIMIT_QUEUE_SIZE", "1", "TOPGIF_RATE_LIMIT_BURST", "1"), (plan, progress) -> {
                    release.await();
                    return instant.record(plan, progress);
                })) {
            List<Long> guilds = harness.discord.guildIds();
            FakeDiscord.Interaction running = harness.discord.sendTop(guilds.get(0), Map.of("seconds", 2));
            harness.await(r -> callbackOf(r, running), WAIT);
            FakeDiscord.Interaction waiting = harness.discord.sendTop(guilds.get(1), Map.of("seconds", 2));
            harness.await(r -> r.method().equals("PATCH") && r.path().contains(waiting.token())
                    && r.json().map(j -> j.getString("content", "")).orElse("").startsWith("Waiting for a free recorder"),
                    WAIT);
            FakeDiscord.Interaction refused = harness.discord.sendTop(guilds.get(2), Map.of("seconds", 2));
            assertEquals("Too many recordings are running or waiting right now; try again in a minute.",
                    content(harness.await(r -> ephemeralReplyOf(r, refused), WAIT)));

            release.countDown();
            harness.await(r -> finalEditOf(r, running), WAIT);
            harness.await(r -> finalEditOf(r, waiting), WAIT);
            FakeDiscord.Interaction again = harness.discord.sendTop(guilds.get(2), Map.of("seconds", 2));
            harness.await(r -> finalEditOf(r, again), WAIT);
        }
    }

    @Test
    void layoutCompactAnswersWithAGifAPhoneShowsUnshrunk() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            DataObject layout = harness.discord.commands("guild:" + harness.discord.guildIds().get(0)).getObject(0)
                    .getArray("options").getObject(7);
            assertEquals("layout", layout.getString("name"));
            assertEquals(List.of("wide", "compact"), List.of(layout.getArray("choices").getObject(0).getString("value"),
                    layout.getArray("choices").getObject(1).getString("value")));
            FakeDiscord.Interaction interaction = harness.discord.sendTop(harness.discord.guildIds().get(0),
                    Map.of("seconds", 2, "layout", "compact"));
            RecordedRequest answer = harness.await(r -> finalEditOf(r, interaction), WAIT);
            var image = ImageIO.read(new ByteArrayInputStream(answer.file().orElseThrow()));
            assertEquals(320, image.getWidth());
            assertEquals(350, image.getHeight());
        }
    }

    @Test
    void askingForMoreRowsMakesATallerGif() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            FakeDiscord.Interaction interaction = harness.discord.sendTop(harness.discord.guildIds().get(0),
                    Map.of("seconds", 2, "rows", 30));
            RecordedRequest answer = harness.await(r -> finalEditOf(r, interaction), WAIT);
            var image = ImageIO.read(new ByteArrayInputStream(answer.file().orElseThrow()));
            assertEquals(550, image.getWidth());
            assertTrue(image.getHeight() > 600, "37 lines of text need more than 350 px: " + image.getHeight());
        }
    }

    @Test
    void processNamesReachChatAsPlainTextAndMentionNobody() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new HostileProcessNames())) {
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            RecordedRequest answer = harness.await(r -> finalEditOf(r, interaction), WAIT);
            DataObject payload = answer.json().orElseThrow();
            String expected = "testhost · load 1.00 1.00 1.00 · top: \\@everyone 90.0%, \\<\\@\\&123\\> 89.0%, "
                    + "\\*\\*x\\*\\* 88.0%";
            assertEquals(expected, payload.getString("content"));
            // Alt text renders no markdown and pings nobody (allowed_mentions is empty): it reads as named.
            assertEquals("testhost · load 1.00 1.00 1.00 · top: @everyone 90.0%, <@&123> 89.0%, **x** 88.0%",
                    payload.getArray("attachments").getObject(0).getString("description"));
            for (RecordedRequest sent : harness.all(r -> r.path().contains(interaction.token()) && r.json().isPresent()
                    && !r.path().endsWith("/callback"))) {
                DataObject json = sent.json().orElseThrow();
                assertEquals(0, json.getObject("allowed_mentions").getArray("parse").length(),
                        "no mentions in " + json);
            }
        }
    }

    @Test
    void anEphemeralRefusalAllowsNoMentions() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            FakeDiscord.Interaction refused = harness.discord.sendTop(harness.discord.guildIds().get(0),
                    Map.of("seconds", 999));
            DataObject data = harness.await(r -> ephemeralReplyOf(r, refused), WAIT).json().orElseThrow().getObject("data");
            assertEquals(0, data.getObject("allowed_mentions").getArray("parse").length());
        }
    }

    @Test
    void aDeferralAnswered500IsRetriedInTimeAndTheGifDelivered() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of(), new InstantRecordings())) {
            harness.discord.fail("POST", "interactions/.*/callback", 500, Duration.ZERO, 1);
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            harness.await(r -> finalEditOf(r, interaction), WAIT);
            List<RecordedRequest> callbacks = harness.all(r -> callbackOf(r, interaction));
            assertEquals(List.of(500, 200), callbacks.stream().map(RecordedRequest::answeredStatus).toList());
            assertTrue(callbacks.get(1).receivedNanos() - harness.discord.sentNanos(interaction) < 3_000_000_000L,
                    "acknowledged within Discord's 3 s");
        }
    }

    @Test
    void aDeferralThatKeepsFailingRecordsNothingAndLogsOneLine() throws Exception {
        java.util.concurrent.atomic.AtomicInteger recorded = new java.util.concurrent.atomic.AtomicInteger();
        InstantRecordings instant = new InstantRecordings();
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        String log;
        try (BotHarness harness = BotHarness.start(1, Map.of(), (plan, progress) -> {
            recorded.incrementAndGet();
            return instant.record(plan, progress);
        })) {
            harness.discord.fail("POST", "interactions/.*/callback", 500, Duration.ZERO, 1000);
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!captured.toString(java.nio.charset.StandardCharsets.UTF_8).contains("could not acknowledge")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
            List<RecordedRequest> callbacks = harness.all(r -> callbackOf(r, interaction));
            assertTrue(callbacks.size() > 1, "retried: " + callbacks.size());
            assertTrue(callbacks.get(callbacks.size() - 1).receivedNanos() - harness.discord.sentNanos(interaction)
                    < 3_000_000_000L, "no attempt after Discord's window");
            assertEquals(List.of(), uploadsOf(harness, interaction), "nothing uploaded");
        } finally {
            System.setErr(original);
        }
        assertEquals(0, recorded.get(), "nothing recorded for a reply no one can receive");
        List<String> lines = log.lines().filter(line -> line.contains("could not acknowledge")).toList();
        assertEquals(1, lines.size(), log);
        assertTrue(lines.get(0).contains("HTTP 500"), lines.get(0));
        assertTrue(log.lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace: " + log);
    }

    @Test
    void aUserWhoseRecordingOutlastsTheStopIsTold() throws Exception {
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        try (BotHarness harness = BotHarness.start(1, Map.of(), (plan, progress) -> {
            recording.countDown();
            never.await();
            throw new AssertionError("released");
        })) {
            FakeDiscord.Interaction interaction = topInFirstGuild(harness);
            assertTrue(recording.await(20, TimeUnit.SECONDS));
            // The last quarter of the grace is for telling users and disconnecting.
            harness.bot.stop(Duration.ofSeconds(2));
            List<String> told = harness.all(r -> r.method().equals("PATCH") && r.path().contains(interaction.token()))
                    .stream().map(r -> r.json().orElseThrow().getString("content", "")).toList();
            assertEquals(List.of("Sorry, the bot is restarting before your recording finished; try again in a minute."),
                    told);
        }
    }

    @Test
    void whileTheBotStopsARunningRecordingIsDeliveredAndNewRequestsAreToldToComeBack() throws Exception {
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InstantRecordings instant = new InstantRecordings();
        try (BotHarness harness = BotHarness.start(2, Map.of(), (plan, progress) -> {
            recording.countDown();
            release.await();
            return instant.record(plan, progress);
        })) {
            FakeDiscord.Interaction running = topInFirstGuild(harness);
            assertTrue(recording.await(20, TimeUnit.SECONDS));
            Thread stopping = new Thread(() -> {
                try {
                    harness.bot.stop(Duration.ofSeconds(20));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            stopping.start();
            // The stop has begun once it waits for the running recording.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (stopping.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            FakeDiscord.Interaction late = harness.discord.sendTop(harness.discord.guildIds().get(1), Map.of("seconds", 2));
            assertEquals("The bot is restarting; try again in a minute.",
                    content(harness.await(r -> ephemeralReplyOf(r, late), WAIT)));
            release.countDown();
            harness.await(r -> finalEditOf(r, running), WAIT);
            stopping.join(30_000);
        }
    }
}

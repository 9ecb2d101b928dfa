package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import net.dv8tion.jda.api.utils.data.DataObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.bot.schedule.SlotNonce;

/** Scheduled posts through the real JDA client against the fake Discord, on a clock the test moves. */
@Timeout(120)
class ScheduledPostsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T = Instant.parse("2026-12-02T14:00:00Z");

    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void captureLog() {
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
    }

    private List<String> logLines(String containing) {
        return log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(containing)).toList();
    }

    private static String everyMinute(long... channels) {
        StringBuilder conf = new StringBuilder("topgif.schedules = [");
        for (long channel : channels) {
            conf.append(" { channel = \"").append(channel).append("\", every = 1m, seconds = 2 },");
        }
        return conf.append(" ]").toString();
    }

    private static BotHarness bot(FakeDiscord discord, String conf, ManualTime time, String grace) throws Exception {
        return BotHarness.start(discord, Map.of("TOPGIF_SCHEDULE_GRACE", grace), conf, new InstantRecordings(), time);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(10);
        }
    }

    private static List<RecordedRequest> attempts(FakeDiscord discord, long channel) {
        return discord.requests(r -> r.method().equals("POST") && r.path().equals("channels/" + channel + "/messages"));
    }

    @Test
    void aScheduleEveryMinutePostsOneSilentMessageWithALoopingGifPerSlot() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "0s")) {
                time.runTo(T.plusSeconds(5 * 60));
                await(() -> discord.storedMessages(channel).size() == 5, "five posts");
                time.runTo(T.plusSeconds(5 * 60 + 59));
                Thread.sleep(200); // nothing else is due before 14:06: nothing more may arrive
                // Slots' posts run side by side and may be stored in any order.
                List<RecordedRequest> posts = discord.storedMessages(channel).stream()
                        .sorted(java.util.Comparator.comparing(r -> r.json().orElseThrow().getString("content")))
                        .toList();
                assertEquals(5, posts.size());
                Set<String> nonces = new HashSet<>();
                for (int i = 0; i < posts.size(); i++) {
                    DataObject payload = posts.get(i).json().orElseThrow();
                    String content = payload.getString("content");
                    assertTrue(content.startsWith("testhost · 14:0" + (i + 1) + " UTC · load "), content);
                    assertEquals(content, payload.getArray("attachments").getObject(0).getString("description"));
                    assertEquals(4096, payload.getInt("flags") & 4096, "sent silently");
                    assertEquals(0, payload.getObject("allowed_mentions").getArray("parse").length());
                    assertTrue(payload.getBoolean("enforce_nonce"));
                    String nonce = payload.getString("nonce");
                    assertEquals(SlotNonce.of(channel, T.plusSeconds(60L * (i + 1))), nonce);
                    assertTrue(nonce.length() <= 25, nonce);
                    assertTrue(nonces.add(nonce), "a nonce per slot");
                    assertEquals("top.gif", posts.get(i).fileName().orElseThrow());
                    assertLoopingGif(posts.get(i).file().orElseThrow(), 2);
                }
            }
        }
    }

    @Test
    void aDayOfAnHourlyScheduleInBerlinPostsOnTheHourIncludingTheDayClocksGoBack() throws Exception {
        Instant midnight = Instant.parse("2026-10-24T22:00:00Z"); // 00:00 CEST on the day that falls back
        ManualTime time = new ManualTime(midnight.minusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            String conf = "topgif { schedule-zone = Europe/Berlin, schedules = [ { channel = \"" + channel
                    + "\", every = 1h, seconds = 2 } ] }";
            try (BotHarness harness = bot(discord, conf, time, "0s")) {
                time.runTo(midnight.plus(Duration.ofHours(25)).minusSeconds(1));
                await(() -> discord.storedMessages(channel).size() == 25, "25 hourly posts on a 25-hour day");
                Set<String> slots = new HashSet<>();
                for (RecordedRequest post : discord.storedMessages(channel)) {
                    slots.add(post.json().orElseThrow().getString("content").split(" · ")[1]);
                }
                assertEquals(25, slots.size(), "a slot each: " + slots);
                assertTrue(slots.containsAll(List.of("00:00 CEST", "02:00 CEST", "02:00 CET", "23:00 CET")), slots.toString());
            }
        }
    }

    private static void assertLoopingGif(byte[] gif, int frames) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            assertEquals(frames, reader.getNumImages(true));
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode loop = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertEquals(0, ((byte[]) loop.getUserObject())[1], "loops forever");
        }
    }

    @Test
    void a429IsWaitedOutAndTheSlotGetsOneMessage() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "0s")) {
                discord.fail("POST", "channels/\\d+/messages", 429, Duration.ofSeconds(1), 1);
                time.runTo(T.plusSeconds(90));
                await(() -> discord.storedMessages(channel).size() == 1, "one post");
                assertEquals(List.of(429, 200), attempts(discord, channel).stream()
                        .map(RecordedRequest::answeredStatus).toList());
            }
        }
    }

    @Test
    void aMessageStoredButAnswered500IsRetriedWithItsNonceAndNotPostedTwice() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "0s")) {
                discord.storeThenFail(1);
                time.runTo(T.plusSeconds(90));
                await(() -> attempts(discord, channel).size() == 2, "a retry");
                List<RecordedRequest> attempts = attempts(discord, channel);
                assertEquals(List.of(500, 200), attempts.stream().map(RecordedRequest::answeredStatus).toList());
                assertEquals(attempts.get(0).json().orElseThrow().getString("nonce"),
                        attempts.get(1).json().orElseThrow().getString("nonce"));
                assertEquals(1, discord.storedMessages(channel).size(), "one message in the channel");
            }
        }
    }

    @Test
    void aSlotThatOnlyGets500sEndsInOneLogLineAndTheNextSlotPosts() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            discord.failNonce(SlotNonce.of(channel, T.plusSeconds(60)));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "0s")) {
                // Up to just before 14:02, the end of the 14:01 post's window: its retries run, 14:02 waits.
                time.runTo(T.plusSeconds(119));
                await(() -> !logLines("gave up on the 14:01 UTC post").isEmpty(), "the give-up line");
                // At 14:01 + 0, 1, 3, 7, 15 and 31 s; the next would be at 63 s, past the window.
                assertEquals(6, attempts(discord, channel).size());
                time.runTo(T.plusSeconds(150));
                await(() -> discord.storedMessages(channel).size() == 1, "the 14:02 post");
                List<String> lines = logLines("14:01 UTC");
                assertEquals(1, lines.size(), String.join("\n", lines));
                assertTrue(lines.get(0).contains("schedule every 1m to channel " + channel), lines.get(0));
                assertTrue(lines.get(0).contains("HTTP 5xx"), lines.get(0));
                assertTrue(discord.storedMessages(channel).get(0).json().orElseThrow().getString("content")
                        .startsWith("testhost · 14:02 UTC"));
            }
        }
    }

    @Test
    void aChannelWithoutPermissionIsLoggedOncePerSlotWhileAnotherScheduleStillPosts() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(2)) {
            long denied = discord.channelOf(discord.guildIds().get(0));
            long open = discord.channelOf(discord.guildIds().get(1));
            discord.denyChannel(denied, 403, 50013);
            try (BotHarness harness = bot(discord, everyMinute(denied, open), time, "0s")) {
                time.runTo(T.plusSeconds(3 * 60));
                await(() -> discord.storedMessages(open).size() == 3, "three posts in the open channel");
                await(() -> logLines("to channel " + denied).stream().filter(l -> l.contains("50013")).count() == 3,
                        "a line per slot");
                assertEquals(3, attempts(discord, denied).size(), "no retries when Discord refuses");
                assertEquals(List.of(), discord.storedMessages(denied));
            }
        }
    }

    @Test
    void aRestartWithinTheGraceAfterThePostAddsNoSecondMessage() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            ManualTime first = new ManualTime(T.plusSeconds(20));
            try (BotHarness harness = bot(discord, everyMinute(channel), first, "2m")) {
                await(() -> discord.storedMessages(channel).size() == 1, "the 14:00 post, made at start-up");
            }
            ManualTime second = new ManualTime(T.plusSeconds(40));
            try (BotHarness harness = bot(discord, everyMinute(channel), second, "2m")) {
                await(() -> attempts(discord, channel).size() == 2, "the second run's attempt at 14:00");
                assertEquals(1, discord.storedMessages(channel).size(), "Discord kept one message for the nonce");
            }
        }
    }

    @Test
    void aBotDownForThreeSlotsPostsOnlyTheLatestWithinTheGrace() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            ManualTime time = new ManualTime(T.plusSeconds(3 * 60 + 30));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "2m")) {
                await(() -> discord.storedMessages(channel).size() == 1, "the 14:03 post");
                Thread.sleep(200); // no other missed slot may follow
                assertEquals(1, attempts(discord, channel).size());
                assertTrue(discord.storedMessages(channel).get(0).json().orElseThrow().getString("content")
                        .startsWith("testhost · 14:03 UTC"));
                time.runTo(T.plusSeconds(4 * 60));
                await(() -> discord.storedMessages(channel).size() == 2, "the 14:04 post, on time");
            }
        }
    }

    @Test
    void topSchedulesTellsThisServersSchedulesWithTheirNextPostAndLastResult() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(2)) {
            long guild = discord.guildIds().get(0);
            long channel = discord.channelOf(guild);
            long otherChannel = discord.channelOf(discord.guildIds().get(1));
            try (BotHarness harness = bot(discord, everyMinute(channel, otherChannel), time, "0s")) {
                assertEquals(List.of("top", "top-schedules"), List.of(
                        discord.commands("guild:" + guild).getObject(0).getString("name"),
                        discord.commands("guild:" + guild).getObject(1).getString("name")));
                assertEquals("32", discord.commands("guild:" + guild).getObject(1)
                        .getString("default_member_permissions"), "Manage Server");
                time.runTo(T.plusSeconds(60));
                await(() -> discord.storedMessages(channel).size() == 1, "the 14:01 post");
                await(() -> harness.bot.schedules().lastResult(harness.bot.schedules().settings().schedules().get(0))
                        .isPresent(), "its result");
                FakeDiscord.Interaction asked = discord.sendCommand(guild, "top-schedules", Map.of());
                RecordedRequest reply = harness.await(r -> r.path().equals("interactions/" + asked.id() + "/"
                        + asked.token() + "/callback"), WAIT);
                DataObject data = reply.json().orElseThrow().getObject("data");
                assertEquals(64, data.getInt("flags") & 64, "ephemeral");
                long next = T.plusSeconds(120).getEpochSecond();
                assertEquals("Scheduled process GIFs in this server:\n• every 1m to <#" + channel + ">: next <t:" + next
                        + ":R> (<t:" + next + ":t>); last: posted the 14:01 UTC GIF\n", data.getString("content"));
            }
        }
    }

    @Test
    void aSlowRecordingForOneScheduleDoesNotDelayAnother() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        InstantRecordings instant = new InstantRecordings();
        try (FakeDiscord discord = new FakeDiscord(2)) {
            long slow = discord.channelOf(discord.guildIds().get(0));
            long quick = discord.channelOf(discord.guildIds().get(1));
            String conf = "topgif.schedules = [ { channel = \"" + slow + "\", every = 1m, seconds = 2 },"
                    + " { channel = \"" + quick + "\", every = 1m, seconds = 3 } ]";
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_SCHEDULE_GRACE", "0s"), conf,
                    (plan, progress) -> {
                        if (plan.frames() == 2) {
                            release.await(); // the slow schedule's recording hangs
                        }
                        return instant.record(plan, progress);
                    }, time)) {
                time.runTo(T.plusSeconds(60));
                await(() -> discord.storedMessages(quick).size() == 1, "the quick schedule's post");
                assertEquals(List.of(), discord.storedMessages(slow));
                release.countDown();
                await(() -> discord.storedMessages(slow).size() == 1, "the slow schedule's post, once released");
            }
        }
    }
}

package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import net.dv8tion.jda.api.utils.data.DataObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.topgif.config.ScheduleHost;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.bot.schedule.SlotFileName;
import org.topgif.bot.schedule.SlotNonce;

/** Scheduled posts through the real JDA client against the fake Discord, on a clock the test moves. */
@Timeout(120)
class ScheduledPostsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant T = Instant.parse("2026-12-02T14:00:00Z");

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

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

    private static List<RecordedRequest> attempts(FakeDiscord discord, long channel) {
        return discord.requests(r -> r.method().equals("POST") && r.path().equals("channels/" + channel + "/messages"));
    }

    @Test
    void aScheduleEveryMinutePostsOneSilentMessageWithALoopingGifPerSlot() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "0s")) {
                for (int minute = 1; minute <= 5; minute++) {
                    int posts = minute;
                    time.runTo(T.plusSeconds(60L * minute));
                    Await.until(() -> discord.storedMessages(channel).size() == posts, posts + " posts");
                }
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
                    assertEquals(content.replaceAll("\\\\(\\p{Punct})", "$1"),
                            payload.getArray("attachments").getObject(0).getString("description"));
                    assertEquals(4096, payload.getInt("flags") & 4096, "sent silently");
                    assertEquals(0, payload.getObject("allowed_mentions").getArray("parse").length());
                    assertTrue(payload.getBoolean("enforce_nonce"));
                    String nonce = payload.getString("nonce");
                    assertEquals(SlotNonce.of(channel, Duration.ofMinutes(1), ScheduleHost.DEFAULT,
                            T.plusSeconds(60L * (i + 1))), nonce);
                    assertTrue(nonce.length() <= 25, nonce);
                    assertTrue(nonces.add(nonce), "a nonce per slot");
                    assertEquals(SlotFileName.of(Duration.ofMinutes(1), ScheduleHost.DEFAULT,
                            T.plusSeconds(60L * (i + 1))), posts.get(i).fileName().orElseThrow());
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
                for (int hour = 0; hour < 25; hour++) {
                    int posts = hour + 1;
                    time.runTo(midnight.plus(Duration.ofHours(hour)));
                    Await.until(() -> discord.storedMessages(channel).size() == posts, posts + " hourly posts");
                }
                time.runTo(midnight.plus(Duration.ofHours(25)).minusSeconds(1));
                assertEquals(25, discord.storedMessages(channel).size(), "25 hourly posts on a 25-hour day");
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
                Await.until(() -> discord.storedMessages(channel).size() == 1, "one post");
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
                Await.until(() -> attempts(discord, channel).size() == 2, "a retry");
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
            discord.failNonce(SlotNonce.of(channel, Duration.ofMinutes(1), ScheduleHost.DEFAULT, T.plusSeconds(60)));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "0s")) {
                // Up to just before 14:02: the 14:01 post's retries run until its window closes, 14:02 waits.
                time.runTo(T.plusSeconds(119));
                Await.until(() -> !log.lines("gave up on the 14:01 UTC post").isEmpty(), "the give-up line");
                // At 14:01 + 0, 1, 3, 7, 15 and 31 s; the next would be at 63 s, past half a period after the
                // 2 s recording (every post comes that much after its slot).
                assertEquals(6, attempts(discord, channel).size());
                time.runTo(T.plusSeconds(150));
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the 14:02 post");
                List<String> lines = log.lines("14:01 UTC");
                assertEquals(1, lines.size(), String.join("\n", lines));
                assertTrue(lines.get(0).contains("schedule every 1m to channel " + channel), lines.get(0));
                assertTrue(lines.get(0).contains("HTTP 5xx"), lines.get(0));
                assertTrue(discord.storedMessages(channel).get(0).json().orElseThrow().getString("content")
                        .startsWith("testhost · 14:02 UTC"));
            }
        }
    }

    @Test
    void twoSchedulesOfOneChannelDueAtTheSameSlotEachPostTheirOwnMessage() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            String conf = "topgif.schedules = [ { channel = \"" + channel + "\", every = 1m, seconds = 2 }, "
                    + "{ channel = \"" + channel + "\", every = 2m, seconds = 3 } ]";
            try (BotHarness harness = bot(discord, conf, time, "0s")) {
                time.runTo(T.plusSeconds(60));
                Await.until(() -> discord.storedMessages(channel).size() == 1, "14:01, every minute");
                time.runTo(T.plusSeconds(120));
                // 14:02 is both schedules' slot: two messages, which Discord must not take for one.
                Await.until(() -> discord.storedMessages(channel).size() == 3, "14:02, both schedules");
                List<String> names = discord.storedMessages(channel).stream()
                        .map(r -> r.fileName().orElseThrow()).sorted().toList();
                assertEquals(List.of("top-20261202T140100Z-1m.gif", "top-20261202T140200Z-1m.gif",
                        "top-20261202T140200Z-2m.gif"), names);
                assertEquals(3, discord.storedMessages(channel).stream()
                        .map(r -> r.json().orElseThrow().getString("nonce")).distinct().count(), "a nonce per post");
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
                for (int minute = 1; minute <= 3; minute++) {
                    int posts = minute;
                    time.runTo(T.plusSeconds(60L * minute));
                    Await.until(() -> discord.storedMessages(open).size() == posts, posts + " posts in the open channel");
                }
                Await.until(() -> log.lines("to channel " + denied).stream().filter(l -> l.contains("50013")).count() == 3,
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
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the 14:00 post, made at start-up");
            }
            ManualTime second = new ManualTime(T.plusSeconds(25));
            try (BotHarness harness = bot(discord, everyMinute(channel), second, "2m")) {
                Await.until(() -> !log.lines("skipped 14:00 UTC: the channel has it already").isEmpty(), "the skip line");
                assertEquals(1, attempts(discord, channel).size(), "no second attempt");
                assertEquals(1, discord.storedMessages(channel).size());
            }
        }
    }

    @Test
    void aBotDownForThreeSlotsPostsOnlyTheLatestWithinTheGrace() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            ManualTime time = new ManualTime(T.plusSeconds(3 * 60 + 30));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "2m")) {
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the 14:03 post");
                Thread.sleep(200); // no other missed slot may follow
                assertEquals(List.of(), log.lines("skipped 14:0"), "only the latest missed slot is considered");
                assertEquals(1, attempts(discord, channel).size());
                assertTrue(discord.storedMessages(channel).get(0).json().orElseThrow().getString("content")
                        .startsWith("testhost · 14:03 UTC"));
                time.runTo(T.plusSeconds(4 * 60));
                Await.until(() -> discord.storedMessages(channel).size() == 2, "the 14:04 post, on time");
            }
        }
    }

    @Test
    void aSlotOlderThanTheGraceAtStartUpIsSkippedWithOneLineSayingWhy() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(5 * 60 + 30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            String every10 = "topgif.schedules = [ { channel = \"" + channel + "\", every = 10m, seconds = 2 } ]";
            try (BotHarness harness = bot(discord, every10, time, "2m")) {
                Await.until(() -> !log.lines("skipped 14:00 UTC").isEmpty(), "the skip line");
                assertEquals(List.of("skipped 14:00 UTC: it was 330s before start-up, longer than schedule-grace (2m)"),
                        log.lines("skipped 14:00 UTC").stream().map(l -> l.substring(l.indexOf("skipped"))).toList());
                assertEquals(List.of(), attempts(discord, channel));
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
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the 14:01 post");
                // Its result; until then, the last result is the 14:00 slot's, skipped at start-up.
                Await.until(() -> harness.bot.schedules().lastResult(harness.bot.schedules().settings().schedules().get(0))
                        .orElse("").startsWith("posted"), "its result");
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
                Await.until(() -> discord.storedMessages(quick).size() == 1, "the quick schedule's post");
                assertEquals(List.of(), discord.storedMessages(slow));
                release.countDown();
                Await.until(() -> discord.storedMessages(slow).size() == 1, "the slow schedule's post, once released");
            }
        }
    }

    @Test
    void aRestartFiveMinutesIntoATenMinuteGraceFindsItsPostAfterDiscordForgotTheNonce() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            String hourly = "topgif.schedules = [ { channel = \"" + channel + "\", every = 1h, seconds = 2 } ]";
            // Not the bot's: no proof.
            discord.postAsMember(channel, SlotFileName.of(Duration.ofHours(1), ScheduleHost.DEFAULT, T));
            try (BotHarness harness = bot(discord, hourly, new ManualTime(T.plusSeconds(20)), "10m")) {
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the 14:00 post, made at start-up");
            }
            discord.forgetNonces(); // minutes later, Discord no longer enforces the nonce
            try (BotHarness harness = bot(discord, hourly, new ManualTime(T.plusSeconds(5 * 60)), "10m")) {
                Await.until(() -> !log.lines("skipped 14:00 UTC: the channel has it already, message ").isEmpty(),
                        "the skip line");
                Thread.sleep(200); // nothing else may follow
                assertEquals(1, discord.storedMessages(channel).size(), "one message for the slot");
                assertEquals(1, attempts(discord, channel).size());
                RecordedRequest read = discord.requests(r -> r.method().equals("GET")
                        && r.path().equals("channels/" + channel + "/messages")).get(1);
                assertEquals(Set.of("limit=100", "after=" + net.dv8tion.jda.api.utils.TimeUtil.getDiscordTimestamp(
                        T.toEpochMilli())), Set.of(read.query().split("&")), "the messages since the slot");
            }
        }
    }

    @Test
    void eachPostIsOneLogLineWithSlotChannelBytesAndMessageAndTheAttachmentNamesTheSlot() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            try (BotHarness harness = bot(discord, everyMinute(channel), time, "2m")) {
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the missed 14:00 post");
                time.runTo(T.plusSeconds(60));
                Await.until(() -> discord.storedMessages(channel).size() == 2, "the 14:01 post");
                Await.until(() -> log.lines("posted the").size() == 2, "two post lines");
                List<String> lines = log.lines("posted the");
                for (RecordedRequest post : discord.storedMessages(channel)) {
                    String name = post.fileName().orElseThrow();
                    String slot = name.equals("top-20261202T140000Z-1m.gif") ? "14:00 UTC"
                            : name.equals("top-20261202T140100Z-1m.gif") ? "14:01 UTC" : null;
                    assertTrue(slot != null, name);
                    int bytes = post.file().orElseThrow().length;
                    assertEquals(1, lines.stream().filter(line -> line.contains("schedule every 1m to channel "
                            + channel + " (guild ") && line.contains("posted the " + slot + " GIF")
                            && line.contains(", " + bytes + " bytes, as message ")).count(), String.join("\n", lines));
                }
                assertEquals(1, lines.stream().filter(line -> line.contains("14:00 UTC GIF (missed while the bot "
                        + "was down)")).count(), String.join("\n", lines));
            }
        }
    }

    /**
     * A history that starts empty with the bot, as the real one does: the last {@code seconds} are there only
     * {@code seconds} after start-up, on the test's clock.
     */
    private static org.topgif.bot.recordings.Recordings historyStartingAt(ManualTime time, Instant start) {
        InstantRecordings host = new InstantRecordings();
        return new org.topgif.bot.recordings.Recordings() {
            @Override
            public List<org.topgif.renderer.sample.SystemSample> record(org.topgif.renderer.RecordingPlan plan,
                    org.topgif.renderer.RecordingProgress progress) throws InterruptedException {
                return host.record(plan, progress);
            }

            @Override
            public java.util.Optional<java.util.concurrent.CompletableFuture<List<org.topgif.renderer.sample.SystemSample>>>
                    recent(org.topgif.renderer.RecordingPlan plan) {
                return java.util.Optional.of(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        time.sleepUntil(start.plus(plan.duration()));
                        return host.record(plan, (done, total) -> { });
                    } catch (InterruptedException stopped) {
                        throw new java.util.concurrent.CompletionException(stopped);
                    }
                }));
            }
        };
    }

    /**
     * Starts the bot at {@code start} with a schedule of 12 s GIFs every {@code period} and a history that starts
     * empty, lets the missed slot (if any) and the next {@code slots} slots come one by one, and returns the
     * channel's messages as Discord lists them, stamped by the test's clock, oldest first.
     */
    private List<DataObject> postsFrom(Instant start, Duration period, int slots) throws Exception {
        ManualTime time = new ManualTime(start);
        try (FakeDiscord discord = new FakeDiscord(1)) {
            discord.stampWith(time);
            long channel = discord.channelOf(discord.guildIds().get(0));
            String conf = "topgif.schedules = [ { channel = \"" + channel + "\", every = "
                    + period.toMinutes() + "m, seconds = 12 } ]";
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_SCHEDULE_GRACE", "2m"), conf,
                    historyStartingAt(time, start), time)) {
                Instant missed = Instant.ofEpochSecond(Math.floorDiv(start.getEpochSecond(), period.getSeconds())
                        * period.getSeconds());
                String label = LABEL.format(missed);
                time.runTo(start.plusSeconds(12)); // the history holds 12 s
                Await.until(() -> log.lines(label).stream().anyMatch(l -> l.contains("posted the " + label)
                        || l.contains("skipped " + label)), "the missed slot posted or skipped");
                for (int i = 1; i <= slots; i++) {
                    Instant slot = missed.plus(period.multipliedBy(i));
                    time.runTo(slot.plusSeconds(12));
                    Await.until(() -> discord.channelMessages(channel).stream().anyMatch(m -> fileNameOf(m)
                            .equals(SlotFileName.of(period, ScheduleHost.DEFAULT, slot))), "the post for " + slot);
                }
                Thread.sleep(200); // nothing else may follow
                return discord.channelMessages(channel);
            }
        }
    }

    private static final java.time.format.DateTimeFormatter LABEL = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);

    private static Instant madeAt(DataObject message) {
        return java.time.OffsetDateTime.parse(message.getString("timestamp")).toInstant();
    }

    private static String fileNameOf(DataObject message) {
        return message.getArray("attachments").getObject(0).getString("filename");
    }

    /** Each slot once, in order, and no two messages closer than half the period by their timestamps. */
    private static void assertOnePerSlotAndHalfAPeriodApart(List<DataObject> messages, Duration period,
                                                            List<Instant> slots) {
        assertEquals(slots.stream().map(slot -> SlotFileName.of(period, ScheduleHost.DEFAULT, slot)).toList(),
                messages.stream().map(ScheduledPostsEndToEndTest::fileNameOf).toList());
        for (int i = 1; i < messages.size(); i++) {
            Duration gap = Duration.between(madeAt(messages.get(i - 1)), madeAt(messages.get(i)));
            assertTrue(gap.compareTo(period.dividedBy(2)) >= 0, "posts " + gap + " apart: " + messages);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "started {0} s before a 1-minute slot")
    @org.junit.jupiter.params.provider.ValueSource(ints = {5, 20, 40})
    void aMissedSlotThatTheNextSlotsPostWouldOvertakeIsSkippedWithTheReason(int secondsBefore) throws Exception {
        Duration minute = Duration.ofMinutes(1);
        List<DataObject> messages = postsFrom(T.plus(minute).minusSeconds(secondsBefore), minute, 3);
        assertOnePerSlotAndHalfAPeriodApart(messages, minute,
                List.of(T.plus(minute), T.plus(minute.multipliedBy(2)), T.plus(minute.multipliedBy(3))));
        assertEquals(1, log.lines("skipped 14:00 UTC: the 14:01 UTC post is due").size());
    }

    @Test
    void aMissedSlotStillInTimeIsPostedHalfAPeriodBeforeTheNext() throws Exception {
        Duration minute = Duration.ofMinutes(1);
        List<DataObject> messages = postsFrom(T.plusSeconds(10), minute, 2);
        assertOnePerSlotAndHalfAPeriodApart(messages, minute, List.of(T, T.plus(minute), T.plus(minute.multipliedBy(2))));
        assertEquals(T.plusSeconds(22), madeAt(messages.get(0)), "once the history held 12 s");
    }

    @Test
    void aStart90SecondsIntoAnHourlySlotPostsItOnceAndTheNextOnTime() throws Exception {
        Duration hour = Duration.ofHours(1);
        List<DataObject> messages = postsFrom(T.plusSeconds(90), hour, 1);
        assertOnePerSlotAndHalfAPeriodApart(messages, hour, List.of(T, T.plus(hour)));
        assertEquals(T.plus(hour), madeAt(messages.get(1)));
    }
}

package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.bot.schedule.SlotFileName;
import org.topgif.config.ScheduleHost;

/**
 * Schedules with mode = edit, through the real JDA client against the fake Discord on a clock the test moves:
 * one message per schedule, edited at every slot, found again after a restart, posted anew once deleted.
 */
@Timeout(180)
class EditedStatusEndToEndTest {

    /** Midnight of the simulated day. */
    private static final Instant DAY = Instant.parse("2026-12-02T00:00:00Z");

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private static BotHarness bot(FakeDiscord discord, long channel, ManualTime time) throws Exception {
        return BotHarness.start(discord, Map.of("TOPGIF_SCHEDULE_GRACE", "2m", "TOPGIF_SCHEDULE_CHANNEL",
                Long.toString(channel), "TOPGIF_SCHEDULE_MODE", "edit"), "", new InstantRecordings(), time);
    }

    /** The status messages in the channel now: the bot's messages whose attachment is a status GIF. */
    private static List<DataObject> statusMessages(FakeDiscord discord, long channel) {
        List<DataObject> found = new ArrayList<>();
        for (DataObject message : discord.channelMessages(channel)) {
            var attachments = message.getArray("attachments");
            if (attachments.length() > 0 && attachments.getObject(0).getString("filename").startsWith("status-")) {
                found.add(message);
            }
        }
        return found;
    }

    private static String fileName(Instant slot) {
        return SlotFileName.status(Duration.ofHours(1), ScheduleHost.DEFAULT, slot);
    }

    /** Moves the clock to {@code slot} and waits until the status message shows it. */
    private static void showSlot(FakeDiscord discord, long channel, ManualTime time, Instant slot)
            throws InterruptedException {
        time.runTo(slot);
        Await.until(() -> statusMessages(discord, channel).stream().anyMatch(message -> message.getArray("attachments")
                .getObject(0).getString("filename").equals(fileName(slot))), "the status shows " + slot);
        assertEquals(1, statusMessages(discord, channel).size(), "never two, at " + slot);
    }

    private static int edits(FakeDiscord discord, long channel) {
        return (int) discord.editsOf(channel).stream().filter(edit -> edit.answeredStatus() == 200).count();
    }

    @Test
    void anHourlyStatusOverADayIsOneMessageEditedTwentyFourTimesAcrossARestart() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            ManualTime first = new ManualTime(DAY.minusSeconds(3600 + 30));
            try (BotHarness harness = bot(discord, channel, first)) {
                showSlot(discord, channel, first, DAY.minusSeconds(3600));
                assertEquals(1, discord.storedMessages(channel).size(), "posted once, the day before");
                for (int hour = 0; hour <= 12; hour++) {
                    showSlot(discord, channel, first, DAY.plusSeconds(3600L * hour));
                }
                assertEquals(13, edits(discord, channel));
            }
            String id = statusMessages(discord, channel).get(0).getString("id");
            // A restart 30 s after the 12:00 edit, within the grace: 12:00 is shown already, so it is left alone.
            ManualTime second = new ManualTime(DAY.plusSeconds(12 * 3600 + 30));
            try (BotHarness harness = bot(discord, channel, second)) {
                Await.until(() -> log.lines("skipped 12:00 UTC: the channel has it already, message " + id).size() == 1,
                        "the restarted bot sees 12:00 in the message");
                for (int hour = 13; hour <= 23; hour++) {
                    showSlot(discord, channel, second, DAY.plusSeconds(3600L * hour));
                }
            }
            assertEquals(1, discord.storedMessages(channel).size(), "one message for the whole day");
            assertEquals(24, edits(discord, channel), "edited at every slot of the day, once");
            List<DataObject> left = statusMessages(discord, channel);
            assertEquals(id, left.get(0).getString("id"));
            assertTrue(left.get(0).getString("content").startsWith("testhost · 23:00 UTC · load "),
                    left.get(0).getString("content"));
            List<String> shown = discord.editsOf(channel).stream().map(edit -> edit.fileName().orElseThrow()).toList();
            assertEquals(24, shown.stream().distinct().count(), "each slot's GIF once: " + shown);
            for (RecordedRequest edit : discord.editsOf(channel)) {
                assertEquals("channels/" + channel + "/messages/" + id, edit.path());
                assertEquals(0, edit.json().orElseThrow().getObject("allowed_mentions").getArray("parse").length());
            }
        }
    }

    @Test
    void anEditRateLimitedOrAnswered500IsTriedAgainAndStillLeavesOneMessage() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            ManualTime time = new ManualTime(DAY.minusSeconds(30));
            try (BotHarness harness = bot(discord, channel, time)) {
                showSlot(discord, channel, time, DAY);
                String id = statusMessages(discord, channel).get(0).getString("id");
                String edit = "channels/\\d+/messages/" + id;
                discord.fail("PATCH", edit, 429, Duration.ofSeconds(1), 1);
                showSlot(discord, channel, time, DAY.plusSeconds(3600));
                discord.fail("PATCH", edit, 500, Duration.ZERO, 1);
                time.runTo(DAY.plusSeconds(7200));
                Await.until(() -> discord.requests(r -> r.method().equals("PATCH") && r.answeredStatus() == 500).size() == 1,
                        "the 500");
                // The bot waits a second on the schedules' clock before it tries again.
                time.runTo(DAY.plusSeconds(7202));
                Await.until(() -> statusMessages(discord, channel).get(0).getArray("attachments").getObject(0)
                        .getString("filename").equals(fileName(DAY.plusSeconds(7200))), "02:00 shown after the retry");
                assertEquals(List.of(429, 200, 500, 200), discord.requests(r -> r.method().equals("PATCH")).stream()
                        .map(RecordedRequest::answeredStatus).toList(), "JDA waits out the 429; the bot retries the 500");
                assertEquals(1, discord.storedMessages(channel).size());
                assertEquals(id, statusMessages(discord, channel).get(0).getString("id"));
            }
        }
    }

    @Test
    void aDeletedStatusIsPostedAnewAndOlderCopiesFoundAtStartUpAreDeleted() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            // Two status messages of this schedule, as a crash between a post and its bookkeeping could leave.
            String older = discord.postAsBot(channel, fileName(DAY.minusSeconds(7200)));
            String newer = discord.postAsBot(channel, fileName(DAY.minusSeconds(3600)));
            ManualTime time = new ManualTime(DAY.minusSeconds(30));
            try (BotHarness harness = bot(discord, channel, time)) {
                showSlot(discord, channel, time, DAY);
                assertEquals(newer, statusMessages(discord, channel).get(0).getString("id"), "the newest is kept");
                assertTrue(discord.channelMessages(channel).stream().noneMatch(m -> m.getString("id").equals(older)));
                assertEquals(1, log.lines("deleted message " + older + ", an older copy of message " + newer).size());

                discord.deleteAsMember(channel, newer);
                showSlot(discord, channel, time, DAY.plusSeconds(3600));
                String reposted = statusMessages(discord, channel).get(0).getString("id");
                assertTrue(!reposted.equals(newer));
                assertEquals(1, log.lines("message " + newer + " was deleted; posting a new one").size());
                showSlot(discord, channel, time, DAY.plusSeconds(7200));
                assertEquals(reposted, statusMessages(discord, channel).get(0).getString("id"), "edited from then on");
                assertEquals(1, discord.storedMessages(channel).size(), "one post: the one after the deletion");
            }
        }
    }
}

package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;

/** The buttons under a /top answer, through the real JDA client against the fake Discord. */
@Timeout(120)
class TopButtonsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static boolean callbackOf(RecordedRequest request, FakeDiscord.Interaction interaction) {
        return request.method().equals("POST")
                && request.path().equals("interactions/" + interaction.id() + "/" + interaction.token() + "/callback");
    }

    private static RecordedRequest answerOf(BotHarness harness, FakeDiscord.Interaction interaction)
            throws InterruptedException {
        return harness.await(r -> r.method().equals("PATCH") && r.isGif() && r.path().contains(interaction.token())
                && r.answeredStatus() == 200, WAIT);
    }

    private static DataArray buttons(RecordedRequest answer) {
        return answer.json().orElseThrow().getArray("components").getObject(0).getArray("components");
    }

    private static String ephemeral(BotHarness harness, FakeDiscord.Interaction interaction) throws Exception {
        DataObject callback = harness.await(r -> callbackOf(r, interaction), WAIT).json().orElseThrow();
        assertEquals(4, callback.getInt("type"));
        assertEquals(64, callback.getObject("data").getInt("flags") & 64);
        return callback.getObject("data").getString("content");
    }

    @Test
    void againAndTheOtherSortEditTheMessageClickedWithinTheGuildsLimitAndAForgedIdIsRefused() throws Exception {
        try (BotHarness harness = BotHarness.start(1, Map.of("TOPGIF_RATE_LIMIT_BURST", "3"),
                new InstantRecordings())) {
            long guild = harness.discord.guildIds().get(0);
            FakeDiscord.Interaction top = harness.discord.sendTop(guild, Map.of("seconds", 2));
            RecordedRequest answer = answerOf(harness, top);
            DataArray buttons = buttons(answer);
            assertEquals("Again", buttons.getObject(0).getString("label"));
            assertEquals("t1|a|2||||||", buttons.getObject(0).getString("custom_id"));
            assertEquals("Sort by memory", buttons.getObject(1).getString("label"));

            FakeDiscord.Interaction again = harness.discord.click(guild, answer, buttons.getObject(0)
                    .getString("custom_id"));
            assertEquals(6, harness.await(r -> callbackOf(r, again), WAIT).json().orElseThrow().getInt("type"),
                    "a deferred update: the message stays until it is edited");
            RecordedRequest edited = answerOf(harness, again);
            assertTrue(edited.path().endsWith("/messages/@original"), edited.path());
            assertEquals("Again", buttons(edited).getObject(0).getString("label"));

            FakeDiscord.Interaction sort = harness.discord.click(guild, edited, buttons(edited).getObject(1)
                    .getString("custom_id"));
            RecordedRequest sorted = answerOf(harness, sort);
            assertEquals("Sort by CPU", buttons(sorted).getObject(1).getString("label"));
            assertEquals("t1|a|2|mem|||||", buttons(sorted).getObject(0).getString("custom_id"));

            // Three in a row is the guild's burst here: the fourth waits, and the message is left alone.
            int edits = harness.all(r -> r.method().equals("PATCH") && r.isGif()).size();
            FakeDiscord.Interaction over = harness.discord.click(guild, sorted, buttons(sorted).getObject(0)
                    .getString("custom_id"));
            assertTrue(ephemeral(harness, over).startsWith("You can use /top again in "));
            FakeDiscord.Interaction forged = harness.discord.click(guild, sorted, "t1|a|2|%zz|||||");
            assertEquals("This button is from another version of topgif; use /top.", ephemeral(harness, forged));
            FakeDiscord.Interaction foreign = harness.discord.click(guild, sorted, "x".repeat(100));
            assertEquals("This button is from another version of topgif; use /top.", ephemeral(harness, foreign));
            Thread.sleep(300);
            assertEquals(edits, harness.all(r -> r.method().equals("PATCH") && r.isGif()).size());
        }
    }

    @Test
    void aScheduledPostCarriesItsSchedulesOptionsAndAClickEditsThatPost() throws Exception {
        java.time.Instant slot = java.time.Instant.parse("2026-12-02T14:00:00Z");
        ManualTime time = new ManualTime(slot.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long guild = discord.guildIds().get(0);
            long channel = discord.channelOf(guild);
            String conf = "topgif.schedules = [ { channel = \"" + channel + "\", every = 1m, seconds = 3, sort = mem,"
                    + " rows = 5 } ]";
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_SCHEDULE_GRACE", "0s"), conf,
                    new InstantRecordings(), time)) {
                time.runTo(slot.plusSeconds(60));
                RecordedRequest post = harness.await(r -> r.method().equals("POST") && r.isGif()
                        && r.path().equals("channels/" + channel + "/messages"), WAIT);
                DataArray buttons = buttons(post);
                assertEquals("t1|a|3|mem|5|dark|||", buttons.getObject(0).getString("custom_id"));
                assertEquals("Sort by CPU", buttons.getObject(1).getString("label"));
                FakeDiscord.Interaction again = discord.click(guild, post, buttons.getObject(0).getString("custom_id"));
                assertEquals(6, harness.await(r -> callbackOf(r, again), WAIT).json().orElseThrow().getInt("type"));
                RecordedRequest edited = answerOf(harness, again);
                assertTrue(edited.path().endsWith("/messages/@original"), "the post clicked: " + edited.path());
            }
        }
    }
}

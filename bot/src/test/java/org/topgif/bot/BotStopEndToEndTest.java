package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.bot.fake.FakeDiscord;

/** How long the bot's graceful stop takes, through the real JDA client against the fake Discord. */
@Timeout(90)
class BotStopEndToEndTest {

    private static final Instant T = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    void aStopWithALiveRecordingAndAScheduledPostUnderWayEndsWithinOneGraceAndTellsTheUser() throws Exception {
        CountDownLatch bothRecording = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (FakeDiscord discord = new FakeDiscord(1)) {
            long guild = discord.guildIds().get(0);
            String conf = "topgif.schedules = [ { channel = \"" + discord.channelOf(guild) + "\", every = 1m } ]";
            // No history: the /top and the scheduled post each record, and neither recording ever ends.
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_SCHEDULE_GRACE", "0s",
                    "TOPGIF_HISTORY_SECONDS", "0"), conf, (plan, progress) -> {
                        bothRecording.countDown();
                        never.await();
                        throw new AssertionError("released");
                    }, time)) {
                time.runTo(T.plusSeconds(60));
                FakeDiscord.Interaction top = discord.sendTop(guild, Map.of("seconds", 2));
                assertTrue(bothRecording.await(20, TimeUnit.SECONDS), "both recordings under way");
                // Discord under load: the user is told, but the answer to that edit takes longer than the grace.
                discord.answerSlowly("PATCH", "webhooks/.*", Duration.ofSeconds(10));

                Duration grace = Duration.ofSeconds(3);
                long started = System.nanoTime();
                harness.bot.stop(grace);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                // Slack for thread scheduling only: the old stop took 8 s here, telling and disconnecting after the grace.
                assertTrue(took.compareTo(grace.plusMillis(500)) <= 0, "the stop took " + took);
                List<String> told = harness.all(r -> r.method().equals("PATCH") && r.path().contains(top.token()))
                        .stream().map(r -> r.json().orElseThrow().getString("content", "")).toList();
                assertEquals(List.of("Sorry, the bot is restarting before your recording finished; try again in a "
                        + "minute."), told);
            }
        }
    }
}

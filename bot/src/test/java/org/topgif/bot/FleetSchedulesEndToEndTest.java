package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.bot.schedule.SlotFileName;
import org.topgif.config.HostName;
import org.topgif.config.ScheduleHost;
import org.topgif.fleet.StoredSamples;
import org.topgif.fleet.agent.FleetAgent;
import org.topgif.fleet.nats.NatsServerProcess;

/**
 * Schedules of a fleet host and of the whole fleet, through the real JDA client, the fake Discord on a clock
 * the test moves, a real nats-server and agents sampling made-up /proc folders in real time.
 */
@Timeout(120)
class FleetSchedulesEndToEndTest {

    private static final Instant T = Instant.parse("2026-12-02T14:00:00Z");
    private static final HostName DB = new HostName("db-1");
    private static final HostName WEB = new HostName("web 2");

    @TempDir
    Path folder;

    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private static String content(RecordedRequest post) {
        return post.json().orElseThrow().getString("content");
    }

    @Test
    void aHostsScheduleAndTheFleetsPostTheirOwnMessagesAndASilentOrUnknownHostIsSkippedWithWhy() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             FakeDiscord discord = new FakeDiscord(1);
             FleetAgent db = ProcAgents.start(folder, nats.url(), DB, Duration.ofMillis(200), "postgres")) {
            FleetAgent web = ProcAgents.start(folder, nats.url(), WEB, Duration.ofMillis(200), "nginx");
            long channel = discord.channelOf(discord.guildIds().get(0));
            String conf = "topgif.schedules = [ "
                    + "{ channel = \"" + channel + "\", every = 1m, seconds = 2, host = \"web 2\" }, "
                    + "{ channel = \"" + channel + "\", every = 1m, seconds = 2, host = \"*\" }, "
                    + "{ channel = \"" + channel + "\", every = 1m, seconds = 2, host = ghost } ]";
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_FLEET_URL", nats.url(),
                    "TOPGIF_FLEET_HEARTBEAT", "1s", "TOPGIF_FLEET_FORGET_AFTER", "60s",
                    "TOPGIF_RECORDING_INTERVAL", "200ms", "TOPGIF_SCHEDULE_GRACE", "0s"), conf,
                    new InstantRecordings(), time)) {
                Await.until(() -> StoredSamples.of(nats.url(), WEB) >= 12 && StoredSamples.of(nats.url(), DB) >= 12,
                        "both hosts' last seconds are stored");

                time.runTo(T.plusSeconds(60));
                Await.until(() -> discord.storedMessages(channel).size() == 2, "14:01: web 2's post and the fleet's");
                List<RecordedRequest> first = discord.storedMessages(channel).stream()
                        .sorted(java.util.Comparator.comparing(FleetSchedulesEndToEndTest::content)).toList();
                assertTrue(content(first.get(0)).startsWith("fleet · 14:01 UTC · 2 hosts · busiest: "),
                        content(first.get(0)));
                assertEquals("top-20261202T140100Z-1m-fleet.gif", first.get(0).fileName().orElseThrow());
                assertTrue(content(first.get(1)).startsWith("web 2 · 14:01 UTC · load 1.50 1.00 0.50 · top: nginx "),
                        content(first.get(1)));
                assertEquals(SlotFileName.of(Duration.ofMinutes(1), new ScheduleHost("web 2"), T.plusSeconds(60)),
                        first.get(1).fileName().orElseThrow());
                assertTrue(first.get(1).fileName().orElseThrow().matches("top-20261202T140100Z-1m-web-2-[0-9a-z]{5}\\.gif"),
                        first.get(1).fileName().orElseThrow());
                Await.until(() -> !log.lines("of ghost to channel").stream().filter(line -> line.contains("skipped")).toList()
                        .isEmpty(), "the unknown host's skip line");
                assertTrue(log.lines("of ghost to channel").stream().anyMatch(line -> line.contains(
                        "skipped 14:01 UTC: There is no host ghost in the fleet; did you mean ")),
                        String.join("\n", log.lines("of ghost")));

                web.close();
                Await.until(() -> harness.bot.schedules().lastResult(harness.bot.schedules().settings().schedules().get(1))
                        .isPresent(), "the fleet's last result");
                // Silent for two heartbeats, then it counts as not reporting.
                Thread.sleep(2_500);
                time.runTo(T.plusSeconds(120));
                Await.until(() -> discord.storedMessages(channel).size() == 3, "14:02: the fleet's post only");
                RecordedRequest fleet = discord.storedMessages(channel).stream()
                        .filter(post -> content(post).startsWith("fleet · 14:02")).findFirst().orElseThrow();
                assertTrue(content(fleet).startsWith("fleet · 14:02 UTC · 2 hosts, 1 not reporting: web 2 · "
                        + "busiest: db\\-1 load 1.50"), content(fleet));
                Await.until(() -> log.lines("of web 2").stream().anyMatch(line -> line.contains("skipped 14:02 UTC")),
                        "web 2's skip line");
                assertTrue(log.lines("of web 2").stream().anyMatch(line -> line.contains(
                        "skipped 14:02 UTC: web 2 has not reported since <t:")), String.join("\n", log.lines("of web 2")));
            }
        }
    }

    @Test
    void anAlertOnAFleetHostChecksEachSampleItPublishesAndPostsItsLastSecondsFromTheBroker() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             FakeDiscord discord = new FakeDiscord(1);
             FleetAgent web = ProcAgents.start(folder, nats.url(), WEB, Duration.ofMillis(200), "nginx", "gunicorn")) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            String conf = "topgif.alerts = [ { name = \"web hog\", channel = \"" + channel + "\", host = \"web 2\", "
                    + "rule = \"process-cpu > 80%\", for = 10s } ]";
            try (BotHarness harness = BotHarness.start(discord, Map.of("TOPGIF_FLEET_URL", nats.url(),
                    "TOPGIF_FLEET_HEARTBEAT", "1s", "TOPGIF_RECORDING_INTERVAL", "200ms", "TOPGIF_HISTORY_SECONDS",
                    "30"), conf, new InstantRecordings(), null)) {
                // nginx runs at 100 % of a core in its made-up /proc: the alert fires 10 s after the first sample.
                Await.until(() -> discord.storedMessages(channel).size() == 1, "the alert on web 2");
                RecordedRequest alert = discord.storedMessages(channel).get(0);
                String content = content(alert);
                // Near 100 % of a core, as the made-up /proc's ticks fall between samples.
                assertTrue(content.matches("\\*\\*ALERT\\*\\* web hog · web 2 · process-cpu \\d+% > 80% · "
                        + "nginx \\(pid \\d+\\) since <t:\\d+:R>"), content);
                assertTrue(alert.fileName().orElseThrow().startsWith("alert-"), alert.fileName().orElseThrow());
                assertTrue(alert.file().orElseThrow().length > 0);
            }
        }
    }
}

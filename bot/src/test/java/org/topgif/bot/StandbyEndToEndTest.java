package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.bot.fake.RecordedRequest;
import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.fleet.lease.BotLease;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.NatsServerProcess;

/**
 * Two bots on one token and one broker, through the real JDA client against the fake Discord and a real
 * nats-server: only the lease's holder connects, answers and posts; killing it hands over to the other.
 */
@Timeout(120)
class StandbyEndToEndTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Instant T = Instant.parse("2026-12-02T14:00:00Z");
    /** IDENTIFY: a client starting a gateway session. */
    private static final int IDENTIFY = 2;

    @TempDir
    Path folder;

    /** One of the two bots: its lease, the bot it started last, and the thread that runs it. */
    private static final class Contender {
        final String name;
        final BotLease lease;
        final LeasedBot leased;
        final AtomicReference<TopgifBot> started = new AtomicReference<>();
        final AtomicReference<Long> startedNanos = new AtomicReference<>();
        final Thread thread;

        Contender(String name, NatsServerProcess nats, FakeDiscord discord, String conf, ManualTime time)
                throws Exception {
            this.name = name;
            FleetSettings fleet = new FleetSettings(FleetServers.parse(nats.url()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(1), Duration.ofMinutes(1), Optional.empty());
            lease = new BotLease(FleetConnection.open(fleet, "test " + name), "test.token.value", TTL, name,
                    System::nanoTime);
            leased = new LeasedBot(lease, () -> {
                try {
                    TopgifBot bot = BotHarness.startBot(discord, Map.of("TOPGIF_FLEET_URL", nats.url(),
                            "TOPGIF_SCHEDULE_GRACE", "2m"), conf, new InstantRecordings(), time);
                    startedNanos.set(System.nanoTime());
                    started.set(bot);
                    return bot;
                } catch (InterruptedException stopped) {
                    throw stopped;
                } catch (Exception failed) {
                    throw new IllegalStateException(failed);
                }
            }, Duration.ofSeconds(5), TTL, () -> { });
            thread = new Thread(() -> {
                try {
                    leased.run();
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }, "contender " + name);
            thread.setDaemon(true);
            thread.start();
        }

        /** As kill -9 would: no more renewals, the lease left to lapse, the bot's connections dropped. */
        void kill() throws InterruptedException {
            lease.close();
            thread.interrupt();
            started.get().stop(Duration.ZERO);
        }
    }

    private static long identifies(FakeDiscord discord) {
        return discord.gatewayOps().stream().filter(op -> op == IDENTIFY).count();
    }

    @Test
    void twoBotsOnOneTokenNeverBothAnswerOrPostAndKillingTheActiveOneHandsOverWithinTheTtl() throws Exception {
        ManualTime time = new ManualTime(T.plusSeconds(30));
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             FakeDiscord discord = new FakeDiscord(1)) {
            long channel = discord.channelOf(discord.guildIds().get(0));
            String conf = "topgif.schedules = [ { channel = \"" + channel + "\", every = 1m, seconds = 2 } ]";
            Contender a = new Contender("host-a", nats, discord, conf, time);
            Contender b = new Contender("host-b", nats, discord, conf, time);
            try {
                Await.until(() -> a.started.get() != null || b.started.get() != null, "one bot starts");
                // Three TTLs: the other keeps standing by, with no session of its own.
                Thread.sleep(TTL.toMillis() * 3);
                assertEquals(1, identifies(discord), "one gateway session for two bots");
                Contender active = a.started.get() != null ? a : b;
                Contender standby = active == a ? b : a;
                assertEquals(null, standby.started.get());

                FakeDiscord.Interaction top = discord.sendTop(discord.guildIds().get(0), Map.of("seconds", 2));
                Await.until(() -> !discord.requests(r -> r.method().equals("PATCH") && r.isGif()
                        && r.path().contains(top.token())).isEmpty(), "the answer");
                // Started within the grace of 14:00: its post, then 14:01's.
                time.runTo(T.plusSeconds(60));
                Await.until(() -> discord.storedMessages(channel).size() == 2, "the 14:00 and 14:01 posts");

                long killed = System.nanoTime();
                active.kill();
                Await.until(() -> standby.started.get() != null, "the standby takes over");
                Duration takeover = Duration.ofNanos(standby.startedNanos.get() - killed);
                Await.until(() -> identifies(discord) == 2, "the standby's session");
                System.out.println("standby took over and was ready " + takeover.toMillis() + " ms after the kill, "
                        + "lease TTL " + TTL.toMillis() + " ms");
                // The lease lapses within a TTL of the kill and the standby polls every tenth of it; starting the
                // bot (Discord's READY, registering commands) takes the rest.
                assertTrue(takeover.compareTo(TTL.plus(TTL.dividedBy(10)).plusSeconds(5)) <= 0, takeover.toString());

                // The standby starts 14:01's post over within its grace, sees it in the channel and leaves it.
                time.runTo(T.plusSeconds(120));
                Await.until(() -> discord.storedMessages(channel).size() == 3, "the 14:02 post, by the new active bot");
                Thread.sleep(500);
                List<String> names = discord.storedMessages(channel).stream()
                        .map(post -> post.fileName().orElseThrow()).toList();
                assertEquals(List.of("top-20261202T140000Z-1m.gif", "top-20261202T140100Z-1m.gif",
                        "top-20261202T140200Z-1m.gif"), names, "each slot once across the hand-over");
                FakeDiscord.Interaction again = discord.sendTop(discord.guildIds().get(0), Map.of("seconds", 2));
                Await.until(() -> !discord.requests(r -> r.method().equals("PATCH") && r.isGif()
                        && r.path().contains(again.token())).isEmpty(), "the new active bot answers");
                List<RecordedRequest> callbacks = discord.requests(r -> r.path().startsWith("interactions/"));
                assertEquals(2, callbacks.size(), "one acknowledgement per /top: " + callbacks);
            } finally {
                for (Contender contender : List.of(a, b)) {
                    contender.leased.stop(Duration.ofSeconds(10));
                    contender.lease.close();
                }
            }
        }
    }
}

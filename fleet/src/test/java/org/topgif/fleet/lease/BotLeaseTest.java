package org.topgif.fleet.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.NatsServerProcess;

/** The lease against a real nats-server: one holder at a time, hand-over on release, on death, on a lapse. */
@Timeout(60)
class BotLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final String TOKEN = "MTIz.the.token";

    @TempDir
    Path folder;

    private static BotLease lease(NatsServerProcess nats, String holder) throws Exception {
        FleetSettings settings = new FleetSettings(FleetServers.parse(nats.url()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Optional.empty());
        return new BotLease(FleetConnection.open(settings, "test " + holder), TOKEN, TTL, holder, System::nanoTime);
    }

    /** Acquires on a thread of its own; the future completes with the nanoTime it got the lease at. */
    private static CompletableFuture<Long> acquireLater(BotLease lease) {
        CompletableFuture<Long> got = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                lease.acquire(() -> true);
                got.complete(System.nanoTime());
            } catch (InterruptedException stopped) {
                got.cancel(false);
            }
        }, "acquire");
        thread.setDaemon(true);
        thread.start();
        return got;
    }

    @Test
    void aStandbyWaitsWhileTheLeaseIsHeldAndTakesItAtItsNextPollOnceGivenUp() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             BotLease first = lease(nats, "host-a pid 1");
             BotLease second = lease(nats, "host-b pid 2")) {
            first.acquire(() -> true);
            first.keep(() -> { });
            CompletableFuture<Long> standby = acquireLater(second);
            // Three TTLs: renewals keep the key, so the standby never gets it.
            Thread.sleep(TTL.toMillis() * 3);
            assertFalse(standby.isDone(), "two holders at once");
            long released = System.nanoTime();
            first.release();
            long took = standby.get(10, TimeUnit.SECONDS);
            Duration handOver = Duration.ofNanos(took - released);
            System.out.println("lease hand-over after release: " + handOver.toMillis() + " ms");
            assertTrue(handOver.compareTo(second.pollInterval().multipliedBy(2)) <= 0, handOver.toString());
        }
    }

    @Test
    void aHolderThatDiesWithoutGivingItUpIsTakenOverWithinTheTtlAndOnePoll() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             BotLease second = lease(nats, "host-b pid 2")) {
            BotLease first = lease(nats, "host-a pid 1");
            first.acquire(() -> true);
            first.keep(() -> { });
            CompletableFuture<Long> standby = acquireLater(second);
            Thread.sleep(TTL.toMillis());
            long died = System.nanoTime();
            first.close(); // no release: as a killed process, it just stops renewing
            long took = standby.get(10, TimeUnit.SECONDS);
            Duration handOver = Duration.ofNanos(took - died);
            System.out.println("lease hand-over after the holder died: " + handOver.toMillis() + " ms, TTL "
                    + TTL.toMillis() + " ms");
            assertTrue(handOver.compareTo(TTL.plus(second.pollInterval()).plusMillis(500)) <= 0, handOver.toString());
        }
    }

    @Test
    void aHolderThatCannotReachItsBrokerStopsActingBeforeTheLeaseCouldLapse() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             BotLease first = lease(nats, "host-a pid 1")) {
            first.acquire(() -> true);
            long acquired = System.nanoTime();
            CountDownLatch lost = new CountDownLatch(1);
            long[] lostAt = new long[1];
            first.keep(() -> {
                lostAt[0] = System.nanoTime();
                lost.countDown();
            });
            Thread.sleep(TTL.toMillis());
            nats.kill();
            long killed = System.nanoTime();
            assertTrue(lost.await(10, TimeUnit.SECONDS), "the holder notices");
            // Its last renewal was at most a fifth of the TTL before the kill; the key lapses a TTL after it.
            Duration stopped = Duration.ofNanos(lostAt[0] - killed);
            System.out.println("holder stopped acting " + stopped.toMillis() + " ms after its broker died");
            assertTrue(stopped.compareTo(TTL) < 0, stopped.toString());
            assertTrue(lostAt[0] > acquired);
        }
    }

    @Test
    void aHolderWhoseKeyAnotherBotTookLearnsItAtItsNextRenewal() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"));
             BotLease first = lease(nats, "host-a pid 1");
             BotLease second = lease(nats, "host-b pid 2");
             Connection admin = Nats.connect(nats.url())) {
            first.acquire(() -> true);
            CountDownLatch lost = new CountDownLatch(1);
            first.keep(lost::countDown);
            // The key gone, as after a broker that lost its store: the standby takes it at once.
            admin.keyValue(BotLease.BUCKET).purge(BotLease.keyFor(TOKEN));
            second.acquire(() -> true);
            assertTrue(lost.await(TTL.toMillis(), TimeUnit.MILLISECONDS), "the old holder stops");
            assertEquals("host-b pid 2", new String(admin.keyValue(BotLease.BUCKET).get(BotLease.keyFor(TOKEN))
                    .getValue(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void theKeyIsADigestOfTheTokenNeverTheToken() {
        String key = BotLease.keyFor(TOKEN);
        assertTrue(key.matches("bot-[0-9a-z]{1,16}"), key);
        assertFalse(key.contains("MTIz"));
        assertEquals(key, BotLease.keyFor(TOKEN));
        assertTrue(!key.equals(BotLease.keyFor(TOKEN + "x")));
    }
}

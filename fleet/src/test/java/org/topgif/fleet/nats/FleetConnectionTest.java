package org.topgif.fleet.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;

@Timeout(60)
class FleetConnectionTest {

    @Test
    void theWaitBetweenAttemptsDoublesFromAQuarterSecondToThirtySeconds() {
        assertEquals(Duration.ofMillis(250), FleetConnection.backoff(0));
        assertEquals(Duration.ofMillis(1000), FleetConnection.backoff(2));
        assertEquals(Duration.ofSeconds(30), FleetConnection.backoff(7));
        assertEquals(Duration.ofSeconds(30), FleetConnection.backoff(1000));
    }

    @Test
    void aConnectionClosedBeforeItsBrokerEverAnsweredStopsTrying() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // free, and nothing listens once the probe is closed
        }
        String name = "topgif-test-never-" + port;
        java.util.Set<Thread> before = natsThreads();
        FleetConnection connection = FleetConnection.open(new FleetSettings(FleetServers.parse("nats://127.0.0.1:"
                + port), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(5), Duration.ofMinutes(1), Optional.empty()), name);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (connection.state() != FleetConnection.State.UNREACHABLE) {
            assertTrue(System.nanoTime() < deadline, "never said unreachable");
            Thread.sleep(20);
        }
        java.util.Set<Thread> connecting = natsThreads();
        connecting.removeAll(before);
        assertTrue(!connecting.isEmpty(), "NATS connects on a thread of its own");
        connection.close();
        while (connecting.stream().anyMatch(Thread::isAlive)) {
            assertTrue(System.nanoTime() < deadline, "NATS still tries to connect after the close");
            Thread.sleep(50);
        }
    }

    /** The threads on which NATS makes a connection in the background. */
    private static java.util.Set<Thread> natsThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(thread -> !thread.getName().equals("NATS - async connection"));
        return threads;
    }
}

package org.topgif.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.nats.client.Connection;
import io.nats.client.JetStreamOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.config.HostName;
import org.topgif.config.SecretText;
import org.topgif.fleet.agent.FleetAgent;
import org.topgif.fleet.directory.HostDirectory;
import org.topgif.fleet.lease.BotLease;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.nats.NatsServerProcess;
import org.topgif.fleet.nats.SampleStream;
import org.topgif.fleet.wire.HostEntry;
import org.topgif.fleet.wire.HostEntryCodec;
import org.topgif.fleet.wire.HostSample;
import org.topgif.fleet.wire.SampleEncoder;
import org.topgif.renderer.sample.SystemSample;

/** The README's nats.conf.example on a real nats-server: who may write what. */
@Timeout(120)
class FleetPermissionsTest {

    private static final Path EXAMPLE = Path.of("..", "nats.conf.example");
    private static final Map<String, String> PASSWORDS = Map.of("TOPGIF_BOT_PASSWORD", "bot-pw-1",
            "AGENT_DB_1_PASSWORD", "db-pw-2", "AGENT_WEB_2_PASSWORD", "web-pw-3");
    private static final HostName DB = new HostName("db-1");
    private static final HostName WEB = new HostName("web-2");

    @TempDir
    Path folder;

    private static FleetSettings as(String url, String user, String password) {
        return new FleetSettings(FleetServers.parse(url), Optional.of(user), Optional.of(new SecretText(password)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1),
                Duration.ofMinutes(1), Optional.empty());
    }

    /** The example as the operator's file, less the address and store that the test server sets itself. */
    private static String example() throws java.io.IOException {
        return Files.readAllLines(EXAMPLE).stream()
                .filter(line -> !line.startsWith("listen:") && !line.startsWith("jetstream "))
                .collect(Collectors.joining("\n"));
    }

    /** Refusals the broker sent to {@link #raw} connections, by its own words. */
    private final AtomicInteger refusals = new AtomicInteger();

    private Connection raw(String url, String user, String password) throws Exception {
        return Nats.connect(new Options.Builder().server(url).userInfo(user, password).errorListener(
                new io.nats.client.ErrorListener() {
                    @Override
                    public void errorOccurred(Connection conn, String error) {
                        if (error.contains("Permissions Violation for Publish")) {
                            refusals.incrementAndGet();
                        }
                    }
                }).build());
    }

    @Test
    void eachAgentWritesOnlyItsOwnSamplesAndKeyAndTheBotReadsAndWritesNeither() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder, example(), PASSWORDS)) {
            FleetSettings bot = as(nats.url(), "topgif-bot", "bot-pw-1");
            HostDirectory directory = new HostDirectory(Duration.ofMinutes(1), Clock.systemUTC());
            AtomicInteger ensured = new AtomicInteger();
            try (FleetConnection reader = FleetConnection.open(bot, "topgif-bot test")) {
                reader.whenConnected(connection -> {
                    try {
                        FleetStreams.ensure(connection, Duration.ofSeconds(60), 600, Duration.ofMinutes(1));
                        ensured.incrementAndGet();
                    } catch (Exception refused) {
                        throw new IllegalStateException(refused);
                    }
                });
                directory.watch(reader);
                FleetEndToEndTest.awaitTrue(() -> ensured.get() > 0);

                AtomicInteger tick = new AtomicInteger();
                try (FleetAgent agent = FleetAgent.start(as(nats.url(), "agent-db-1", "db-pw-2"), DB,
                        Duration.ofMillis(100), new FleetAgent.SampleSource() {
                            @Override
                            public SystemSample sample() {
                                return MadeUpHost.sample(tick.incrementAndGet());
                            }

                            @Override
                            public void close() {
                            }
                        }, "test", Clock.systemUTC())) {
                    SampleStream stream = new SampleStream(reader);
                    FleetEndToEndTest.awaitTrue(() -> StoredSamples.of(nats.url(), "topgif-bot", "bot-pw-1", DB) >= 5
                            && directory.find(DB).isPresent());
                    assertEquals(5, stream.recent(DB, 5, stream.lastReport(DB).orElseThrow(), Duration.ofSeconds(30))
                            .size(), "the bot reads what the agent may write");
                }

                SampleEncoder samples = new SampleEncoder();
                byte[] asWeb = samples.encode(new HostSample(WEB, Instant.now(), MadeUpHost.sample(1)));
                byte[] webEntry = new HostEntryCodec().encode(new HostEntry(WEB, 2, 1, 1, 0, "rogue", Instant.now()));
                JetStreamOptions quick = JetStreamOptions.builder().requestTimeout(Duration.ofMillis(500)).build();
                try (Connection dbAgent = raw(nats.url(), "agent-db-1", "db-pw-2");
                     Connection botUser = raw(nats.url(), "topgif-bot", "bot-pw-1")) {
                    assertThrows(Exception.class, () -> dbAgent.jetStream(quick).publish(
                            FleetStreams.subject(HostToken.of(WEB)), asWeb), "db-1 speaking for web-2");
                    assertThrows(Exception.class, () -> dbAgent.jetStream(quick).publish(
                            FleetStreams.directorySubject(HostToken.of(WEB)), webEntry), "db-1 writing web-2's entry");
                    assertThrows(Exception.class, () -> botUser.jetStream(quick).publish(
                            FleetStreams.subject(HostToken.of(DB)), asWeb), "the bot publishing a sample");
                    assertThrows(Exception.class, () -> botUser.jetStream(quick).publish(
                            FleetStreams.directorySubject(HostToken.of(WEB)), webEntry), "the bot writing an entry");
                }
                SampleStream stream = new SampleStream(reader);
                assertEquals(Optional.empty(), stream.lastReport(WEB), "nothing stored for web-2");
                assertTrue(directory.find(WEB).isEmpty());
                assertEquals(4, refusals.get(), "the broker said why, each time");
            }
        }
    }

    @Test
    void theBotKeepsItsLeaseAndNoAgentCanTakeIt() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder.resolve("nats"), example(), PASSWORDS);
             BotLease active = new BotLease(FleetConnection.open(as(nats.url(), "topgif-bot", "bot-pw-1"),
                     "topgif-bot lease"), "the-token", Duration.ofSeconds(2), "bot-host", System::nanoTime);
             Connection dbAgent = raw(nats.url(), "agent-db-1", "db-pw-2")) {
            assertTrue(active.acquire(() -> true));
            java.util.concurrent.CountDownLatch lost = new java.util.concurrent.CountDownLatch(1);
            active.keep(lost::countDown);
            JetStreamOptions quick = JetStreamOptions.builder().requestTimeout(Duration.ofMillis(500)).build();
            assertThrows(Exception.class, () -> dbAgent.jetStream(quick).publish("$KV." + BotLease.BUCKET
                    + ".bot-x", new byte[] {1}), "an agent writing a lease");
            // Renewals go on for three TTLs under the example's permissions.
            assertFalse(lost.await(6, java.util.concurrent.TimeUnit.SECONDS), "the lease was kept");
            active.release();
            assertEquals(1, refusals.get());
        }
    }
}

package org.topgif.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.config.HostName;
import org.topgif.fleet.agent.FleetAgent;
import org.topgif.fleet.directory.HostDirectory;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.nats.NatsServerProcess;
import org.topgif.fleet.nats.SampleStream;
import org.topgif.fleet.wire.HostSample;
import org.topgif.fleet.wire.SampleEncoder;
import org.topgif.renderer.sample.SystemSample;

/** An agent and the bot's side of the fleet, through a real nats-server on 127.0.0.1. */
@Timeout(120)
class FleetEndToEndTest {

    private static final HostName DB = new HostName("db-1.eu.example.com");
    private static final Duration INTERVAL = Duration.ofMillis(100);

    @TempDir
    Path folder;

    private static FleetSettings settings(String url) {
        return new FleetSettings(FleetServers.parse(url), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Duration.ofMinutes(1),
                Optional.empty());
    }

    /** The bot's side: the stores made on connect, the directory watched. */
    private static FleetConnection bot(FleetSettings settings, HostDirectory directory) throws Exception {
        FleetConnection bot = FleetConnection.open(settings, "topgif-bot test");
        bot.whenConnected(connection -> {
            try {
                FleetStreams.ensure(connection, Duration.ofSeconds(60), 600, settings.forgetAfter());
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        directory.watch(bot);
        return bot;
    }

    private static FleetAgent agent(FleetSettings settings, HostName host, AtomicInteger taken) throws Exception {
        return FleetAgent.start(settings, host, INTERVAL, new FleetAgent.SampleSource() {
            @Override
            public SystemSample sample() {
                return MadeUpHost.sample(taken.incrementAndGet());
            }

            @Override
            public void close() {
            }
        }, "test", Clock.systemUTC());
    }

    @Test
    void anAgentsSamplesComeBackFromTheStreamInOrderAndItsHostIsInTheDirectory() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder)) {
            FleetSettings settings = settings(nats.url());
            HostDirectory directory = new HostDirectory(settings.forgetAfter(), Clock.systemUTC());
            AtomicInteger taken = new AtomicInteger();
            try (FleetConnection bot = bot(settings, directory); FleetAgent agent = agent(settings, DB, taken)) {
                SampleStream stream = new SampleStream(bot);
                awaitTrue(() -> StoredSamples.of(nats.url(), DB) >= 8);
                Instant newest = stream.lastReport(DB).orElseThrow();
                List<HostSample> read = stream.recent(DB, 5, newest, Duration.ofSeconds(5));

                assertEquals(5, read.size());
                List<Integer> ticks = read.stream().map(sample -> MadeUpHost.tick(sample.sample())).toList();
                for (int i = 1; i < ticks.size(); i++) {
                    assertEquals(ticks.get(i - 1) + 1, ticks.get(i), "consecutive samples, oldest first: " + ticks);
                }
                assertTrue(read.stream().allMatch(sample -> sample.host().equals(DB)));
                awaitTrue(() -> directory.find(DB).isPresent());
                assertEquals(MadeUpHost.PROCESSES, directory.find(DB).get().entry().processes());
                assertEquals(List.of(DB), directory.matching("DB-", 25));
                assertEquals(Optional.of(DB), directory.nearest("db-1.eu.exmaple.com"));
                assertEquals(Optional.empty(), stream.lastReport(new HostName("web-9")), "no samples, no report");
            }
        }
    }

    @Test
    void aSampleOnAnotherHostsSubjectOrMalformedIsSkippedAndTheRestAreRead() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder)) {
            FleetSettings settings = settings(nats.url());
            HostDirectory directory = new HostDirectory(settings.forgetAfter(), Clock.systemUTC());
            try (FleetConnection bot = bot(settings, directory); Connection rogue = Nats.connect(nats.url())) {
                awaitStream(bot, rogue);
                String subject = FleetStreams.subject(HostToken.of(DB));
                SampleEncoder encoder = new SampleEncoder();
                rogue.jetStream().publish(subject, encoder.encode(new HostSample(DB, Instant.now(), MadeUpHost.sample(1))));
                rogue.jetStream().publish(subject, encoder.encode(new HostSample(new HostName("web-1"), Instant.now(),
                        MadeUpHost.sample(2))));
                rogue.jetStream().publish(subject, new byte[] {(byte) 0x9f, 1, 2});
                rogue.jetStream().publish(subject, encoder.encode(new HostSample(DB, Instant.now(), MadeUpHost.sample(3))));

                SampleStream stream = new SampleStream(bot);
                List<HostSample> read = stream.recent(DB, 10, stream.lastReport(DB).orElseThrow(), Duration.ofMinutes(1));
                assertEquals(List.of(1, 3), read.stream().map(sample -> MadeUpHost.tick(sample.sample())).toList());
            }
        }
    }

    @Test
    void aHostOfHugeSamplesGetsFewerFramesNotTheBotsMemory() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder)) {
            FleetSettings settings = settings(nats.url());
            HostDirectory directory = new HostDirectory(settings.forgetAfter(), Clock.systemUTC());
            try (FleetConnection bot = bot(settings, directory); Connection huge = Nats.connect(nats.url())) {
                awaitStream(bot, huge);
                SystemSample big = MadeUpHost.sample(1);
                List<org.topgif.renderer.sample.ProcessRow> rows = new java.util.ArrayList<>();
                for (int pid = 1; pid <= 20_000; pid++) {
                    rows.add(new org.topgif.renderer.sample.ProcessRow(pid, "u", 20, 0, 1, 1, 1, 'S', 0, 0, 0, "p",
                            "", 1, 1));
                }
                SystemSample wide = new SystemSample(big.time(), big.uptime(), big.userSessions(), big.load(),
                        big.tasks(), big.cpu(), big.memory(), rows);
                try (SampleEncoder encoder = new SampleEncoder()) {
                    for (int i = 0; i < 15; i++) {
                        huge.jetStream().publish(FleetStreams.subject(HostToken.of(DB)),
                                encoder.encode(new HostSample(DB, Instant.now(), wide)));
                    }
                }
                SampleStream stream = new SampleStream(bot);
                List<HostSample> read = stream.recent(DB, 30, stream.lastReport(DB).orElseThrow(),
                        Duration.ofMinutes(1));
                assertEquals(20_000, read.get(0).sample().processes().size());
                assertEquals(SampleStream.MAX_ROWS_PER_READ / 20_000, read.size(), "the newest that fit");
            }
        }
    }

    @Test
    void anAgentStartedBeforeItsBrokerSamplesAllAlongAndPublishesOnceTheBrokerIsUp() throws Exception {
        NatsServerProcess nats = NatsServerProcess.start(folder);
        nats.kill();
        FleetSettings settings = settings(nats.url());
        AtomicInteger taken = new AtomicInteger();
        try (FleetAgent agent = agent(settings, DB, taken)) {
            awaitTrue(() -> taken.get() >= 10);
            assertFalse(agent.fleet().connected());
            assertEquals(FleetConnection.State.UNREACHABLE, agent.fleet().state());
            assertEquals(0, agent.published());

            nats.start();
            HostDirectory directory = new HostDirectory(settings.forgetAfter(), Clock.systemUTC());
            try (FleetConnection bot = bot(settings, directory)) {
                awaitTrue(() -> StoredSamples.of(nats.url(), DB) >= 3);
                awaitTrue(() -> directory.find(DB).isPresent());
            }
        } finally {
            nats.close();
        }
    }

    @Test
    void aRestartedBrokerStillServesWhatItStoredAndTheAgentResumes() throws Exception {
        try (NatsServerProcess nats = NatsServerProcess.start(folder)) {
            FleetSettings settings = settings(nats.url());
            HostDirectory directory = new HostDirectory(settings.forgetAfter(), Clock.systemUTC());
            AtomicInteger taken = new AtomicInteger();
            try (FleetConnection bot = bot(settings, directory); FleetAgent agent = agent(settings, DB, taken)) {
                SampleStream stream = new SampleStream(bot);
                awaitTrue(() -> StoredSamples.of(nats.url(), DB) >= 5);
                long storedBefore = StoredSamples.of(nats.url(), DB);
                nats.kill();
                awaitTrue(() -> !agent.fleet().connected());
                int publishedBefore = agent.published();
                int takenAtKill = taken.get();
                awaitTrue(() -> taken.get() >= takenAtKill + 10);
                assertEquals(publishedBefore, agent.published(), "nothing is sent while the broker is down");

                nats.start();
                awaitTrue(() -> bot.connected() && StoredSamples.of(nats.url(), DB) >= storedBefore + 3);
                List<HostSample> all = stream.recent(DB, 1000, stream.lastReport(DB).orElseThrow(),
                        Duration.ofMinutes(1));
                List<Integer> ticks = all.stream().map(sample -> MadeUpHost.tick(sample.sample())).toList();
                assertTrue(ticks.contains(1) || ticks.contains(2), "samples from before the restart: " + ticks);
                assertTrue(ticks.get(ticks.size() - 1) > takenAtKill + 10, "and after it: " + ticks);
                // The directory still follows the bucket: a host that first reports after the restart is in it.
                try (FleetAgent web = agent(settings, new HostName("web-2"), new AtomicInteger())) {
                    awaitTrue(() -> directory.find(new HostName("web-2")).isPresent());
                }
            }
        }
    }

    /** Waits until the bot's side is connected and has made the samples' stream, as {@code other} sees it. */
    private static void awaitStream(FleetConnection bot, Connection other) throws InterruptedException {
        awaitTrue(bot::connected);
        awaitTrue(() -> {
            try {
                return other.jetStreamManagement().getStreamNames().contains(FleetStreams.STREAM);
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 30 s");
            Thread.sleep(20);
        }
    }
}

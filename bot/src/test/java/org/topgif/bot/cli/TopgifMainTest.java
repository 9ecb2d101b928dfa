package org.topgif.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;

import org.topgif.config.FleetServers;
import org.topgif.config.FleetSettings;
import org.topgif.config.HostName;
import org.topgif.fleet.MadeUpHost;
import org.topgif.fleet.StoredSamples;
import org.topgif.fleet.agent.FleetAgent;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.nats.NatsServerProcess;
import org.topgif.renderer.sample.SystemSample;

@Timeout(60)
class TopgifMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return TopgifMain.run(List.of(args), environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void snapshotInTheCompactLayoutPrintsThreeSummaryLinesAndCpuMemCommand() {
        assertEquals(0, run(Map.of(), "snapshot", "--layout", "compact", "--rows", "2", "--delay", "100ms"));
        List<String> lines = out().lines().toList();
        assertEquals(7, lines.size(), out());
        assertTrue(lines.get(0).startsWith("top ") && lines.get(0).contains("  load "), lines.get(0));
        assertTrue(lines.get(1).startsWith("%Cpu"), lines.get(1));
        assertTrue(lines.get(2).startsWith("MiB Mem "), lines.get(2));
        assertEquals(" %CPU  %MEM COMMAND", lines.get(4));
        out.reset();
        assertEquals(2, run(Map.of(), "snapshot", "--layout", "narrow"));
        assertTrue(err().contains("--layout"), err());
    }

    @Test
    void snapshotPrintsATopLikeScreenOfThisHost() {
        assertEquals(0, run(Map.of(), "snapshot", "--rows", "3", "--delay", "200ms", "--sort", "pid"));
        List<String> lines = out().lines().toList();
        assertEquals(10, lines.size(), out());
        assertTrue(lines.get(0).startsWith("top - "), lines.get(0));
        assertTrue(lines.get(1).startsWith("Tasks: "), lines.get(1));
        assertTrue(lines.get(6).contains("PID USER"), lines.get(6));
        assertTrue(lines.get(7).trim().startsWith("1 "), "sorted by pid, init first: " + lines.get(7));
        assertEquals("", err());
    }

    @Test
    void settingsFromTheEnvironmentApply() {
        assertEquals(0, run(Map.of("TOPGIF_SCREEN_ROWS", "1"), "snapshot", "--delay", "100ms"));
        assertEquals(8, out().lines().count(), out());
    }

    @Test
    void anAgentWithoutABrokerStopsWithOneLineAndExitCode78() {
        assertEquals(78, run(Map.of(), "agent"));
        assertEquals("topgif: the agent publishes to a broker: set TOPGIF_FLEET_URL (topgif.fleet.url), such as "
                + "nats://nats:4222\n", err());
    }

    @Test
    void anUnprintableHostNameStopsTheAgentWithOneLineAndExitCode78() {
        assertEquals(78, run(Map.of("TOPGIF_FLEET_URL", "nats://127.0.0.1:1", "TOPGIF_HOST_NAME", "db\n1"), "agent"));
        assertEquals("topgif: bad setting topgif.host-name = \"db\\n1\" (environment variable TOPGIF_HOST_NAME): "
                + "expected " + HostName.RULE + "\n", err());
    }

    @Test
    void aBadSettingStopsWithOneLineAndExitCode78() {
        assertEquals(78, run(Map.of("TOPGIF_SCREEN_SORT", "fastest"), "snapshot"));
        assertEquals("topgif: bad setting topgif.screen.sort = \"fastest\" (environment variable TOPGIF_SCREEN_SORT):"
                + " expected one of cpu, mem, time or pid\n", err());
        assertEquals("", out());
    }

    @Test
    void badArgumentsStopWithOneLineAndExitCode2() {
        assertEquals(2, run(Map.of(), "snapshot", "--rows", "-1"));
        assertEquals("topgif: --rows -1: expected an integer from 0 to 1000\n", err());
        err.reset();
        assertEquals(2, run(Map.of(), "snapshot", "--colour"));
        assertEquals("topgif: unknown option --colour\n", err());
        err.reset();
        assertEquals(2, run(Map.of(), "snapshot", "--delay", "forever"));
        assertTrue(err().startsWith("topgif: --delay forever: expected a duration"), err());
        err.reset();
        assertEquals(2, run(Map.of(), "snapshot", "--fields", "PID,WCHAN"));
        assertEquals("topgif: --fields: unknown field WCHAN; fields are " + org.topgif.renderer.screen.Field.choices()
                + "\n", err());
        err.reset();
        assertEquals(2, run(Map.of(), "render-all-the-things"));
        assertEquals("topgif: unknown subcommand 'render-all-the-things'; try topgif --help\n", err());
    }

    @Test
    void renderWritesALoopingGifAViewerCanOpen(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("top.gif");
        assertEquals(0, run(Map.of(), "render", "--out", gif.toString(), "--seconds", "1", "--interval", "500ms",
                "--theme", "light", "--width", "400", "--height", "200"));
        assertTrue(out().startsWith("wrote " + gif + ": 2 frames, 400x200, "), out());
        assertTrue(err().contains("recording 2/2"), err());
        byte[] bytes = Files.readAllBytes(gif);
        assertEquals("GIF89a", new String(bytes, 0, 6, StandardCharsets.US_ASCII));
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true));
            assertEquals(400, reader.read(0).getWidth());
        }
    }

    @Test
    void renderFleetDrawsEveryHostTheBrokerHoldsAndSaysSoWhenItHoldsNone(@TempDir Path dir) throws Exception {
        Path gif = dir.resolve("fleet.gif");
        try (NatsServerProcess nats = NatsServerProcess.start(dir.resolve("nats"))) {
            Map<String, String> environment = Map.of("TOPGIF_FLEET_URL", nats.url(), "TOPGIF_HOST_NAME", "bot-host");
            assertEquals(1, run(environment, "render", "--fleet", "--out", gif.toString()));
            assertTrue(err().endsWith("topgif: no host has reported to the fleet's broker at " + nats.url()
                    + " yet\n"), err());
            assertTrue(!Files.exists(gif), "nothing written");

            FleetSettings agentSettings = new FleetSettings(FleetServers.parse(nats.url()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(1), Duration.ofMinutes(1), Optional.empty());
            // The stores, as the bot makes them: render --fleet only reads.
            try (FleetConnection bot = FleetConnection.open(agentSettings, "test bot")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!bot.connected()) {
                    assertTrue(System.nanoTime() < deadline, "connected");
                    Thread.sleep(20);
                }
                FleetStreams.ensure(bot.connection().orElseThrow(), Duration.ofSeconds(60), 600,
                        Duration.ofMinutes(1));
            }
            AtomicInteger ticks = new AtomicInteger();
            HostName host = new HostName("db-1");
            try (FleetAgent agent = FleetAgent.start(agentSettings, host, Duration.ofMillis(200),
                    new FleetAgent.SampleSource() {
                        @Override
                        public SystemSample sample() {
                            return MadeUpHost.sample(ticks.incrementAndGet());
                        }

                        @Override
                        public void close() {
                        }
                    }, "test", Clock.systemUTC())) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (StoredSamples.of(nats.url(), host) < 10) {
                    assertTrue(System.nanoTime() < deadline, "the agent's samples are stored");
                    Thread.sleep(50);
                }
                out.reset();
                assertEquals(0, run(environment, "render", "--fleet", "--out", gif.toString(), "--seconds", "2",
                        "--interval", "200ms"), err());
            }
        }
        assertTrue(out().startsWith("wrote " + gif + ": 10 frames, 550x350, "), out());
        var reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(10, reader.getNumImages(true), "the host's last 2 s at 200 ms");
        }
        assertEquals(2, run(Map.of(), "render", "--fleet", "--out", gif.toString()));
        assertTrue(err().endsWith("topgif: render --fleet needs the fleet's broker: set topgif.fleet.url "
                + "(TOPGIF_FLEET_URL)\n"), err());
    }

    @Test
    void renderRejectsImpossibleRequestsWithOneLine() {
        assertEquals(2, run(Map.of(), "render", "--seconds", "1"));
        assertEquals("topgif: render needs --out FILE\n", err());
        err.reset();
        assertEquals(2, run(Map.of(), "render", "--out", "x.gif", "--theme", "neon"));
        assertEquals("topgif: --theme neon: expected dark or light\n", err());
        err.reset();
        assertEquals(2, run(Map.of(), "render", "--out", "x.gif", "--interval", "15ms"));
        assertTrue(err().startsWith("topgif: --interval 15ms: expected a duration from 100ms"), err());
    }

    @Test
    void renderIntoAMissingFolderFailsAtOnceWithOneLineAndExitCode1(@TempDir Path dir) {
        Path target = dir.resolve("missing").resolve("top.gif");
        // A recording of 600 s would outlast the test's timeout: the folder is checked first.
        assertEquals(1, run(Map.of(), "render", "--out", target.toString(), "--seconds", "600"));
        assertEquals("topgif: cannot write " + target + ": no such file or directory\n", err());
        assertEquals("", out());
    }

    @Test
    void aClosedStandardOutputIsAnErrorNotASilentSuccess() {
        PrintStream closed = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        }, true, StandardCharsets.UTF_8);
        int status = TopgifMain.run(List.of("snapshot", "--rows", "1", "--delay", "100ms"), Map.of(), closed,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertEquals("topgif: cannot write to standard output\n", err());
    }

    @Test
    void schedulesPrintsEachScheduleWithItsNextThreeSlots() {
        assertEquals(0, run(Map.of("TOPGIF_SCHEDULE_CHANNEL", "223456789012345678", "TOPGIF_SCHEDULE_EVERY", "30m",
                "TOPGIF_SCHEDULE_ZONE", "Europe/Berlin", "TOPGIF_SCHEDULE_HOST", "*", "TOPGIF_SCHEDULE_MODE", "edit"),
                "schedules"));
        List<String> lines = out().lines().toList();
        assertEquals("schedule 1: every 30m of the fleet to channel 223456789012345678, one message edited in place, "
                + "offset 0m, 12 s, sort cpu, rows as the GIF holds, theme dark, silent", lines.get(0));
        assertTrue(lines.get(1).matches("  next: (\\d{4}-\\d\\d-\\d\\d \\d\\d:[03]0 CES?T \\(\\d\\d:[03]0 UTC\\)(, )?){3}"),
                lines.get(1));
        assertEquals("", err());
    }

    @Test
    void aBadScheduleStopsTheBotAndSchedulesWithOneLineAndExitCode78() {
        Map<String, String> bad = Map.of("DISCORD_TOKEN", "secret.token.value", "TOPGIF_SCHEDULE_CHANNEL", "1",
                "TOPGIF_SCHEDULE_EVERY", "7m");
        String line = "topgif: bad setting topgif.schedule.every = \"7m\" (environment variable TOPGIF_SCHEDULE_EVERY): "
                + "expected " + org.topgif.config.ScheduleSpec.EVERY_RULE + "\n";
        assertEquals(78, run(bad, "schedules"));
        assertEquals(line, err());
        err.reset();
        assertEquals(78, run(bad, "bot"));
        assertEquals(line, err());
    }

    @Test
    void healthSaysWhetherTheHealthFileIsFresh(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("healthy");
        assertEquals(1, run(Map.of("TOPGIF_HEALTH_FILE", file.toString()), "health"));
        assertEquals("topgif: unhealthy: never healthy: " + file + " does not exist\n", err());
        err.reset();
        Files.writeString(file, "");
        assertEquals(0, run(Map.of("TOPGIF_HEALTH_FILE", file.toString()), "health"));
        assertEquals("healthy\n", out());
        err.reset();
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(600)));
        assertEquals(1, run(Map.of("TOPGIF_HEALTH_FILE", file.toString()), "health"));
        assertTrue(err().startsWith("topgif: unhealthy: last healthy 60"), err());
    }

    @Test
    void theBotWithoutATokenStopsWithOneLine() {
        assertEquals(78, run(Map.of(), "bot"));
        assertEquals("topgif: no Discord token: set the environment variable DISCORD_TOKEN "
                + "(or topgif.discord.token in application.conf)\n", err());
    }

    @Test
    void theBotWithAMalformedSettingStopsWithOneLine() {
        assertEquals(78, run(Map.of("DISCORD_TOKEN", "secret.token.value", "TOPGIF_RATE_LIMIT_BURST", "lots"), "bot"));
        assertEquals("topgif: bad setting topgif.rate-limit.burst = \"lots\" (environment variable "
                + "TOPGIF_RATE_LIMIT_BURST): expected an integer from 1 to 100\n", err());
        assertFalse(err().contains("secret.token.value"));
    }

    @Test
    void theBotThatCannotReachDiscordSaysWhereItTried() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(69, run(Map.of("DISCORD_TOKEN", "secret.token.value",
                "TOPGIF_DISCORD_REST_URL", "http://user:hunter2@127.0.0.1:" + closedPort + "/api/v10/"), "bot"));
        assertEquals("topgif: cannot reach Discord's REST API at http://user:***@127.0.0.1:" + closedPort
                + "/api/v10/: connection refused\n", err());
    }

    @Test
    void aTokenOfTheWrongShapeIsRefusedWithoutBeingShown() {
        assertEquals(78, run(Map.of("DISCORD_TOKEN", "abc.SECRET.xyz extra"), "bot"));
        assertEquals("topgif: DISCORD_TOKEN is not a valid bot token (it contains a blank)\n", err());
        err.reset();
        assertEquals(78, run(Map.of("TOPGIF_DISCORD_TOKEN", "SECRET"), "bot"));
        assertEquals("topgif: TOPGIF_DISCORD_TOKEN is not a valid bot token (it should be three parts separated by "
                + "dots)\n", err());
    }

    @Test
    void aUrlPasswordInABadSettingIsNotShown() {
        assertEquals(78, run(Map.of("TOPGIF_DISCORD_REST_URL", "http://user:hunter2@127.0.0.1:1/api"), "bot"));
        assertEquals("topgif: bad setting topgif.discord.rest-url = \"http://user:***@127.0.0.1:1/api\" (environment "
                + "variable TOPGIF_DISCORD_REST_URL): expected an http(s) URL ending in a slash, like "
                + "https://discord.com/api/v10/\n", err());
    }

    @Test
    void helpListsTheSubcommands() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out().contains("snapshot"), out());
        assertTrue(out().contains("bench"), out());
        out.reset();
        assertEquals(0, run(Map.of(), "snapshot", "--help"));
        assertTrue(out().contains("--filter TEXT"), out());
    }

    @Test
    void theBotThatCannotReachTheGatewayRetriesWithOneLinePerAttempt() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (org.topgif.bot.fake.FakeDiscord discord = new org.topgif.bot.fake.FakeDiscord(1)) {
            java.io.PrintStream original = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int[] status = {-1};
            Thread bot = new Thread(() -> status[0] = run(Map.of("DISCORD_TOKEN", "secret.token.value",
                    "TOPGIF_DISCORD_REST_URL", discord.restUrl(),
                    "TOPGIF_DISCORD_GATEWAY_URL", "ws://127.0.0.1:" + closedPort), "bot"));
            try {
                bot.start();
                long deadline = System.nanoTime() + 25_000_000_000L;
                while (err().lines().filter(line -> line.contains("gateway")).count() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                bot.interrupt();
                bot.join(10_000);
            } finally {
                System.setErr(original);
            }
            assertEquals(130, status[0], err());
        }
        List<String> attempts = err().lines().filter(line -> line.contains("cannot connect to Discord's gateway")).toList();
        assertTrue(attempts.size() >= 2, err());
        assertTrue(attempts.get(0).endsWith("cannot connect to Discord's gateway at ws://127.0.0.1:" + closedPort
                + ": connection refused (attempt 1, failing for 0 s); retrying in 1 s"), attempts.get(0));
        assertTrue(attempts.get(1).matches(".*\\(attempt 2, failing for [12] s\\); retrying in 2 s"), attempts.get(1));
        assertTrue(err().lines().noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception")), err());
    }

    /** topgif in a JVM of its own, as the script runs it, to be stopped by a signal. */
    private static Process topgifProcess(String... args) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TopgifMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Ends {@code process} with a signal; whether or not its JVM got to handle it, the code is 128 + signal. */
    private static int stopWith(String signal, Process process) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
        assertTrue(process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "stopped by SIG" + signal);
        return process.exitValue();
    }

    @Test
    void ctrlCExits130AndSigtermExits143() throws Exception {
        assertEquals(130, stopWith("INT", topgifProcess("snapshot", "--delay", "60s")));
        assertEquals(143, stopWith("TERM", topgifProcess("snapshot", "--delay", "60s")));
    }
}

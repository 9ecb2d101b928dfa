package org.topgif.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.utils.data.DataArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.topgif.bot.fake.FakeDiscord;
import org.topgif.config.FleetSettings;
import org.topgif.config.HostName;
import org.topgif.config.SettingsLoader;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.nats.NatsServerProcess;
import org.topgif.fleet.nats.SampleStream;
import org.topgif.fleet.wire.HostSample;
import org.topgif.bot.fake.RecordedRequest;

/**
 * The packaged jar run as the image runs it: the Dockerfile's ENTRYPOINT word for word (with the image's
 * paths mapped to this checkout) followed by the service's command in docker-compose.yml, settings only from
 * the environment as docker-compose.yml gives them, a
 * non-root user when the test runs as root, a read-only working directory, and the host's passwd and
 * hostname files at the paths compose mounts them. Against the fake Discord: it serves /top, reports
 * healthy by the compose healthcheck, delivers a GIF it was recording when SIGTERM came and exits 0, and
 * without a token stops with one line and exit 78; the settings check that compose runs first does the same
 * without connecting.
 */
@Timeout(180)
class ImageEntrypointIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /**
     * The ENTRYPOINT of the Dockerfile, with java as it is here and /app/ as a copy of what the image's /app
     * holds (the jar and the JVM options), in a folder any user may read, as in the image: the checkout itself
     * may sit below a folder that the unprivileged user cannot enter.
     */
    private List<String> entrypoint() throws IOException {
        Path app = Files.createDirectories(dir.resolve("image-app"));
        // A second process of one test shares the first's copy.
        if (!Files.exists(app.resolve("topgif.jar"))) {
            Files.copy(ROOT.resolve("bot/target/topgif.jar"), app.resolve("topgif.jar"));
            Files.copy(ROOT.resolve("jvm/resident.options"), app.resolve("resident.options"));
        }
        for (Path path : List.of(app, app.resolve("topgif.jar"), app.resolve("resident.options"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
        String line = Files.readAllLines(ROOT.resolve("Dockerfile")).stream()
                .filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        DataArray words = DataArray.fromJson(line.substring("ENTRYPOINT ".length()));
        List<String> command = new ArrayList<>();
        for (int i = 0; i < words.length(); i++) {
            command.add(words.getString(i).replace("/app/", app + "/"));
        }
        assertEquals("java", command.get(0));
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return command;
    }

    /** The {@code command:} of a service in docker-compose.yml, which follows the image's ENTRYPOINT. */
    private static List<String> composeCommand(String service) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docker-compose.yml"));
        int at = lines.indexOf("  " + service + ":");
        assertTrue(at >= 0, "no service " + service);
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.matches("  \\S.*")) {
                break; // the next service
            }
            if (line.trim().startsWith("command: ")) {
                DataArray words = DataArray.fromJson(line.trim().substring("command: ".length()));
                List<String> command = new ArrayList<>();
                for (int i = 0; i < words.length(); i++) {
                    command.add(words.getString(i));
                }
                return command;
            }
        }
        throw new AssertionError("no command for " + service);
    }

    /** The compose file's healthcheck command, as its shell runs it. */
    private static String healthcheck() throws IOException {
        String line = Files.readAllLines(ROOT.resolve("docker-compose.yml")).stream()
                .filter(l -> l.trim().startsWith("test: [\"CMD-SHELL\"")).findFirst().orElseThrow();
        DataArray words = DataArray.fromJson(line.trim().substring("test: ".length()));
        return words.getString(1).replace("$$", "$");
    }

    private Process start(Map<String, String> environment) throws IOException {
        return start(environment, composeCommand("topgif"));
    }

    private Process start(Map<String, String> environment, List<String> serviceCommand) throws IOException {
        return start(environment, serviceCommand, "bot.log");
    }

    private Process start(Map<String, String> environment, List<String> serviceCommand, String logName)
            throws IOException {
        Path workdir = Files.createDirectories(dir.resolve("app"));
        Files.setPosixFilePermissions(workdir, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid=10001", "--regid=10001", "--clear-groups", "--"));
        }
        command.addAll(entrypoint());
        command.addAll(serviceCommand);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("bot.log"), StandardCharsets.UTF_8);
    }

    /** As docker-compose.yml sets the environment, with the mounts and the tmpfs under this test's folder. */
    private Map<String, String> composeEnvironment(FakeDiscord discord) throws IOException {
        Path etc = Files.createDirectories(dir.resolve("host/etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.writeString(etc.resolve("hostname"), "prod-db-1\n");
        Path tmpfs = Files.createDirectories(dir.resolve("tmpfs"));
        Files.setPosixFilePermissions(tmpfs, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(dir.resolve("host"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> environment = new HashMap<>();
        environment.put("TOPGIF_SAMPLER_PASSWD_FILE", etc.resolve("passwd").toString());
        environment.put("TOPGIF_HOST_NAME_FILE", etc.resolve("hostname").toString());
        environment.put("TOPGIF_HEALTH_FILE", tmpfs.resolve("topgif-healthy").toString());
        environment.put("TOPGIF_DISCORD_REST_URL", discord.restUrl());
        environment.put("TOPGIF_DISCORD_GATEWAY_URL", discord.gatewayUrl());
        environment.put("TOPGIF_DISCORD_GUILD_IDS", discord.guildIds().stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        return environment;
    }

    private void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what + "\n"
                        + (Files.exists(dir.resolve("bot.log")) ? log() : ""));
            }
            Thread.sleep(50);
        }
    }

    /**
     * Sends a live /top (one that records the next seconds, not one answered at once from the history) once
     * the bot is ready, and returns when its recording has begun (its first progress edit).
     */
    private FakeDiscord.Interaction topUnderWay(FakeDiscord discord, int seconds) throws Exception {
        await("the bot is ready", () -> unchecked(() -> log().contains("topgif is ready")));
        FakeDiscord.Interaction top = discord.sendTop(discord.guildIds().get(0), Map.of("seconds", seconds,
                "live", true));
        await("a progress edit", () -> !discord.requests(r -> r.method().equals("PATCH")
                && r.path().contains(top.token())).isEmpty());
        return top;
    }

    private static int sigterm(Process bot) throws Exception {
        return new ProcessBuilder("kill", "-TERM", Long.toString(bot.pid())).start().waitFor();
    }

    @Test
    void theEntrypointServesTopReportsHealthyAndDeliversTheGifItWasRecordingWhenStopped() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            Map<String, String> environment = composeEnvironment(discord);
            environment.put("DISCORD_TOKEN", "image.test.token");
            Process bot = start(environment);
            try {
                await("the bot is ready", () -> unchecked(() -> log().contains("topgif is ready")));
                Path health = Path.of(environment.get("TOPGIF_HEALTH_FILE"));
                await("the health file", () -> Files.exists(health));
                String check = healthcheck().replace("/tmp/topgif-healthy", health.toString());
                assertEquals(0, new ProcessBuilder("sh", "-c", check).start().waitFor(), check);

                FakeDiscord.Interaction top = topUnderWay(discord, 4);
                List<String> status = Files.readAllLines(Path.of("/proc/" + bot.pid() + "/status"));
                if ("root".equals(System.getProperty("user.name"))) {
                    assertTrue(status.stream().anyMatch(l -> l.matches("Uid:\\s+10001\\s.*")), "runs as 10001: " + status);
                }
                System.out.println("bot while recording /top: " + status.stream()
                        .filter(l -> l.startsWith("VmHWM") || l.startsWith("VmRSS")).collect(Collectors.joining(", ")));
                assertEquals(0, sigterm(bot));

                assertTrue(bot.waitFor(60, TimeUnit.SECONDS), "stopped within the grace\n" + log());
                assertEquals(0, bot.exitValue(), log());
                List<RecordedRequest> gifs = discord.requests(r -> r.isGif() && r.path().contains(top.token())
                        && r.answeredStatus() == 200);
                assertEquals(1, gifs.size(), "the GIF recorded across the SIGTERM\n" + log());
                String summary = gifs.get(0).json().orElseThrow().getString("content");
                assertTrue(summary.startsWith("prod\\-db\\-1 · load "), summary);
                assertTrue(log().contains("stopped"), log());
                assertTrue(log().lines().noneMatch(l -> l.startsWith("\tat ")), log());
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    @Test
    void whenTheGraceRunsOutTheBotTellsTheUserAndExitsPromptlyWithALogLine() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            Map<String, String> environment = composeEnvironment(discord);
            environment.put("DISCORD_TOKEN", "image.test.token");
            environment.put("TOPGIF_RATE_LIMIT_SHUTDOWN_GRACE", "1s");
            Process bot = start(environment);
            try {
                FakeDiscord.Interaction top = topUnderWay(discord, 30);
                long stopped = System.nanoTime();
                assertEquals(0, sigterm(bot));
                assertTrue(bot.waitFor(20, TimeUnit.SECONDS), "stopped promptly\n" + log());
                assertTrue(System.nanoTime() - stopped < 20_000_000_000L);
                assertTrue(log().contains("recordings still running after 0.75 s of the 1 s grace"), log());
                assertEquals(1, discord.requests(r -> r.method().equals("PATCH") && r.path().contains(top.token())
                        && r.json().map(j -> j.getString("content", "")).orElse("")
                                .startsWith("Sorry, the bot is restarting before your recording finished")).size(), log());
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    @Test
    void aSecondSigtermStopsAtOnceWithALogLine() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            Map<String, String> environment = composeEnvironment(discord);
            environment.put("DISCORD_TOKEN", "image.test.token");
            Process bot = start(environment);
            try {
                FakeDiscord.Interaction top = topUnderWay(discord, 30);
                assertEquals(0, sigterm(bot));
                await("the graceful stop", () -> unchecked(() -> log().contains("stopping: recordings")));
                assertEquals(0, sigterm(bot));
                assertTrue(bot.waitFor(10, TimeUnit.SECONDS), "stopped at once\n" + log());
                assertEquals(143, bot.exitValue(), log());
                assertTrue(log().contains("SIGTERM again: stopping now"), log());
            } finally {
                bot.destroyForcibly();
            }
        }
    }

    @Test
    void theAgentPublishesThisHostsSamplesToARealBrokerAndStopsOnSigterm() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1);
             NatsServerProcess nats = NatsServerProcess.start(Files.createDirectories(dir.resolve("nats")))) {
            FleetSettings fleet = new SettingsLoader(Map.of("TOPGIF_FLEET_URL", nats.url())).load(
                    com.typesafe.config.ConfigFactory.empty()).fleet();
            try (FleetConnection reader = FleetConnection.open(fleet, "test reader")) {
                await("the test's connection", reader::connected);
                FleetStreams.ensure(reader.connection().orElseThrow(), Duration.ofSeconds(60), 600,
                        Duration.ofMinutes(1));
                Map<String, String> environment = composeEnvironment(discord);
                // A password in the URL, which the broker (without users) ignores and no log line may show.
                environment.put("TOPGIF_FLEET_URL", nats.url().replace("nats://", "nats://agent:hunter2-pw@"));
                environment.put("TOPGIF_RECORDING_INTERVAL", "200ms");
                Process agent = start(environment, List.of("agent"));
                try {
                    HostName host = new HostName("prod-db-1");
                    SampleStream stream = new SampleStream(reader);
                    await("samples of prod-db-1", () -> unchecked(() -> stream.lastReport(host).isPresent()));
                    List<HostSample> read = stream.recent(host, 3, stream.lastReport(host).orElseThrow(),
                            Duration.ofSeconds(30));
                    assertTrue(read.stream().allMatch(sample -> sample.sample().processes().stream()
                            .anyMatch(row -> row.pid() == agent.pid())), "the agent sees itself");
                } finally {
                    sigterm(agent);
                    assertTrue(agent.waitFor(30, TimeUnit.SECONDS));
                }
                assertEquals(0, agent.exitValue(), log());
                assertFalse(log().contains("Exception"), log());
                assertFalse(log().contains("hunter2-pw"), log());
                assertTrue(log().contains("publishing samples of prod-db-1"), log());
            }
        }
    }

    @Test
    void twoBotsOnOneTokenConnectOneAtATimeAndKillingTheActiveOneHandsOverWithinTheLeasesTtl() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1);
             NatsServerProcess nats = NatsServerProcess.start(Files.createDirectories(dir.resolve("nats")))) {
            Map<String, String> environment = composeEnvironment(discord);
            environment.put("DISCORD_TOKEN", "test.token.value");
            environment.put("TOPGIF_FLEET_URL", nats.url());
            environment.put("TOPGIF_STANDBY_ENABLED", "true");
            environment.put("TOPGIF_STANDBY_LEASE_TTL", "5s");
            Process first = start(environment, composeCommand("topgif"), "first.log");
            Process second = null;
            try {
                await("the first bot is ready", () -> unchecked(() -> Files.readString(dir.resolve("first.log"))
                        .contains("topgif is ready")));
                second = start(environment, composeCommand("topgif"), "second.log");
                Path secondLog = dir.resolve("second.log");
                await("the second stands by", () -> unchecked(() -> Files.readString(secondLog)
                        .contains("lease: standing by; the active bot is prod-db-1 pid " + first.pid())));
                Thread.sleep(10_000); // two TTLs: the standby does not connect
                assertEquals(1, discord.gatewayOps().stream().filter(op -> op == 2).count(), "one session");

                long killed = System.nanoTime();
                first.destroyForcibly().waitFor();
                await("the second takes over", () -> discord.gatewayOps().stream().filter(op -> op == 2).count() == 2);
                Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
                await("the second is ready", () -> unchecked(() -> Files.readString(secondLog)
                        .contains("topgif is ready")));
                System.out.println("kill -9 of the active bot: the standby's gateway session began "
                        + takeover.toMillis() + " ms later (lease TTL 5000 ms)");
                assertTrue(takeover.compareTo(Duration.ofMillis(5_000 + 500 + 3_000)) <= 0, takeover.toString());
                FakeDiscord.Interaction top = discord.sendTop(discord.guildIds().get(0), Map.of("seconds", 2));
                try {
                    await("the new active bot answers", () -> !discord.requests(r -> r.method().equals("PATCH")
                            && r.isGif() && r.path().contains(top.token())).isEmpty());
                } catch (AssertionError notAnswered) {
                    throw new AssertionError(notAnswered.getMessage() + Files.readString(secondLog)
                            + discord.requests(r -> r.path().contains(top.token()) || r.path().contains("interactions")));
                }
                assertEquals(0, sigterm(second));
                assertTrue(second.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, second.exitValue());
                assertTrue(Files.readString(secondLog).contains("lease: given up for a standby to take"));
                assertFalse(Files.readString(secondLog).contains("test.token.value"));
            } finally {
                first.destroyForcibly();
                if (second != null) {
                    second.destroyForcibly();
                }
            }
        }
    }

    @Test
    void anAgentStartedBeforeItsBrokerSaysSoOnceAndPublishesWhenTheBrokerComes() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1);
             NatsServerProcess nats = NatsServerProcess.start(Files.createDirectories(dir.resolve("nats")))) {
            nats.kill();
            Map<String, String> environment = composeEnvironment(discord);
            environment.put("TOPGIF_FLEET_URL", nats.url());
            Process agent = start(environment, List.of("agent"));
            try {
                await("the agent says the broker is unreachable", () -> unchecked(() -> log().contains("unreachable")));
                // Attempts go on meanwhile, 0.25 s apart and doubling: several before the broker comes.
                Thread.sleep(3000);
                nats.start();
                try (FleetConnection reader = FleetConnection.open(new SettingsLoader(Map.of("TOPGIF_FLEET_URL",
                        nats.url())).load(com.typesafe.config.ConfigFactory.empty()).fleet(), "test reader")) {
                    await("the test's connection", reader::connected);
                    FleetStreams.ensure(reader.connection().orElseThrow(), Duration.ofSeconds(60), 600,
                            Duration.ofMinutes(1));
                    SampleStream stream = new SampleStream(reader);
                    await("samples of prod-db-1", () -> unchecked(() -> stream.lastReport(new HostName("prod-db-1"))
                            .isPresent()));
                }
            } finally {
                sigterm(agent);
                assertTrue(agent.waitFor(30, TimeUnit.SECONDS));
            }
            // The connection's own lines; what the broker says about samples (no stream yet) is another matter.
            List<String> states = log().lines().filter(line -> line.contains(" is unreachable (")
                    || line.contains("fleet: connected") || line.contains("fleet: lost")).toList();
            assertEquals(2, states.size(), "one line per change of state, not per attempt: " + states);
            assertTrue(states.get(0).contains("is unreachable (ConnectException)"), states.get(0));
            assertTrue(states.get(1).contains("fleet: connected to the broker at " + nats.url()), states.get(1));
        }
    }

    @Test
    void withoutATokenTheEntrypointStopsWithOneLineAndExitCode78() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            Process bot = start(composeEnvironment(discord));
            assertTrue(bot.waitFor(60, TimeUnit.SECONDS));
            assertEquals(78, bot.exitValue(), log());
            assertEquals(List.of("topgif: no Discord token: set the environment variable DISCORD_TOKEN "
                    + "(or topgif.discord.token in application.conf)"), log().lines().toList());
        }
    }

    @Test
    void theImageRunsTheBotByDefaultAndComposeRunsTheSettingsCheckFirst() throws IOException {
        assertEquals(List.of("bot"), composeCommand("topgif"));
        assertEquals(List.of("check"), composeCommand("settings-check"));
        assertTrue(Files.readAllLines(ROOT.resolve("Dockerfile")).contains("CMD [\"bot\"]"));
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertTrue(compose.contains("      settings-check:\n        condition: service_completed_successfully"), compose);
    }

    @Test
    void composesStopGraceDefaultsToTheBotsShutdownGrace() throws IOException {
        String reference = Files.readString(ROOT.resolve("config/src/main/resources/reference.conf"));
        java.util.regex.Matcher grace = java.util.regex.Pattern.compile("\n\\s*shutdown-grace = (\\S+)\n")
                .matcher(reference);
        assertTrue(grace.find(), "reference.conf names the shutdown grace");
        assertTrue(Files.readString(ROOT.resolve("docker-compose.yml")).contains(
                "stop_grace_period: ${TOPGIF_RATE_LIMIT_SHUTDOWN_GRACE:-" + grace.group(1) + "}"));
    }

    /** What compose's settings check printed and its exit code, with {@code set} added to compose's environment. */
    private record CheckRun(int exit, List<String> lines) {
    }

    private CheckRun settingsCheck(FakeDiscord discord, Map<String, String> set) throws Exception {
        Map<String, String> environment = composeEnvironment(discord);
        environment.putAll(set);
        Process check = start(environment, composeCommand("settings-check"));
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        return new CheckRun(check.exitValue(), log().lines().toList());
    }

    @Test
    void withAnEmptyTokenTheSettingsCheckStopsWithOneLineAndExitCode78() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            // As .env.example leaves it.
            assertEquals(new CheckRun(78, List.of("topgif: no Discord token: set the environment variable "
                    + "DISCORD_TOKEN (or topgif.discord.token in application.conf)")),
                    settingsCheck(discord, Map.of("DISCORD_TOKEN", "")));
        }
    }

    @Test
    void withABadSettingTheSettingsCheckNamesItInOneLineAndExits78() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            assertEquals(new CheckRun(78, List.of("topgif: bad setting topgif.screen.rows = \"-4\" (environment "
                    + "variable TOPGIF_SCREEN_ROWS): expected an integer from 0 to 1000")),
                    settingsCheck(discord, Map.of("DISCORD_TOKEN", "image.test.token", "TOPGIF_SCREEN_ROWS", "-4")));
        }
    }

    @Test
    void withGoodSettingsTheSettingsCheckPassesWithoutConnecting() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(1)) {
            assertEquals(new CheckRun(0, List.of("topgif: the settings are good: a bot token is set, host prod-db-1, "
                    + "0 schedules")), settingsCheck(discord, Map.of("DISCORD_TOKEN", "image.test.token")));
            assertEquals(List.of(), discord.requests(), "nothing sent to Discord");
        }
    }

    private interface Check {
        boolean get() throws Exception;
    }

    private static boolean unchecked(Check check) {
        try {
            return check.get();
        } catch (Exception e) {
            return false;
        }
    }
}

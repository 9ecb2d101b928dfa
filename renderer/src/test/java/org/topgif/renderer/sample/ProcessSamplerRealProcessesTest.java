package org.topgif.renderer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sampler against real processes, with top as the referee over the same interval. */
@Timeout(60)
class ProcessSamplerRealProcessesTest {

    @Test
    void agreesWithTopOnCpuAndMemoryOfABusyAndAHalfBusyProcess() throws Exception {
        try (Children children = new Children();
             ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            Process busy = children.start("sh", "-c", "while :; do :; done");
            Process halfBusy = children.startDutyCycle(50);
            Thread.sleep(1500); // past the child JVM's start-up, which is not part of its duty cycle

            Process top = new ProcessBuilder("top", "-b", "-e", "k", "-d", "2", "-n", "2",
                    "-p", busy.pid() + "," + halfBusy.pid()).redirectErrorStream(true).start();
            long started = System.nanoTime();
            sampler.sample();
            Thread.sleep(2000 - (System.nanoTime() - started) / 1_000_000);
            SystemSample sample = sampler.sample();
            List<String> topLines;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(top.getInputStream(), StandardCharsets.UTF_8))) {
                topLines = reader.lines().collect(Collectors.toList());
            }
            assertEquals(0, top.waitFor(), () -> String.join("\n", topLines));
            TopOutput topSays = TopOutput.parseLastFrame(topLines);

            ProcessRow busyRow = rowOf(sample, busy.pid());
            ProcessRow halfRow = rowOf(sample, halfBusy.pid());
            assertTrue(busyRow.cpuPercent() > 50, "a busy loop uses most of a CPU: " + busyRow);
            assertTrue(halfRow.cpuPercent() > 10 && halfRow.cpuPercent() < 95, "well short of a whole CPU: " + halfRow);
            assertEquals(topSays.cpuAndResByPid().get((int) busy.pid())[0], busyRow.cpuPercent(), 5.0, "busy %CPU");
            assertEquals(topSays.cpuAndResByPid().get((int) halfBusy.pid())[0], halfRow.cpuPercent(), 5.0,
                    "half-busy %CPU");

            double[] states = topSays.cpuStates();
            assertEquals(states[0], sample.cpu().user(), 5.0, "us");
            assertEquals(states[1], sample.cpu().system(), 5.0, "sy");
            assertEquals(states[3], sample.cpu().idle(), 5.0, "id");

            double topRes = topSays.cpuAndResByPid().get((int) halfBusy.pid())[1];
            assertEquals(topRes, halfRow.resKiB(), topRes * 0.01, "RES against top");
            double vmRss = vmRssKiB(halfBusy.pid());
            assertEquals(vmRss, halfRow.resKiB(), vmRss * 0.01, "RES against /proc/PID/status");
        }
    }

    @Test
    void showsOwnerNameStateAndFullCommandLine() throws Exception {
        try (Children children = new Children();
             ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            Process sleeper = children.start("sleep", "60");
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(sleeper.pid())).start().waitFor());
            awaitStopped(sleeper.pid());
            SystemSample sample = sampler.sample();
            ProcessRow row = rowOf(sample, sleeper.pid());
            assertEquals("sleep", row.name());
            assertEquals("sleep 60", row.commandLine());
            assertEquals(System.getProperty("user.name"), row.user());
            assertEquals('T', row.state());
            assertTrue(sample.tasks().stopped() >= 1, sample.tasks().toString());
            assertTrue(row.resKiB() > 0 && row.virtKiB() >= row.resKiB() && row.shrKiB() <= row.resKiB(), row.toString());
        }
    }

    /** kill returns once the signal is sent; on a busy machine the process stops a moment later. */
    private static void awaitStopped(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String text = Files.readString(stat);
            if (text.charAt(text.lastIndexOf(')') + 2) == 'T') {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "not stopped after 10 s: " + text);
            Thread.sleep(5);
        }
    }

    @Test
    void redactsSecretsInRealCommandLines(@TempDir Path dir) throws Exception {
        Path mysql = Files.createSymbolicLink(dir.resolve("mysql"), Path.of("/bin/sh"));
        try (Children children = new Children();
             ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            // "sleep; true" keeps the shell itself alive, with its arguments, instead of exec-ing sleep.
            Process app = children.start("sh", "-c", "sleep 60; true", "sh", "--password=hunter2", "--token",
                    "tok-123", "DB_PASSWORD=xyzzy", "postgres://admin:s3cr3t@db/x");
            Process client = children.start(mysql.toString(), "-c", "sleep 60; true", "mysql", "-pswordfish");
            Process fetcher = children.start("sh", "-c", "sleep 60; true", "sh", "https://ghp_tok999@github.com/o/r",
                    "X-Auth-Token: tok-456", "{\"password\":\"pw-789\"}", "line\nbreak");
            SystemSample sample = sampler.sample();

            String appLine = rowOf(sample, app.pid()).commandLine();
            assertEquals("sh -c sleep 60; true sh --password=*** --token *** DB_PASSWORD=*** postgres://admin:***@db/x",
                    appLine);
            String clientLine = rowOf(sample, client.pid()).commandLine();
            assertTrue(clientLine.endsWith(" -p***"), clientLine);
            assertEquals("sh -c sleep 60; true sh https://***@github.com/o/r X-Auth-Token: *** {\"password\":\"***\"} "
                    + "line?break", rowOf(sample, fetcher.pid()).commandLine());
            for (ProcessRow row : sample.processes()) {
                for (String secret : List.of("hunter2", "tok-123", "xyzzy", "s3cr3t", "swordfish", "ghp_tok999",
                        "tok-456", "pw-789")) {
                    assertFalse(row.commandLine().contains(secret), row.commandLine());
                }
            }
        }
    }

    @Test
    void neverThrowsWhileProcessesComeAndGo() throws Exception {
        try (Children children = new Children();
             ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            Process forking = children.start("sh", "-c", "while :; do /bin/true & /bin/true & sleep 0.001 & wait; done");
            Process looping = children.start("sh", "-c", "while :; do sh -c 'exit 0'; done");
            // A fixed number of samples, not as many as fit in a time: how long one takes depends on the host.
            for (int i = 0; i < 30; i++) {
                SystemSample sample = sampler.sample();
                rowOf(sample, forking.pid());
                rowOf(sample, looping.pid());
            }
        }
    }

    @Test
    void aProcessStartedBetweenSamplesIsChargedOnlyForItsOwnTime() throws Exception {
        try (Children children = new Children();
             ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            sampler.sample();
            Process sleeper = children.start("sleep", "60");
            Thread.sleep(200);
            ProcessRow row = rowOf(sampler.sample(), sleeper.pid());
            assertTrue(row.cpuPercent() < 50, row.toString());
        }
    }

    private static ProcessRow rowOf(SystemSample sample, long pid) {
        ProcessRow row = sample.processes().stream().filter(r -> r.pid() == pid).findFirst().orElse(null);
        assertNotNull(row, "no row for pid " + pid);
        return row;
    }

    private static double vmRssKiB(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow();
    }
}

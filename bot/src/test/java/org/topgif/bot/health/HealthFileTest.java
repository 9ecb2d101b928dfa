package org.topgif.bot.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthFileTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @TempDir
    Path dir;

    private Path procWithInit() throws IOException {
        Path proc = Files.createDirectories(dir.resolve("proc/1"));
        Files.writeString(proc.resolve("stat"), "1 (init) S 0");
        Files.writeString(dir.resolve("proc/loadavg"), "0.10 0.20 0.30 1/100 42");
        return dir.resolve("proc");
    }

    @Test
    void aConnectedBotThatReadsTheProcessTableIsHealthyUntilTheFileGoesStale() throws IOException {
        HealthFile health = new HealthFile(dir.resolve("run/healthy"), procWithInit());
        assertEquals(Optional.of("never healthy: " + dir.resolve("run/healthy") + " does not exist"),
                health.problem(Clock.fixed(NOW, ZoneOffset.UTC)));
        assertTrue(health.refresh(() -> true, Clock.fixed(NOW, ZoneOffset.UTC)));
        assertEquals(Optional.empty(), health.problem(Clock.fixed(NOW.plus(HealthFile.STALE), ZoneOffset.UTC)));
        assertEquals(Optional.of("last healthy 91 s ago (" + dir.resolve("run/healthy") + ")"),
                health.problem(Clock.fixed(NOW.plusSeconds(91), ZoneOffset.UTC)));
    }

    @Test
    void aDisconnectedBotOrAnUnreadableProcessTableLeavesTheFileStale() throws IOException {
        HealthFile disconnected = new HealthFile(dir.resolve("a"), procWithInit());
        assertFalse(disconnected.refresh(() -> false, Clock.fixed(NOW, ZoneOffset.UTC)));
        assertFalse(Files.exists(dir.resolve("a")));
        HealthFile blind = new HealthFile(dir.resolve("b"), dir.resolve("no-proc"));
        assertFalse(blind.refresh(() -> true, Clock.fixed(NOW, ZoneOffset.UTC)));
        assertFalse(Files.exists(dir.resolve("b")));
    }
}

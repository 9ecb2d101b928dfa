package org.topgif.bot.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A file whose age says whether the bot is well: refreshed every {@link #REFRESH} while the bot is connected
 * to Discord's gateway and can read the host's process table, left to go stale otherwise. A container's
 * healthcheck then only compares its age, with a shell and no JVM: a JVM started every 30 s would cost an
 * idle host more than the bot does. Thread-safe: it holds only its path and checks.
 */
public final class HealthFile {

    /** How often a healthy bot refreshes the file. */
    public static final Duration REFRESH = Duration.ofSeconds(30);
    /** How old the file may be and still say healthy: three refreshes, so one late refresh is no alarm. */
    public static final Duration STALE = REFRESH.multipliedBy(3);

    private final Path file;
    private final Path proc;

    public HealthFile(Path file, Path proc) {
        this.file = file;
        this.proc = proc;
    }

    /** Refreshes the file if {@code connected} and the process table reads; false when it did not. */
    public boolean refresh(BooleanSupplier connected, Clock clock) {
        if (!connected.getAsBoolean() || !processTableReads()) {
            return false;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
            return true;
        } catch (IOException unwritable) {
            return false;
        }
    }

    /** Why the bot is not healthy by the file, or empty when it is. */
    public Optional<String> problem(Clock clock) {
        try {
            Instant refreshed = Files.getLastModifiedTime(file).toInstant();
            Duration age = Duration.between(refreshed, clock.instant());
            return age.compareTo(STALE) <= 0 ? Optional.empty()
                    : Optional.of("last healthy " + age.toSeconds() + " s ago (" + file + ")");
        } catch (IOException missing) {
            return Optional.of("never healthy: " + file + " does not exist");
        }
    }

    /** The host's process table reads: the first process's stat and the load average. */
    private boolean processTableReads() {
        try {
            return !Files.readString(proc.resolve("loadavg")).isEmpty() && Files.readAllBytes(proc.resolve("1/stat")).length > 0;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}

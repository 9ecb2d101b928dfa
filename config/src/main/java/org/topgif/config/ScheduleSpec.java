package org.topgif.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.SortKey;

/**
 * One scheduled post: a GIF of the host in a text channel at every slot, the multiples of {@code every}
 * since midnight plus {@code offset}. Immutable; the constructor rejects what cannot be scheduled.
 *
 * @param channel text channel id
 * @param every   from 1 minute to 24 hours, dividing a day
 * @param offset  shifts every slot, less than {@code every}
 * @param rows    process rows; empty means as many as the GIF's size holds
 * @param silent  whether the message is sent without a notification (Discord's SUPPRESS_NOTIFICATIONS)
 * @param host    which host it shows
 * @param mode    a new message per slot, or one edited in place
 */
public record ScheduleSpec(long channel, Duration every, Duration offset, int seconds, SortKey sort, OptionalInt rows,
                           Theme theme, boolean silent, ScheduleHost host, ScheduleMode mode) {

    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final Duration DAY = Duration.ofDays(1);
    /** What {@code every} must be, for messages that name the key before it. */
    public static final String EVERY_RULE = "a period from 1m to 24h that divides a day (1m, 2m, 5m, 10m, 15m, 20m, "
            + "30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h, …)";

    public ScheduleSpec {
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mode, "mode");
        if (channel <= 0) {
            throw new IllegalArgumentException("channel must be a channel id: " + channel);
        }
        everyProblem(every).ifPresent(problem -> {
            throw new IllegalArgumentException("every must be " + problem + ": " + every);
        });
        offsetProblem(offset, every).ifPresent(problem -> {
            throw new IllegalArgumentException("offset must be " + problem + ": " + offset);
        });
    }

    /** Why {@code every} cannot be a schedule's period, or empty when it can. */
    public static Optional<String> everyProblem(Duration every) {
        boolean fits = every.compareTo(SHORTEST) >= 0 && every.compareTo(DAY) <= 0
                && every.toNanos() % SHORTEST.toNanos() == 0 && DAY.toNanos() % every.toNanos() == 0;
        return fits ? Optional.empty() : Optional.of(EVERY_RULE);
    }

    /** Why {@code offset} cannot shift a schedule of period {@code every}, or empty when it can. */
    public static Optional<String> offsetProblem(Duration offset, Duration every) {
        return offset.isNegative() || offset.compareTo(every) >= 0
                ? Optional.of("from 0 to less than every (" + describe(every) + ")") : Optional.empty();
    }

    /** "1h", "30m", "90s": how the settings write a period. */
    public static String describe(Duration period) {
        if (period.isZero()) {
            return "0m";
        }
        if (period.toSeconds() % 3600 == 0) {
            return period.toHours() + "h";
        }
        if (period.toSeconds() % 60 == 0) {
            return period.toMinutes() + "m";
        }
        return period.toSeconds() + "s";
    }
}

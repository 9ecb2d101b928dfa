package org.topgif.bot.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When a schedule's posts are due: at {@code offset} plus each multiple of {@code every} of elapsed time
 * since midnight in {@code zone}. On a day that springs forward there is one slot fewer (a 1h schedule
 * posts at 01:00 then 03:00), on one that falls back one more (02:00 summer time, then 02:00 winter time):
 * a post every {@code every} of real time, never two at one instant and no gap longer than {@code every}.
 * Immutable and thread-safe.
 */
public record Slots(Duration every, Duration offset, ZoneId zone) {

    /** The first slot strictly after {@code instant}. */
    public Instant after(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate().minusDays(1);
        for (int days = 0; days < 4; days++, day = day.plusDays(1)) {
            Instant found = firstOfDayAfter(day, instant);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("no slot within three days of " + instant);
    }

    /** The last slot at or before {@code instant}. */
    public Instant atOrBefore(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate().plusDays(1);
        for (int days = 0; days < 4; days++, day = day.minusDays(1)) {
            Instant found = lastOfDayAtOrBefore(day, instant);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("no slot within three days of " + instant);
    }

    private Instant firstOfDayAfter(LocalDate day, Instant instant) {
        Instant start = startOf(day);
        Duration length = Duration.between(start, startOf(day.plusDays(1)));
        // Whole periods past the start that are before the instant, then the next one.
        long k = Math.max(0, Duration.between(start.plus(offset), instant).toNanos() / every.toNanos());
        for (; elapsed(k).compareTo(length) < 0; k++) {
            Instant slot = start.plus(elapsed(k));
            if (slot.isAfter(instant)) {
                return slot;
            }
        }
        return null;
    }

    private Instant lastOfDayAtOrBefore(LocalDate day, Instant instant) {
        Instant start = startOf(day);
        Duration length = Duration.between(start, startOf(day.plusDays(1)));
        long last = (length.toNanos() - offset.toNanos() - 1) / every.toNanos();
        long k = Math.min(last, Math.floorDiv(Duration.between(start.plus(offset), instant).toNanos(), every.toNanos()));
        return k < 0 ? null : start.plus(elapsed(k));
    }

    private Duration elapsed(long k) {
        return offset.plus(every.multipliedBy(k));
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The slot's time of day in the schedule's zone, as its message names it: "14:00 UTC". */
    public String label(Instant slot) {
        return LABEL.format(slot.atZone(zone));
    }

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("HH:mm z", Locale.ROOT);
}

package org.topgif.bot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SlotsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Every slot from local midnight of {@code day} to the next midnight, as labels. */
    private static List<String> day(Slots slots, String day) {
        Instant start = ZonedDateTime.parse(day + "T00:00:00+00:00[UTC]").toLocalDate().atStartOfDay(slots.zone())
                .toInstant();
        Instant end = ZonedDateTime.parse(day + "T00:00:00+00:00[UTC]").toLocalDate().plusDays(1)
                .atStartOfDay(slots.zone()).toInstant();
        List<String> labels = new ArrayList<>();
        Instant slot = slots.after(start.minusNanos(1));
        while (slot.isBefore(end)) {
            labels.add(slots.label(slot));
            Instant next = slots.after(slot);
            assertTrue(next.isAfter(slot));
            assertEquals(slot, slots.atOrBefore(next.minusNanos(1)), "atOrBefore agrees with after");
            slot = next;
        }
        return labels;
    }

    @Test
    void anHourlyScheduleInUtcPostsOnTheHourAndCrossesMidnight() {
        Slots hourly = new Slots(Duration.ofHours(1), Duration.ZERO, ZoneId.of("UTC"));
        assertEquals(Instant.parse("2026-12-02T15:00:00Z"), hourly.after(Instant.parse("2026-12-02T14:00:00Z")));
        assertEquals(Instant.parse("2026-12-02T15:00:00Z"), hourly.after(Instant.parse("2026-12-02T14:59:59.999Z")));
        assertEquals(Instant.parse("2026-12-03T00:00:00Z"), hourly.after(Instant.parse("2026-12-02T23:30:00Z")));
        assertEquals(Instant.parse("2026-12-02T23:00:00Z"), hourly.atOrBefore(Instant.parse("2026-12-02T23:59:59Z")));
        assertEquals(Instant.parse("2026-12-03T00:00:00Z"), hourly.atOrBefore(Instant.parse("2026-12-03T00:00:00Z")));
        assertEquals("14:00 UTC", hourly.label(Instant.parse("2026-12-02T14:00:00Z")));
        assertEquals(24, day(hourly, "2026-12-02").size());
    }

    @Test
    void aDailyScheduleWithAnOffsetPostsOnceADay() {
        Slots daily = new Slots(Duration.ofHours(24), Duration.ofHours(23), ZoneId.of("UTC"));
        assertEquals(Instant.parse("2026-12-02T23:00:00Z"), daily.after(Instant.parse("2026-12-02T10:00:00Z")));
        assertEquals(Instant.parse("2026-12-03T23:00:00Z"), daily.after(Instant.parse("2026-12-02T23:00:00Z")));
        assertEquals(Instant.parse("2026-12-01T23:00:00Z"), daily.atOrBefore(Instant.parse("2026-12-02T22:59:00Z")));
    }

    @Test
    void springingForwardInBerlinSkipsTheHourThatDoesNotExist() {
        List<String> hourly = day(new Slots(Duration.ofHours(1), Duration.ZERO, BERLIN), "2026-03-29");
        assertEquals(23, hourly.size(), hourly.toString());
        assertEquals(List.of("00:00 CET", "01:00 CET", "03:00 CEST", "04:00 CEST"), hourly.subList(0, 4));
        assertEquals("23:00 CEST", hourly.get(22));

        List<String> halfHourly = day(new Slots(Duration.ofMinutes(30), Duration.ofMinutes(10), BERLIN), "2026-03-29");
        assertEquals(46, halfHourly.size(), halfHourly.toString());
        assertEquals(List.of("00:10 CET", "00:40 CET", "01:10 CET", "01:40 CET", "03:10 CEST"), halfHourly.subList(0, 5));
        assertEquals("23:40 CEST", halfHourly.get(45));
    }

    @Test
    void fallingBackInBerlinPostsInBothOfTheHoursThatRepeat() {
        List<String> hourly = day(new Slots(Duration.ofHours(1), Duration.ZERO, BERLIN), "2026-10-25");
        assertEquals(25, hourly.size(), hourly.toString());
        assertEquals(List.of("00:00 CEST", "01:00 CEST", "02:00 CEST", "02:00 CET", "03:00 CET"), hourly.subList(0, 5));
        assertEquals("23:00 CET", hourly.get(24));

        List<String> halfHourly = day(new Slots(Duration.ofMinutes(30), Duration.ofMinutes(10), BERLIN), "2026-10-25");
        assertEquals(50, halfHourly.size(), halfHourly.toString());
        assertEquals(List.of("02:10 CEST", "02:40 CEST", "02:10 CET", "02:40 CET", "03:10 CET"), halfHourly.subList(4, 9));
    }

    @Test
    void theDaysAroundAChangeHaveTheirUsualSlots() {
        Slots hourly = new Slots(Duration.ofHours(1), Duration.ZERO, BERLIN);
        assertEquals(24, day(hourly, "2026-03-28").size());
        assertEquals(24, day(hourly, "2026-03-30").size());
        assertEquals(24, day(hourly, "2026-10-24").size());
        assertEquals(24, day(hourly, "2026-10-26").size());
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"), hourly.after(Instant.parse("2026-03-29T00:30:00Z")),
                "01:00 CET is followed by 03:00 CEST, one real hour later");
    }
}

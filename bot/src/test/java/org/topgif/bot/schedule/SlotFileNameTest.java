package org.topgif.bot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.topgif.config.ScheduleHost;

class SlotFileNameTest {

    private static final Instant SLOT = Instant.parse("2026-12-02T14:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aHostsPostIsNamedForItAsTheReadmeShowsAndTwoNamesThatReadAlikeDiffer() {
        assertEquals("top-20261202T140000Z-1h.gif", SlotFileName.of(HOUR, ScheduleHost.DEFAULT, SLOT));
        assertEquals("top-20261202T140000Z-1h-db-1-1kzb5.gif", SlotFileName.of(HOUR, new ScheduleHost("db-1"), SLOT));
        assertEquals("top-20261202T140000Z-1h-fleet.gif", SlotFileName.of(HOUR, new ScheduleHost("*"), SLOT));
        assertNotEquals(SlotFileName.of(HOUR, new ScheduleHost("db 1"), SLOT),
                SlotFileName.of(HOUR, new ScheduleHost("db-1"), SLOT));
        String hostile = SlotFileName.of(HOUR, new ScheduleHost("@everyone **x** " + "é".repeat(80)), SLOT);
        assertTrue(hostile.matches("[A-Za-z0-9.-]+"), hostile);
        assertTrue(hostile.length() < 100, hostile);
    }

    @Test
    void aStatusNameIsKnownForItsScheduleAtAnySlotAndNeverForAPostOrAnotherSchedule() {
        ScheduleHost db = new ScheduleHost("db-1");
        String status = SlotFileName.status(HOUR, db, SLOT);
        assertEquals("status-20261202T140000Z-1h-db-1-1kzb5.gif", status);
        assertTrue(SlotFileName.isStatus(HOUR, db, SlotFileName.status(HOUR, db, SLOT.plusSeconds(86_400))));
        assertFalse(SlotFileName.isStatus(HOUR, db, SlotFileName.of(HOUR, db, SLOT)), "a post-mode message");
        assertFalse(SlotFileName.isStatus(HOUR, ScheduleHost.DEFAULT, status), "another host's");
        assertFalse(SlotFileName.isStatus(Duration.ofHours(2), db, status), "another period's");
        assertFalse(SlotFileName.isStatus(HOUR, ScheduleHost.DEFAULT, "status-x-1h.gif"));
    }
}

package org.topgif.bot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.topgif.config.ScheduleHost;

class SlotNonceTest {

    private static final Instant SLOT = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    void eachPeriodOfADayHasItsOwnNonceForOneChannelAndSlot() {
        java.util.Set<String> nonces = new java.util.HashSet<>();
        int periods = 0;
        for (int minutes = 1; minutes <= 1440; minutes++) {
            if (1440 % minutes == 0) {
                periods++;
                nonces.add(SlotNonce.of(223456789012345678L, Duration.ofMinutes(minutes), ScheduleHost.DEFAULT, SLOT));
            }
        }
        assertEquals(36, periods);
        assertEquals(36, nonces.size());
        assertNotEquals(SlotNonce.of(1, Duration.ofMinutes(1), ScheduleHost.DEFAULT, SLOT),
                SlotNonce.of(2, Duration.ofMinutes(1), ScheduleHost.DEFAULT, SLOT));
    }

    @Test
    void eachHostOfOneChannelPeriodAndSlotHasItsOwnNonceTheSameOnEveryStart() {
        java.util.Set<String> nonces = new java.util.HashSet<>();
        nonces.add(SlotNonce.of(1, Duration.ofHours(1), ScheduleHost.DEFAULT, SLOT));
        nonces.add(SlotNonce.of(1, Duration.ofHours(1), new ScheduleHost("*"), SLOT));
        for (int host = 0; host < 10_000; host++) {
            nonces.add(SlotNonce.of(1, Duration.ofHours(1), new ScheduleHost("db-" + host), SLOT));
        }
        assertEquals(10_002, nonces.size());
        assertEquals(SlotNonce.of(1, Duration.ofHours(1), new ScheduleHost("db-1"), SLOT),
                SlotNonce.of(1, Duration.ofHours(1), new ScheduleHost("db-1"), SLOT));
        assertNotEquals(SlotNonce.of(1, Duration.ofHours(1), new ScheduleHost("db-1"), SLOT),
                SlotNonce.of(1, Duration.ofHours(1), new ScheduleHost("db-1"), SLOT.plusSeconds(3600)));
    }

    @Test
    void everyNonceFitsDiscordsLimit() {
        for (int slot = 0; slot < 100_000; slot++) {
            String nonce = SlotNonce.of(-1L, Duration.ofHours(24), new ScheduleHost("h".repeat(100)),
                    Instant.parse("2099-01-01T00:00:00Z").plusSeconds(slot));
            assertTrue(nonce.length() <= SlotNonce.MAX_LENGTH, nonce + " is " + nonce.length());
        }
    }
}

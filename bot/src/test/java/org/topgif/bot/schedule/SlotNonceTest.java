package org.topgif.bot.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlotNonceTest {

    private static final Instant SLOT = Instant.parse("2026-12-02T14:00:00Z");

    @Test
    void eachPeriodOfADayHasItsOwnNonceForOneChannelAndSlot() {
        java.util.Set<String> nonces = new java.util.HashSet<>();
        int periods = 0;
        for (int minutes = 1; minutes <= 1440; minutes++) {
            if (1440 % minutes == 0) {
                periods++;
                nonces.add(SlotNonce.of(223456789012345678L, Duration.ofMinutes(minutes), SLOT));
            }
        }
        assertEquals(36, periods);
        assertEquals(36, nonces.size());
        assertNotEquals(SlotNonce.of(1, Duration.ofMinutes(1), SLOT), SlotNonce.of(2, Duration.ofMinutes(1), SLOT));
    }

    @Test
    void theLongestNonceFitsDiscordsLimitUntil2038() {
        String longest = SlotNonce.of(-1L, Duration.ofHours(24), Instant.parse("2038-01-01T00:00:00Z"));
        assertTrue(longest.length() <= SlotNonce.MAX_LENGTH, longest + " is " + longest.length());
    }
}

package org.topgif.renderer.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TopFormatsTest {

    @Test
    void formatsUptimeLikeProcps() {
        assertEquals("5 min", TopFormats.uptime(Duration.ofMinutes(5)));
        assertEquals(" 1:02", TopFormats.uptime(Duration.ofMinutes(62)));
        assertEquals("1 day, 0 min", TopFormats.uptime(Duration.ofDays(1)));
        assertEquals("3 days, 10:05", TopFormats.uptime(Duration.ofDays(3).plusHours(10).plusMinutes(5)));
    }

    @Test
    void scalesMemoryThatDoesNotFitItsColumnLikeTop() {
        assertEquals("   8472", TopFormats.memory(8472, 7));
        assertEquals("9999999", TopFormats.memory(9_999_999, 7));
        // Like top's scale_mem: the first unit in which the number fits, with a decimal if there is room.
        assertEquals(" 9766m", TopFormats.memory(10_000_000, 6));
        assertEquals("976.6m", TopFormats.memory(1_000_000, 6));
        assertEquals(" 1024g", TopFormats.memory(1L << 30, 6));
        assertEquals("200.0t", TopFormats.memory(200L << 30, 6));
    }

    @Test
    void formatsCpuTimeAsTopsTimePlus() {
        assertEquals("  0:00.00", TopFormats.cpuTime(0));
        assertEquals("  0:04.44", TopFormats.cpuTime(444));
        assertEquals(" 20:34.56", TopFormats.cpuTime(123456));
        assertEquals("999:59.99", TopFormats.cpuTime(5_999_999));
        assertEquals("   277:46", TopFormats.cpuTime(100_000_000));
    }

    @Test
    void marksTruncatedUserNamesLikeTop() {
        assertEquals("root    ", TopFormats.leftFit("root", 8));
        assertEquals("systemd+", TopFormats.leftFit("systemd-network", 8));
    }
}

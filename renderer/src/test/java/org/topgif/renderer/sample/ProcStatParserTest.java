package org.topgif.renderer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProcStatParserTest {

    private static Optional<ProcStat> parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return ProcStatParser.parseStat(bytes, bytes.length);
    }

    @Test
    void readsTheFieldsTopShows() {
        ProcStat stat = parse("4242 (java) S 1 4242 4242 0 -1 4194560 9000 0 3 0 1234 567 0 0 20 0 30 0 "
                + "98765 8976380416 16000 18446744073709551615 1 1 0 0 0 0 0 4096 17 1 0 0 0 0 0\n").orElseThrow();
        assertEquals(4242, stat.pid());
        assertEquals("java", stat.name());
        assertEquals('S', stat.state());
        assertEquals(1234, stat.userTicks());
        assertEquals(567, stat.systemTicks());
        assertEquals(20, stat.priority());
        assertEquals(0, stat.nice());
        assertEquals(98765, stat.startTicks());
        assertFalse(stat.kernelThread());
    }

    @Test
    void aNameWithSpacesAndParenthesesEndsAtTheLastParenthesis() {
        ProcStat stat = parse("77 (a) b (c)) R 1 77 77 0 -1 0 0 0 0 0 5 6 0 0 25 5 1 0 400 0 0 0\n")
                .orElseThrow();
        assertEquals("a) b (c)", stat.name());
        assertEquals('R', stat.state());
        assertEquals(11, stat.cpuTicks());
        assertEquals(5, stat.nice());
        assertEquals(400, stat.startTicks());
    }

    @Test
    void recognisesKernelThreadsByTheirFlag() {
        ProcStat stat = parse("2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 2 0 0 0\n").orElseThrow();
        assertTrue(stat.kernelThread());
    }

    @Test
    void readsNegativePrioritiesOfRealTimeThreads() {
        ProcStat stat = parse("15 (migration/0) S 2 0 0 0 -1 69238848 0 0 0 0 0 3 0 0 -100 0 1 0 3 0 0 0\n")
                .orElseThrow();
        assertEquals(-100, stat.priority());
    }

    @Test
    void rejectsTruncatedAndMalformedLinesInsteadOfThrowing() {
        assertTrue(parse("").isEmpty());
        assertTrue(parse("12 (sh").isEmpty());
        assertTrue(parse("12 (sh) S 1 2 3").isEmpty());
        assertTrue(parse("12 (sh) S 1 2 3 4 5 6 7 8 9 10 x y 0 0 20 0 1 0 5 0 0 0").isEmpty());
        assertTrue(parse("garbage without parentheses").isEmpty());
    }

    @Test
    void readsStatmSizeResidentAndShared() {
        byte[] bytes = "1386 271 242 211 0 1091 0\n".getBytes(StandardCharsets.US_ASCII);
        long[] out = new long[3];
        assertTrue(ProcStatParser.parseStatm(bytes, bytes.length, out));
        assertEquals(1386, out[0]);
        assertEquals(271, out[1]);
        assertEquals(242, out[2]);
        assertFalse(ProcStatParser.parseStatm(new byte[0], 0, out));
    }

    @Test
    void readsTheCpuLineOfProcStat() {
        byte[] bytes = "cpu  10 20 30 40 50 60 70 80 90 100\ncpu0 1 2 3 4 5 6 7 8 9 10\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(new CpuTicks(10, 20, 30, 40, 50, 60, 70, 80), ProcStatParser.parseCpuLine(bytes, bytes.length));
        byte[] old = "cpu  1 2 3 4\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new CpuTicks(1, 2, 3, 4, 0, 0, 0, 0), ProcStatParser.parseCpuLine(old, old.length));
    }

    @Test
    void readsUptimeAndLoadAverages() {
        byte[] loadavg = "0.15 1.10 12.05 1/123 4567\n".getBytes(StandardCharsets.US_ASCII);
        double[] load = ProcStatParser.parseDecimals(loadavg, loadavg.length, 3);
        assertEquals(0.15, load[0], 1e-9);
        assertEquals(1.10, load[1], 1e-9);
        assertEquals(12.05, load[2], 1e-9);
    }
}

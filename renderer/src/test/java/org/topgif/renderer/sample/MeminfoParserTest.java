package org.topgif.renderer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MeminfoParserTest {

    private static Memory parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return MeminfoParser.parse(bytes, bytes.length);
    }

    @Test
    void computesUsedAndBuffCacheLikeProcps4() {
        Memory memory = parse("""
                MemTotal:       24683648 kB
                MemFree:        24323752 kB
                MemAvailable:   24379240 kB
                Buffers:           10000 kB
                Cached:           200000 kB
                SwapCached:            0 kB
                SReclaimable:      30000 kB
                SwapTotal:       1000000 kB
                SwapFree:         900000 kB
                """);
        assertEquals(24683648, memory.totalKiB());
        assertEquals(24323752, memory.freeKiB());
        assertEquals(24683648 - 24379240, memory.usedKiB());
        assertEquals(240000, memory.buffCacheKiB());
        assertEquals(24379240, memory.availableKiB());
        assertEquals(100000, memory.swapUsedKiB());
    }

    @Test
    void estimatesAvailableOnKernelsWithoutIt() {
        Memory memory = parse("MemTotal: 1000 kB\nMemFree: 300 kB\nBuffers: 100 kB\nCached: 200 kB\n");
        assertEquals(600, memory.availableKiB());
        assertEquals(400, memory.usedKiB());
    }
}

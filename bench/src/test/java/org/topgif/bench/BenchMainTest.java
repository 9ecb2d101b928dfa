package org.topgif.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return BenchMain.run(List.of(args), environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void benchIntoAMissingFolderFailsWithOneLine() {
        assertEquals(1, run(Map.of(), "bench", "gif", "--frames", "1", "--busy", "0", "--out", "/nonexistent/x.gif"));
        assertEquals("topgif: bench: no such file or directory (/nonexistent/x.gif)\n", err());
    }

    @Test
    void theBenchJarStillRunsTheBotsSubcommandsWithTheirOwnErrors() {
        assertEquals(2, run(Map.of(), "bench"));
        assertEquals("topgif: bench needs a benchmark name: sampler, recording, gif, legibility or wire\n", err());
        err.reset();
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("  bench "), out.toString(StandardCharsets.UTF_8));
    }
}

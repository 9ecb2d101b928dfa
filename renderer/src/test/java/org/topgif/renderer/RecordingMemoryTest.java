package org.topgif.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RecordingMemoryTest {

    @Test
    @Timeout(120)
    void recordsSixtyFramesAt800x400InA64MiBHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), SixtyFrameRecordingMain.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        assertTrue(output.matches("(?s)\\d+ bytes, max heap \\d+ MiB\\s*"), output);
        assertTrue(Integer.parseInt(output.split(" ")[0]) > 60_000, "60 busy frames: " + output);
    }
}

package org.topgif.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressLinesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private void record(ProgressLines progress, int total) {
        for (int done = 1; done <= total; done++) {
            progress.frameRecorded(done, total);
        }
    }

    @Test
    void writesALineForEverySecondRecordedToALog() {
        record(new ProgressLines(err, false, Duration.ofSeconds(1)), 12);
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"), log);
        List<String> expected = new java.util.ArrayList<>();
        for (int done = 1; done <= 12; done++) {
            expected.add("recording " + done + "/12");
        }
        assertEquals(expected, log.lines().toList());
    }

    @Test
    void writesOneLinePerSecondNotPerFrameWhenFramesAreShorter() {
        record(new ProgressLines(err, false, Duration.ofMillis(300)), 12);
        // 3.6 s: a line as the 1st, 2nd and 3rd second complete, and one for the last frame.
        assertEquals(List.of("recording 4/12", "recording 7/12", "recording 10/12", "recording 12/12"),
                bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void rewritesOneLineInPlaceOnATerminalAndEndsIt() {
        record(new ProgressLines(err, true, Duration.ofSeconds(1)), 3);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\rrecording 1/3\rrecording 2/3\rrecording 3/3" + System.lineSeparator(), shown);
    }
}

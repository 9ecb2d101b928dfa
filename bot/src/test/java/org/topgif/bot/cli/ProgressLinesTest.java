package org.topgif.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    void writesAboutTenWholeLinesToALogHoweverLongTheRecording() {
        record(new ProgressLines(err, false), 600);
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\r"), log);
        List<String> lines = log.lines().toList();
        assertEquals(11, lines.size(), log);
        assertEquals("recording 1/600", lines.get(0));
        assertEquals("recording 60/600", lines.get(1));
        assertEquals("recording 600/600", lines.get(10));
    }

    @Test
    void writesEveryFrameOfAShortRecordingToALog() {
        record(new ProgressLines(err, false), 2);
        assertEquals(List.of("recording 1/2", "recording 2/2"), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void rewritesOneLineInPlaceOnATerminalAndEndsIt() {
        record(new ProgressLines(err, true), 3);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertEquals("\rrecording 1/3\rrecording 2/3\rrecording 3/3" + System.lineSeparator(), shown);
    }
}

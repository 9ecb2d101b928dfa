package org.topgif.renderer.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

class ScreenLayoutTest {

    private static final ProcessRow JAVA = new ProcessRow(4242, "topgif", 20, 0, 8976380, 63092, 22260, 'S',
            75.25, 0.3, 123456, "java", "java -jar /opt/topgif/topgif.jar bot --verbose");
    private static final ProcessRow POSTGRES = new ProcessRow(900, "postgres", 20, 0, 215000, 900000, 20000, 'S',
            12.5, 3.6, 99, "postgres", "postgres: checkpointer");
    private static final ProcessRow KWORKER = new ProcessRow(12, "root", 0, -20, 0, 0, 0, 'I',
            0.0, 0.0, 18, "kworker/u8:0", "");
    private static final ProcessRow ZOMBIE = new ProcessRow(77, "root", 20, 0, 0, 0, 0, 'Z',
            0.0, 0.0, 1, "defunct-child", "");
    private static final ProcessRow RT = new ProcessRow(15, "root", -100, 0, 0, 0, 0, 'S',
            0.0, 0.0, 0, "migration/0", "");

    private static SystemSample sample(ProcessRow... rows) {
        List<ProcessRow> all = List.of(rows);
        return new SystemSample(LocalTime.of(21, 24, 2), Duration.ofMinutes(25), OptionalInt.of(1),
                new LoadAverage(0.29, 0.3, 0.12), TaskCounts.of(all),
                new CpuStates(25, 0, 0, 50, 25, 0, 0, 0),
                new Memory(24683622, 24323789, 304333, 297984, 24379289, 0, 0, 0), all);
    }

    private static ScreenOptions options() {
        return ScreenOptions.defaults().withColumns(100);
    }

    @Test
    void summaryReadsLikeTop() {
        Screen screen = ScreenLayout.layout(sample(JAVA, KWORKER), options());
        List<String> lines = screen.lines().stream().map(ScreenLine::text).collect(Collectors.toList());
        assertEquals("top - 21:24:02 up 25 min,  1 user,  load average: 0.29, 0.30, 0.12", lines.get(0));
        assertEquals("Tasks:   2 total,   0 running,   2 sleeping,   0 stopped,   0 zombie", lines.get(1));
        assertEquals("%Cpu(s): 25.0 us,  0.0 sy,  0.0 ni, 50.0 id, 25.0 wa,  0.0 hi,  0.0 si,  0.0 st", lines.get(2));
        assertEquals("MiB Mem :  24105.1 total,  23753.7 free,    297.2 used,    291.0 buff/cache", lines.get(3));
        assertEquals("MiB Swap:      0.0 total,      0.0 free,      0.0 used.  23807.9 avail Mem", lines.get(4));
        assertEquals("", lines.get(5));
        assertEquals(ScreenLayout.COLUMN_TITLES, lines.get(6));
        SystemSample allBusy = new SystemSample(LocalTime.NOON, Duration.ofDays(400), OptionalInt.of(12),
                new LoadAverage(12.5, 3, 1), TaskCounts.of(List.of()), new CpuStates(100, 0, 0, 0, 0, 0, 0, 0),
                new Memory(1L << 32, 0, 1L << 32, 0, 0, 0, 0, 0), List.of());
        List<String> busy = ScreenLayout.summaryLines(allBusy);
        assertEquals("top - 12:00:00 up 400 days, 0 min,  12 users,  load average: 12.50, 3.00, 1.00", busy.get(0));
        assertEquals("%Cpu(s):100.0 us,  0.0 sy,  0.0 ni,  0.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st", busy.get(2),
                "a full CPU shifts nothing, as in top");
        assertEquals(CellStyle.COLUMN_HEADER, screen.lines().get(6).spans().get(0).style());
    }

    @Test
    void processLinesFollowTopsColumns() {
        List<String> lines = textOf(ScreenLayout.layout(sample(JAVA, KWORKER, ZOMBIE, RT),
                ScreenOptions.defaults().withColumns(120).withFullCommands(true)));
        assertEquals("   4242 topgif    20   0 8976380  63092  22260 S  75.3   0.3  20:34.56 "
                + "java -jar /opt/topgif/topgif.jar bot --verbose", lines.get(7));
        assertTrue(lines.contains("     12 root       0 -20       0      0      0 I   0.0   0.0   0:00.18 "
                + "[kworker/u8:0]"), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.endsWith("[defunct-child] <defunct>")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("     15 root      rt   0")));
    }

    @Test
    void sortsByTheChosenKeyWithTiesByPid() {
        assertEquals(List.of(4242, 900, 12, 15, 77), pids(ScreenLayout.layout(sample(KWORKER, POSTGRES, JAVA, ZOMBIE, RT),
                options())));
        assertEquals(List.of(900, 4242, 12, 15, 77), pids(ScreenLayout.layout(sample(KWORKER, POSTGRES, JAVA, ZOMBIE, RT),
                new ScreenOptions(SortKey.MEM, "", 20, 100, true))));
        assertEquals(List.of(4242, 900, 12, 77, 15), pids(ScreenLayout.layout(sample(KWORKER, POSTGRES, JAVA, ZOMBIE, RT),
                new ScreenOptions(SortKey.TIME, "", 20, 100, true))));
        assertEquals(List.of(12, 15, 77, 900, 4242), pids(ScreenLayout.layout(sample(KWORKER, POSTGRES, JAVA, ZOMBIE, RT),
                new ScreenOptions(SortKey.PID, "", 20, 100, true))));
    }

    @Test
    void filtersByNameCommandOrUserIgnoringCase() {
        assertEquals(List.of(4242), pids(ScreenLayout.layout(sample(JAVA, POSTGRES, KWORKER),
                new ScreenOptions(SortKey.CPU, "TOPGIF.JAR", 20, 100, true))));
        assertEquals(List.of(900), pids(ScreenLayout.layout(sample(JAVA, POSTGRES, KWORKER),
                new ScreenOptions(SortKey.CPU, "checkpoint", 20, 100, true))));
        assertEquals(List.of(12), pids(ScreenLayout.layout(sample(JAVA, POSTGRES, KWORKER),
                new ScreenOptions(SortKey.CPU, "kworker", 20, 100, true))));
    }

    @Test
    void showsAtMostTheRequestedRows() {
        assertEquals(List.of(4242, 900), pids(ScreenLayout.layout(sample(JAVA, POSTGRES, KWORKER),
                new ScreenOptions(SortKey.CPU, "", 2, 100, true))));
        assertEquals(7, ScreenLayout.layout(sample(JAVA), new ScreenOptions(SortKey.CPU, "", 0, 100, true)).rows());
    }

    @Test
    void cutsLongCommandsWithAnEllipsisAndNeverExceedsTheWidth() {
        Screen screen = ScreenLayout.layout(sample(JAVA, POSTGRES),
                ScreenOptions.defaults().withFullCommands(true).withFields(Fields.of(Field.TOP_DEFAULT)));
        String javaLine = textOf(screen).get(7);
        assertEquals(80, javaLine.length());
        assertTrue(javaLine.endsWith("java -ja…"), javaLine);
        for (String line : textOf(screen)) {
            assertTrue(line.length() <= 80, line);
        }
        Screen narrow = ScreenLayout.layout(sample(JAVA), ScreenOptions.defaults().withColumns(40));
        textOf(narrow).forEach(line -> assertTrue(line.length() <= 40, line));
    }

    @Test
    void summaryLinesCutAtTheWidthEndWithAnEllipsis() {
        Screen narrow = ScreenLayout.layout(sample(JAVA), ScreenOptions.defaults().withColumns(40));
        List<String> full = ScreenLayout.summaryLines(sample(JAVA));
        for (int i = 0; i < full.size(); i++) {
            String shown = textOf(narrow).get(i);
            if (full.get(i).length() > 40) {
                assertEquals(full.get(i).substring(0, 39) + "…", shown);
            } else {
                assertEquals(full.get(i), shown);
            }
        }
        assertTrue(full.stream().anyMatch(line -> line.length() > 40), "some line is cut: " + full);
    }

    @Test
    void shortCommandsShowTheProcessName() {
        List<String> lines = textOf(ScreenLayout.layout(sample(JAVA),
                new ScreenOptions(SortKey.CPU, "", 20, 100, false)));
        assertTrue(lines.get(7).endsWith(" java"), lines.get(7));
    }

    @Test
    void stylesHogsBusyAndIdleRowsApart() {
        Screen screen = ScreenLayout.layout(sample(JAVA, POSTGRES, KWORKER), options());
        assertEquals(CellStyle.HOG, screen.lines().get(7).spans().get(0).style());
        assertEquals(CellStyle.NORMAL, screen.lines().get(8).spans().get(0).style());
        assertEquals(CellStyle.DIM, screen.lines().get(9).spans().get(0).style());
        assertEquals(CellStyle.HEADER, screen.lines().get(0).spans().get(0).style());
    }

    @Test
    void rejectsOptionsNoScreenCanHonour() {
        assertThrows(IllegalArgumentException.class, () -> new ScreenOptions(SortKey.CPU, "", -1, 80, true));
        assertThrows(IllegalArgumentException.class, () -> new ScreenOptions(SortKey.CPU, "", 10, 10, true));
    }

    private static List<String> textOf(Screen screen) {
        return screen.lines().stream().map(ScreenLine::text).collect(Collectors.toList());
    }

    private static List<Integer> pids(Screen screen) {
        return textOf(screen).stream().skip(7).map(line -> Integer.parseInt(line.trim().split("\\s+")[0]))
                .collect(Collectors.toList());
    }

    private static final ProcessRow JAVA_BY_PATH = new ProcessRow(5151, "app", 20, 0, 1000, 100, 10, 'S', 40.0, 0.1,
            1, "java", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java -Xmx1g -jar /srv/app.jar", 1, 42);

    @Test
    void byDefaultCommandShowsTheProgramsNameAndKernelThreadsInBrackets() {
        List<String> lines = textOf(ScreenLayout.layout(sample(JAVA_BY_PATH, KWORKER),
                ScreenOptions.defaults().withColumns(100)));
        assertTrue(lines.get(7).endsWith(" 40.0   0.1   0:00.01 java"), lines.get(7));
        assertTrue(lines.get(8).endsWith(" [kworker/u8:0]"), lines.get(8));
    }

    @Test
    void fullCommandsStartFromTheProgramsBaseNameAndAreCutAtTheEnd() {
        List<String> wide = textOf(ScreenLayout.layout(sample(JAVA_BY_PATH),
                ScreenOptions.defaults().withColumns(120).withFullCommands(true)));
        assertTrue(wide.get(7).endsWith(" 0:00.01 java -Xmx1g -jar /srv/app.jar"), wide.get(7));
        List<String> narrow = textOf(ScreenLayout.layout(sample(JAVA_BY_PATH),
                ScreenOptions.defaults().withFullCommands(true).withFields(Fields.of(Field.TOP_DEFAULT))));
        assertTrue(narrow.get(7).endsWith(" java -Xm…"), narrow.get(7));
        assertEquals("sshd: user@pts/0", ScreenLayout.fromBaseName("sshd: user@pts/0"), "not a path");
        assertEquals("postgres -D /var/lib/pg", ScreenLayout.fromBaseName("/usr/lib/postgresql/16/bin/postgres -D /var/lib/pg"));
    }

    @Test
    void fieldsChooseTheColumnsInTheirOrderWithCommandTakingTheRest() {
        List<Field> fields = Field.parse("pid, ppid, nTH, %cpu, user").fields();
        assertEquals(List.of(Field.PID, Field.PPID, Field.THREADS, Field.CPU, Field.USER, Field.COMMAND), fields);
        List<String> lines = textOf(ScreenLayout.layout(sample(JAVA_BY_PATH), ScreenOptions.defaults().withFields(Fields.of(fields))));
        assertEquals("    PID    PPID nTH  %CPU USER     COMMAND", lines.get(6));
        assertEquals("   5151       1  42  40.0 app      java", lines.get(7));
        assertEquals(ScreenLayout.COLUMN_TITLES, ScreenLayout.columnTitles(Field.TOP_DEFAULT));
    }

    @Test
    void topsFieldsLeaveOutVirtShrPrAndNiInTurnUntilCommandHasRoomForAWholeProgramName() {
        assertEquals(Field.TOP_DEFAULT, Fields.TOP.within(86), "86 columns hold all of top's and 15 for COMMAND");
        assertEquals(without(Field.VIRT), Fields.TOP.within(85));
        assertEquals(without(Field.VIRT, Field.SHR, Field.PR), Fields.TOP.within(68), "the default GIF's width");
        assertEquals(without(Field.VIRT, Field.SHR, Field.PR, Field.NI), Fields.TOP.within(40));
        assertEquals(Field.TOP_DEFAULT, Fields.of(Field.TOP_DEFAULT).within(40), "a list the user chose stays whole");

        List<String> lines = textOf(ScreenLayout.layout(sample(JAVA_BY_PATH), ScreenOptions.defaults().withColumns(68)));
        assertEquals("    PID USER      NI    RES S  %CPU  %MEM     TIME+ COMMAND", lines.get(6));
        assertEquals(52, lines.get(6).indexOf("COMMAND"), "COMMAND keeps 16 of the 68 columns");
        assertEquals("java", lines.get(7).substring(52));
    }

    private static List<Field> without(Field... leftOut) {
        List<Field> fields = new java.util.ArrayList<>(Field.TOP_DEFAULT);
        fields.removeAll(List.of(leftOut));
        return fields;
    }

    @Test
    void topOrAListIsWhatTheFieldsSettingTakes() {
        assertEquals(Fields.TOP, Fields.parse(" TOP ").fields());
        assertEquals(Fields.of(List.of(Field.PID, Field.COMMAND)), Fields.parse("pid").fields());
        assertEquals("top", Fields.TOP.toString());
        assertEquals("PID,COMMAND", Fields.of(List.of(Field.PID, Field.COMMAND)).toString());
        assertEquals(java.util.Optional.of("field pid is given twice"), Fields.parse("PID,pid").problem());
    }

    @Test
    void unknownOrRepeatedFieldsAreExplainedInOneLine() {
        assertEquals(java.util.Optional.of("unknown field FOO; fields are " + Field.choices()),
                Field.parse("PID,FOO").problem());
        assertEquals(java.util.Optional.of("field pid is given twice"), Field.parse("PID,pid").problem());
        assertEquals(List.of(Field.PID, Field.COMMAND), Field.parse("COMMAND PID").fields(), "COMMAND goes last");
    }

    @Test
    void steadyRowsKeepTheirPlacesAndGoBlankWhileTheirProcessIsGone() {
        ProcessRow a1 = new ProcessRow(1, "r", 20, 0, 0, 0, 0, 'R', 90, 0, 0, "a", "a");
        ProcessRow a2 = new ProcessRow(1, "r", 20, 0, 0, 0, 0, 'R', 10, 0, 0, "a", "a");
        ProcessRow b1 = new ProcessRow(2, "r", 20, 0, 0, 0, 0, 'R', 20, 0, 0, "b", "b");
        ProcessRow b2 = new ProcessRow(2, "r", 20, 0, 0, 0, 0, 'R', 70, 0, 0, "b", "b");
        ProcessRow c3 = new ProcessRow(3, "r", 20, 0, 0, 0, 0, 'R', 95, 0, 0, "c", "c");
        ProcessRow idle = new ProcessRow(4, "r", 20, 0, 0, 0, 0, 'S', 0, 0, 0, "idle", "idle");
        List<SystemSample> samples = List.of(sample(a1, b1, idle), sample(a2, b2, idle), sample(c3, idle));
        ScreenOptions options = ScreenOptions.defaults().withRows(3);
        List<Integer> steady = ScreenLayout.steadyRows(samples, options);
        assertEquals(List.of(1, 3, 2), steady, "most %CPU over the recording first: 100 for 1, 95 for 3, 90 for 2");
        for (SystemSample sample : samples) {
            List<String> lines = textOf(ScreenLayout.layout(sample, options, steady));
            assertEquals(10, lines.size());
        }
        List<String> first = textOf(ScreenLayout.layout(samples.get(0), options, steady));
        assertTrue(first.get(7).startsWith("      1 "), first.get(7));
        assertEquals("", first.get(8), "process 3 does not exist yet");
        assertTrue(first.get(9).startsWith("      2 "), first.get(9));
        List<String> second = textOf(ScreenLayout.layout(samples.get(1), options, steady));
        assertTrue(second.get(7).startsWith("      1 "), "1 keeps its place though 2 is busier now: " + second.get(7));
        List<String> last = textOf(ScreenLayout.layout(samples.get(2), options, steady));
        assertEquals("", last.get(7), "1 has exited");
        assertTrue(last.get(8).startsWith("      3 "), last.get(8));
        assertEquals("", last.get(9), "2 has exited");
    }

    @Test
    void theCompactLayoutShowsThreeSummaryLinesAndCpuMemAndCommandInThirtyNineColumns() {
        Screen screen = ScreenLayout.layout(sample(JAVA, POSTGRES),
                ScreenOptions.defaults().withLayout(Layout.COMPACT).withColumns(39));
        assertEquals(List.of(
                "top 21:24:02  load 0.29 0.30 0.12",
                "%Cpu 25.0 us  0.0 sy 50.0 id 25.0 wa",
                "MiB Mem 297/24105  Swap 0/0",
                "",
                " %CPU  %MEM COMMAND",
                 " 75.3   0.3 java",
                " 12.5   3.6 postgres"), textOf(screen));
        assertEquals(Layout.COMPACT.linesAbove(), textOf(screen).indexOf(" %CPU  %MEM COMMAND") + 1);
    }

    @Test
    void aCompactFrameFitsThePhoneWidthAndAsManyRowsAsItsShorterSummaryLeaves() {
        ScreenOptions fitted = org.topgif.renderer.TopGifRecorder.fit(
                ScreenOptions.defaults().withLayout(Layout.COMPACT).withRows(ScreenOptions.MAX_ROWS),
                new org.topgif.renderer.raster.FrameRasterizer(Layout.COMPACT.frameWidth(550), 350,
                        org.topgif.renderer.raster.Theme.DARK));
        assertEquals(39, fitted.columns());
        assertEquals(20 - 5, fitted.rows(), "20 lines of text, 5 above the processes");
        assertEquals(550, Layout.WIDE.frameWidth(550));
        assertEquals(Optional.of(Layout.COMPACT), Layout.parse(" Compact "));
        assertEquals(Optional.empty(), Layout.parse("narrow"));
    }
}

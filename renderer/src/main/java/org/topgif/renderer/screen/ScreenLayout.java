package org.topgif.renderer.screen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;

/**
 * Lays a sample out like {@code top -b}: summary lines (top's five, or the compact layout's three), a blank
 * line, column titles, then processes.
 */
public final class ScreenLayout {

    /** A process at or above this share of one CPU is highlighted. */
    public static final double HOG_PERCENT = 50.0;

    /** Top's column titles, for its default fields. */
    static final String COLUMN_TITLES = "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND";

    private ScreenLayout() {
    }

    /** The screen for {@code sample} as {@code options} ask, sorted on its own; pure, so any thread may call it. */
    public static Screen layout(SystemSample sample, ScreenOptions options) {
        String filter = options.filter().toLowerCase(Locale.ROOT);
        List<ProcessRow> rows = sample.processes().stream()
                .filter(row -> filter.isEmpty() || matches(row, filter))
                .sorted(options.sort().order())
                .limit(options.rows())
                .toList();
        return screen(sample, options, rows);
    }

    /**
     * The screen for {@code sample} with the processes {@code pids} in that order, one row each, blank while a
     * process does not exist: a recording's rows that stay in place.
     */
    public static Screen layout(SystemSample sample, ScreenOptions options, List<Integer> pids) {
        Map<Integer, ProcessRow> byPid = new HashMap<>();
        for (ProcessRow row : sample.processes()) {
            byPid.put(row.pid(), row);
        }
        List<ProcessRow> rows = new ArrayList<>(pids.size());
        for (int pid : pids) {
            rows.add(byPid.get(pid));
        }
        return screen(sample, options, rows);
    }

    /** @param rows the process rows in order; null for a blank row */
    private static Screen screen(SystemSample sample, ScreenOptions options, List<ProcessRow> rows) {
        int width = options.columns();
        Layout layout = options.layout();
        List<ScreenLine> lines = new ArrayList<>(rows.size() + layout.linesAbove());
        for (String summary : layout == Layout.COMPACT ? compactSummaryLines(sample) : summaryLines(sample)) {
            // Cut as COMMAND is: the reader sees that the line goes on.
            lines.add(ScreenLine.of(TopFormats.ellipsize(summary, width), CellStyle.HEADER));
        }
        lines.add(ScreenLine.of("", CellStyle.HEADER));
        List<Field> fields = layout.fields(options.fields(), width);
        lines.add(ScreenLine.of(cut(columnTitles(fields), width), CellStyle.COLUMN_HEADER));
        for (ProcessRow row : rows) {
            lines.add(row == null ? ScreenLine.of("", CellStyle.DIM)
                    : ScreenLine.of(processLine(row, width, fields, options.fullCommands()), styleOf(row)));
        }
        return new Screen(width, lines);
    }

    /** The processes a recording shows throughout, as {@link RowOrder#STEADY} says; pure. */
    public static List<Integer> steadyRows(List<SystemSample> samples, ScreenOptions options) {
        return SteadyRows.pick(samples, options.sort(), options.filter().toLowerCase(Locale.ROOT), options.rows());
    }

    static List<String> summaryLines(SystemSample sample) {
        var load = sample.load();
        var tasks = sample.tasks();
        var cpu = sample.cpu();
        var memory = sample.memory();
        var time = sample.time();
        TextLine first = new TextLine().text("top - ").twoDigits(time.getHour()).text(':')
                .twoDigits(time.getMinute()).text(':').twoDigits(time.getSecond())
                .text(" up ").text(TopFormats.uptime(sample.uptime())).text(",  ");
        if (sample.userSessions().isPresent()) {
            int users = sample.userSessions().getAsInt();
            first.text(Integer.toString(users)).text(users > 1 ? " users,  " : " user,  ");
        }
        first.text("load average: ").text(TextLine.decimal(load.oneMinute(), 2)).text(", ")
                .text(TextLine.decimal(load.fiveMinutes(), 2)).text(", ")
                .text(TextLine.decimal(load.fifteenMinutes(), 2));
        return List.of(
                first.toString(),
                new TextLine().text("Tasks:").right(tasks.total(), 4).text(" total,").right(tasks.running(), 4)
                        .text(" running,").right(tasks.sleeping(), 4).text(" sleeping,").right(tasks.stopped(), 4)
                        .text(" stopped,").right(tasks.zombie(), 4).text(" zombie").toString(),
                new TextLine().text("%Cpu(s):").decimal(cpu.user(), 1, 5).text(" us,")
                        .decimal(cpu.system(), 1, 5).text(" sy,").decimal(cpu.nice(), 1, 5).text(" ni,")
                        .decimal(cpu.idle(), 1, 5).text(" id,").decimal(cpu.iowait(), 1, 5).text(" wa,")
                        .decimal(cpu.hardIrq(), 1, 5).text(" hi,").decimal(cpu.softIrq(), 1, 5).text(" si,")
                        .decimal(cpu.steal(), 1, 5).text(" st").toString(),
                new TextLine().text("MiB Mem :").decimal(mib(memory.totalKiB()), 1, 9).text(" total,")
                        .decimal(mib(memory.freeKiB()), 1, 9).text(" free,")
                        .decimal(mib(memory.usedKiB()), 1, 9).text(" used,")
                        .decimal(mib(memory.buffCacheKiB()), 1, 9).text(" buff/cache").toString(),
                new TextLine().text("MiB Swap:").decimal(mib(memory.swapTotalKiB()), 1, 9).text(" total,")
                        .decimal(mib(memory.swapFreeKiB()), 1, 9).text(" free,")
                        .decimal(mib(memory.swapUsedKiB()), 1, 9).text(" used.")
                        .decimal(mib(memory.availableKiB()), 1, 9).text(" avail Mem").toString());
    }

    /** The compact layout's summary: time and load, the CPU's main states, memory and swap used of total. */
    static List<String> compactSummaryLines(SystemSample sample) {
        var time = sample.time();
        var load = sample.load();
        var cpu = sample.cpu();
        var memory = sample.memory();
        return List.of(
                new TextLine().text("top ").twoDigits(time.getHour()).text(':').twoDigits(time.getMinute())
                        .text(':').twoDigits(time.getSecond()).text("  load ")
                        .text(TextLine.decimal(load.oneMinute(), 2)).text(' ')
                        .text(TextLine.decimal(load.fiveMinutes(), 2)).text(' ')
                        .text(TextLine.decimal(load.fifteenMinutes(), 2)).toString(),
                new TextLine().text("%Cpu").decimal(cpu.user(), 1, 5).text(" us").decimal(cpu.system(), 1, 5)
                        .text(" sy").decimal(cpu.idle(), 1, 5).text(" id").decimal(cpu.iowait(), 1, 5).text(" wa")
                        .toString(),
                new TextLine().text("MiB Mem ").text(Long.toString(Math.round(mib(memory.usedKiB())))).text('/')
                        .text(Long.toString(Math.round(mib(memory.totalKiB())))).text("  Swap ")
                        .text(Long.toString(Math.round(mib(memory.swapUsedKiB())))).text('/')
                        .text(Long.toString(Math.round(mib(memory.swapTotalKiB())))).toString());
    }

    static String processLine(ProcessRow row, int width, List<Field> fields, boolean fullCommand) {
        TextLine line = new TextLine();
        for (Field field : fields) {
            if (field != Field.COMMAND) {
                field.write(row, line);
                line.text(' ');
            }
        }
        return cut(line + TopFormats.ellipsize(command(row, fullCommand), width - Fields.fixedWidth(fields)), width);
    }

    static String columnTitles(List<Field> fields) {
        TextLine line = new TextLine();
        for (Field field : fields) {
            field.writeTitle(line);
            if (field != Field.COMMAND) {
                line.text(' ');
            }
        }
        return line.toString();
    }

    /**
     * COMMAND: the program's name, as top shows it without -c; with {@code full}, the command line from the
     * program's base name ({@code /usr/lib/jvm/bin/java -jar x.jar} shows as {@code java -jar x.jar}), so
     * that what the process is comes first. Kernel threads show as {@code [name]}, as top -c shows them.
     */
    private static String command(ProcessRow row, boolean full) {
        if (row.state() == 'Z') {
            return full ? "[" + row.name() + "] <defunct>" : row.name();
        }
        if (row.commandLine().isEmpty()) {
            return "[" + row.name() + "]";
        }
        return full ? fromBaseName(row.commandLine()) : row.name();
    }

    /** The command line with the program's path left out: only a path does start with '/' or '.'. */
    static String fromBaseName(String commandLine) {
        if (!commandLine.startsWith("/") && !commandLine.startsWith("./") && !commandLine.startsWith("../")) {
            return commandLine;
        }
        int end = commandLine.indexOf(' ');
        int program = end < 0 ? commandLine.length() : end;
        int slash = commandLine.lastIndexOf('/', program - 1);
        return commandLine.substring(slash + 1);
    }

    private static CellStyle styleOf(ProcessRow row) {
        if (row.cpuPercent() >= HOG_PERCENT) {
            return CellStyle.HOG;
        }
        // Shown as 0.0: nothing happened since the previous sample.
        return row.cpuPercent() < 0.05 ? CellStyle.DIM : CellStyle.NORMAL;
    }

    static boolean matches(ProcessRow row, String lowerCaseFilter) {
        return row.name().toLowerCase(Locale.ROOT).contains(lowerCaseFilter)
                || row.commandLine().toLowerCase(Locale.ROOT).contains(lowerCaseFilter)
                || row.user().toLowerCase(Locale.ROOT).contains(lowerCaseFilter);
    }

    private static double mib(long kib) {
        return kib / 1024.0;
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width);
    }
}

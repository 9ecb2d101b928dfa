package org.topgif.renderer.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;

/** Lays a sample out like {@code top -b}: five summary lines, a blank line, column titles, then processes. */
public final class ScreenLayout {

    /** The lines above the process rows: five summary lines, a blank line and the column titles. */
    public static final int LINES_ABOVE_PROCESSES = 7;

    /** A process at or above this share of one CPU is highlighted. */
    public static final double HOG_PERCENT = 50.0;

    static final String COLUMN_TITLES = "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND";
    private static final int COMMAND_COLUMN = COLUMN_TITLES.indexOf("COMMAND");

    private ScreenLayout() {
    }

    /** The screen for {@code sample} as {@code options} ask; pure, so any thread may call it. */
    public static Screen layout(SystemSample sample, ScreenOptions options) {
        int width = options.columns();
        List<ScreenLine> lines = new ArrayList<>(options.rows() + LINES_ABOVE_PROCESSES);
        for (String summary : summaryLines(sample)) {
            lines.add(ScreenLine.of(cut(summary, width), CellStyle.HEADER));
        }
        lines.add(ScreenLine.of("", CellStyle.HEADER));
        lines.add(ScreenLine.of(cut(COLUMN_TITLES, width), CellStyle.COLUMN_HEADER));
        String filter = options.filter().toLowerCase(Locale.ROOT);
        sample.processes().stream()
                .filter(row -> filter.isEmpty() || matches(row, filter))
                .sorted(options.sort().order())
                .limit(options.rows())
                .map(row -> ScreenLine.of(processLine(row, width, options.fullCommands()), styleOf(row)))
                .forEach(lines::add);
        return new Screen(width, lines);
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

    static String processLine(ProcessRow row, int width, boolean fullCommand) {
        String fixed = new TextLine().right(row.pid(), 7).text(' ').text(TopFormats.leftFit(row.user(), 8))
                .text(' ').text(TopFormats.priority(row.priority())).text(' ').right(row.nice(), 3).text(' ')
                .text(TopFormats.memory(row.virtKiB(), 7)).text(' ').text(TopFormats.memory(row.resKiB(), 6))
                .text(' ').text(TopFormats.memory(row.shrKiB(), 6)).text(' ').text(row.state()).text(' ')
                .decimal(row.cpuPercent(), 1, 5).text(' ').decimal(row.memPercent(), 1, 5).text(' ')
                .text(TopFormats.cpuTime(row.cpuTimeCentis())).text(' ').toString();
        String line = fixed + TopFormats.ellipsize(command(row, fullCommand), width - COMMAND_COLUMN);
        return cut(line, width);
    }

    private static String command(ProcessRow row, boolean full) {
        if (!full) {
            return row.name();
        }
        if (row.state() == 'Z') {
            return "[" + row.name() + "] <defunct>";
        }
        return row.commandLine().isEmpty() ? "[" + row.name() + "]" : row.commandLine();
    }

    private static CellStyle styleOf(ProcessRow row) {
        if (row.cpuPercent() >= HOG_PERCENT) {
            return CellStyle.HOG;
        }
        // Shown as 0.0: nothing happened since the previous sample.
        return row.cpuPercent() < 0.05 ? CellStyle.DIM : CellStyle.NORMAL;
    }

    private static boolean matches(ProcessRow row, String lowerCaseFilter) {
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

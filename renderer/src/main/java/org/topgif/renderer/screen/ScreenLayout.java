package org.topgif.renderer.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;

/** Lays a sample out like {@code top -b}: five summary lines, a blank line, column titles, then processes. */
public final class ScreenLayout {

    /** A process at or above this share of one CPU is highlighted. */
    public static final double HOG_PERCENT = 50.0;

    static final String COLUMN_TITLES = "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND";
    private static final int COMMAND_COLUMN = COLUMN_TITLES.indexOf("COMMAND");

    private ScreenLayout() {
    }

    /** The screen for {@code sample} as {@code options} ask; pure, so any thread may call it. */
    public static Screen layout(SystemSample sample, ScreenOptions options) {
        int width = options.columns();
        List<ScreenLine> lines = new ArrayList<>(options.rows() + 7);
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
        String users = sample.userSessions().isPresent()
                ? String.format(Locale.ROOT, "%d user%s,  ", sample.userSessions().getAsInt(),
                        sample.userSessions().getAsInt() > 1 ? "s" : "")
                : "";
        return List.of(
                String.format(Locale.ROOT, "top - %tT up %s,  %sload average: %.2f, %.2f, %.2f",
                        sample.time(), TopFormats.uptime(sample.uptime()), users,
                        load.oneMinute(), load.fiveMinutes(), load.fifteenMinutes()),
                String.format(Locale.ROOT,
                        "Tasks:%4d total,%4d running,%4d sleeping,%4d stopped,%4d zombie",
                        tasks.total(), tasks.running(), tasks.sleeping(), tasks.stopped(), tasks.zombie()),
                String.format(Locale.ROOT,
                        "%%Cpu(s):%5.1f us,%5.1f sy,%5.1f ni,%5.1f id,%5.1f wa,%5.1f hi,%5.1f si,%5.1f st",
                        cpu.user(), cpu.system(), cpu.nice(), cpu.idle(), cpu.iowait(), cpu.hardIrq(),
                        cpu.softIrq(), cpu.steal()),
                String.format(Locale.ROOT, "MiB Mem :%9.1f total,%9.1f free,%9.1f used,%9.1f buff/cache",
                        mib(memory.totalKiB()), mib(memory.freeKiB()), mib(memory.usedKiB()),
                        mib(memory.buffCacheKiB())),
                String.format(Locale.ROOT, "MiB Swap:%9.1f total,%9.1f free,%9.1f used.%9.1f avail Mem",
                        mib(memory.swapTotalKiB()), mib(memory.swapFreeKiB()), mib(memory.swapUsedKiB()),
                        mib(memory.availableKiB())));
    }

    static String processLine(ProcessRow row, int width, boolean fullCommand) {
        String fixed = String.format(Locale.ROOT, "%7d %s %s %3d %s %s %s %c %5.1f %5.1f %s ",
                row.pid(), TopFormats.leftFit(row.user(), 8), TopFormats.priority(row.priority()), row.nice(),
                TopFormats.memory(row.virtKiB(), 7), TopFormats.memory(row.resKiB(), 6),
                TopFormats.memory(row.shrKiB(), 6), row.state(), row.cpuPercent(), row.memPercent(),
                TopFormats.cpuTime(row.cpuTimeCentis()));
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

package org.topgif.renderer.screen;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;

/**
 * Lays out a fleet overview: a title line, then one block per host in as many columns and rows as the screen
 * holds. A block is the host's name and load, CPU and memory bars, and its busiest processes by the sort key;
 * a host that stopped reporting is greyed with how long it has been silent. Each host's rows are chosen once
 * for the whole recording, so they stay in place across the loop. Immutable; pure.
 */
public final class FleetLayout {

    /** Processes shown per host. */
    public static final int PROCESSES = 3;
    /** A block's lines: name, bars, processes. */
    static final int BLOCK_LINES = 2 + PROCESSES;
    /** The widest a block gets, and the columns between two blocks side by side. */
    static final int BLOCK_WIDTH = 33;
    static final int GAP = 2;
    /** A bar this full or more is drawn in the accent colour. */
    static final double HOT_PERCENT = 80.0;

    private final List<FleetHost> hosts;
    private final int notShown;
    private final int columns;
    private final int lines;
    private final SortKey sort;
    private final List<List<Integer>> steady;
    private final int frames;

    /**
     * @param hosts    the hosts to show, in order; those beyond {@link #capacity} are counted as not shown
     * @param notShown hosts left out before these, counted in the title's "+N more"
     * @param columns  the screen's width; {@code lines} its height
     */
    public FleetLayout(List<FleetHost> hosts, int notShown, int columns, int lines, SortKey sort) {
        Objects.requireNonNull(sort, "sort");
        int fits = Math.min(hosts.size(), capacity(columns, lines));
        this.hosts = List.copyOf(hosts.subList(0, fits));
        this.notShown = notShown + hosts.size() - fits;
        this.columns = columns;
        this.lines = lines;
        this.sort = sort;
        List<List<Integer>> rows = new ArrayList<>();
        int longest = 1;
        for (FleetHost host : this.hosts) {
            rows.add(SteadyRows.pick(host.samples(), sort, "", PROCESSES));
            longest = Math.max(longest, host.samples().size());
        }
        this.steady = List.copyOf(rows);
        this.frames = longest;
    }

    /** How many host blocks a screen of {@code columns} by {@code lines} holds: at least one. */
    public static int capacity(int columns, int lines) {
        return across(columns) * Math.max(1, (lines - 1) / (BLOCK_LINES + 1));
    }

    private static int across(int columns) {
        return Math.max(1, (columns + GAP) / (BLOCK_WIDTH + GAP));
    }

    /** How many frames the overview has: as many as the host with the most samples. */
    public int frames() {
        return frames;
    }

    /** The hosts shown, in order. */
    public List<FleetHost> shown() {
        return hosts;
    }

    /** Frame {@code frame} (0-based): each host's samples are aligned on their newest, which is the last frame's. */
    public Screen screen(int frame) {
        int across = across(columns);
        int width = Math.min(columns, across == 1 ? columns : BLOCK_WIDTH);
        List<List<Span>> blocks = new ArrayList<>();
        LocalTime newest = null;
        int silent = 0;
        for (int i = 0; i < hosts.size(); i++) {
            FleetHost host = hosts.get(i);
            if (!host.reporting()) {
                silent++;
            }
            SystemSample sample = sampleAt(host, frame);
            if (sample != null && (newest == null || sample.time().isAfter(newest))) {
                newest = sample.time();
            }
            blocks.addAll(block(host, sample, steady.get(i), width));
        }
        List<ScreenLine> screen = new ArrayList<>();
        screen.add(ScreenLine.of(TopFormats.ellipsize(title(newest, silent), columns), CellStyle.HEADER));
        int blockRows = (hosts.size() + across - 1) / across;
        for (int blockRow = 0; blockRow < blockRows; blockRow++) {
            screen.add(ScreenLine.of("", CellStyle.HEADER));
            for (int line = 0; line < BLOCK_LINES; line++) {
                List<Span> spans = new ArrayList<>();
                for (int column = 0; column < across; column++) {
                    int index = blockRow * across + column;
                    if (index >= hosts.size()) {
                        break;
                    }
                    if (column > 0) {
                        spans.add(new Span(" ".repeat(GAP), CellStyle.NORMAL));
                    }
                    spans.addAll(blocks.get(index * BLOCK_LINES + line));
                }
                screen.add(new ScreenLine(spans));
            }
        }
        return new Screen(columns, screen.subList(0, Math.min(screen.size(), lines)));
    }

    private String title(LocalTime newest, int silent) {
        TextLine title = new TextLine().text("fleet");
        if (newest != null) {
            title.text(' ').twoDigits(newest.getHour()).text(':').twoDigits(newest.getMinute()).text(':')
                    .twoDigits(newest.getSecond());
        }
        int total = hosts.size() + notShown;
        title.text("  ").text(Integer.toString(total)).text(total == 1 ? " host" : " hosts");
        if (silent > 0) {
            title.text(", ").text(Integer.toString(silent)).text(" not reporting");
        }
        if (notShown > 0) {
            title.text(", +").text(Integer.toString(notShown)).text(" more");
        }
        return title.toString();
    }

    private SystemSample sampleAt(FleetHost host, int frame) {
        List<SystemSample> samples = host.samples();
        if (samples.isEmpty()) {
            return null;
        }
        return samples.get(Math.max(0, samples.size() - frames + frame));
    }

    /** A host's block: {@link #BLOCK_LINES} lines of spans, each {@code width} wide. */
    private List<List<Span>> block(FleetHost host, SystemSample sample, List<Integer> pids, int width) {
        List<List<Span>> block = new ArrayList<>();
        if (sample == null) {
            block.add(List.of(new Span(pad(host.name(), width), CellStyle.MUTED)));
            block.add(List.of(new Span(pad("not reporting, last " + age(host.silentFor()) + " ago", width),
                    CellStyle.MUTED)));
            for (int i = 2; i < BLOCK_LINES; i++) {
                block.add(List.of(new Span(" ".repeat(width), CellStyle.MUTED)));
            }
            return block;
        }
        String load = " load " + TextLine.decimal(sample.load().oneMinute(), 2);
        String name = TopFormats.ellipsize(host.name(), Math.max(1, width - load.length()));
        block.add(List.of(new Span(pad(name + " ".repeat(Math.max(0, width - name.length() - load.length())) + load,
                width), CellStyle.HEADER)));
        block.add(bars(sample, width));
        List<ProcessRow> rows = byPid(sample, pids);
        for (int i = 0; i < PROCESSES; i++) {
            ProcessRow row = i < rows.size() ? rows.get(i) : null;
            block.add(List.of(row == null ? new Span(" ".repeat(width), CellStyle.DIM)
                    : new Span(pad(process(row, width), width), row.cpuPercent() >= ScreenLayout.HOG_PERCENT
                    ? CellStyle.HOG : CellStyle.NORMAL)));
        }
        return block;
    }

    /** "cpu ██████···· 45% mem ███····· 30%", split evenly between the two. */
    private static List<Span> bars(SystemSample sample, int width) {
        double cpu = clampPercent(100.0 - sample.cpu().idle());
        long total = sample.memory().totalKiB();
        double memory = total <= 0 ? 0 : clampPercent(100.0 * sample.memory().usedKiB() / total);
        int half = (width - 1) / 2;
        List<Span> spans = new ArrayList<>(bar("cpu", cpu, half));
        spans.add(new Span(" ".repeat(width - 2 * half), CellStyle.NORMAL));
        spans.addAll(bar("mem", memory, half));
        return spans;
    }

    /** "cpu ████···· 45%" in {@code width} columns: the label, the bar, the figure. */
    private static List<Span> bar(String label, double percent, int width) {
        String figure = new TextLine().text(' ').right(Math.round(percent), 3).text('%').toString();
        int length = Math.max(0, width - label.length() - 1 - figure.length());
        int full = (int) Math.round(length * percent / 100.0);
        return List.of(new Span(label + " ", CellStyle.NORMAL),
                new Span("█".repeat(full), percent >= HOT_PERCENT ? CellStyle.HOG : CellStyle.NORMAL),
                new Span("·".repeat(length - full) + figure, CellStyle.NORMAL));
    }

    private String process(ProcessRow row, int width) {
        Field field = switch (sort) {
            case CPU -> Field.CPU;
            case MEM -> Field.RES;
            case TIME -> Field.TIME_PLUS;
            case PID -> Field.PID;
        };
        TextLine line = new TextLine();
        field.write(row, line);
        String value = line.text(' ').toString();
        return value + TopFormats.ellipsize(row.name(), width - value.length());
    }

    private static List<ProcessRow> byPid(SystemSample sample, List<Integer> pids) {
        List<ProcessRow> rows = new ArrayList<>();
        for (int pid : pids) {
            ProcessRow found = null;
            for (ProcessRow row : sample.processes()) {
                if (row.pid() == pid) {
                    found = row;
                    break;
                }
            }
            rows.add(found);
        }
        return rows;
    }

    /** "12s", "5m", "3h", "2d": the largest whole unit. */
    static String age(Duration silentFor) {
        long seconds = Math.max(0, silentFor.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86_400 + "d";
    }

    private static double clampPercent(double percent) {
        return Double.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : 0;
    }

    private static String pad(String text, int width) {
        String cut = TopFormats.ellipsize(text, width);
        return cut + " ".repeat(width - cut.length());
    }
}

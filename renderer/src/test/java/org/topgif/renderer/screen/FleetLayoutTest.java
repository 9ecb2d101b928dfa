package org.topgif.renderer.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

class FleetLayoutTest {

    /** 550x350 at 8x17 cells. */
    private static final int COLUMNS = 68;
    private static final int LINES = 20;

    private static ProcessRow row(int pid, String name, double cpu) {
        return new ProcessRow(pid, "root", 20, 0, 1000, 500, 10, 'R', cpu, 0.1, 100, name, "/usr/bin/" + name);
    }

    /** A sample at 12:00:0{second} whose CPU is {@code busy} percent used. */
    private static SystemSample sample(int second, double load, double busy, ProcessRow... rows) {
        List<ProcessRow> all = List.of(rows);
        return new SystemSample(LocalTime.of(12, 0, second), Duration.ofHours(3), OptionalInt.empty(),
                new LoadAverage(load, 1, 1), TaskCounts.of(all), new CpuStates(busy, 0, 0, 100 - busy, 0, 0, 0, 0),
                new Memory(1000, 500, 250, 250, 600, 0, 0, 0), all);
    }

    private static FleetHost reporting(String name, double busy, String... processes) {
        List<SystemSample> samples = new ArrayList<>();
        for (int second = 0; second < 3; second++) {
            ProcessRow[] rows = new ProcessRow[processes.length];
            for (int i = 0; i < processes.length; i++) {
                rows[i] = row(100 + i, processes[i], 40.0 - 10 * i + second);
            }
            samples.add(sample(second + 1, 1.5, busy, rows));
        }
        return new FleetHost(name, samples, Duration.ofSeconds(1));
    }

    private static List<String> text(Screen screen) {
        return screen.lines().stream().map(ScreenLine::text).toList();
    }

    @Test
    void threeHostsOneSilentShowEachBlockAndGreyTheSilentOne() {
        FleetLayout layout = new FleetLayout(List.of(
                reporting("db-1", 90, "postgres", "pgbouncer", "cron", "sshd"),
                reporting("web-2", 20, "nginx", "node"),
                new FleetHost("cache-3", List.of(), Duration.ofMinutes(12))), 0, COLUMNS, LINES, SortKey.CPU);
        Screen last = layout.screen(layout.frames() - 1);
        List<String> lines = text(last);

        assertEquals(3, layout.frames());
        assertEquals("fleet 12:00:03  3 hosts, 1 not reporting", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("db-1                    load 1.50  web-2                   load 1.50", lines.get(2));
        assertEquals("cpu ██████·  90% mem ██·····  25%  cpu █······  20% mem ██·····  25%", lines.get(3));
        assertEquals(" 42.0 postgres                      42.0 nginx", lines.get(4).stripTrailing());
        assertEquals(" 32.0 pgbouncer                     32.0 node", lines.get(5).stripTrailing());
        assertEquals(" 22.0 cron", lines.get(6).stripTrailing(), "three processes per host: sshd is left out");
        assertEquals("cache-3", lines.get(8).strip());
        assertEquals("not reporting, last 12m ago", lines.get(9).strip());
        for (Span span : last.lines().get(8).spans()) {
            if (!span.text().isBlank()) {
                assertEquals(CellStyle.MUTED, span.style(), "a silent host is greyed");
            }
        }
        assertEquals(CellStyle.HOG, last.lines().get(3).spans().get(1).style(), "a CPU 90% busy is a hot bar");
        // Plain text, not top's reverse-video bar: tesseract read no host name in a bar, five of six plain.
        assertEquals(CellStyle.HEADER, last.lines().get(2).spans().get(0).style());
        lines.forEach(line -> assertTrue(line.length() <= COLUMNS, line));
    }

    @Test
    void eachHostsRowsStayInPlaceAcrossTheLoop() {
        // b overtakes a in the last sample; the rows keep their places, chosen from the whole recording.
        List<SystemSample> samples = List.of(
                sample(1, 1, 50, row(1, "a", 60), row(2, "b", 10)),
                sample(2, 1, 50, row(1, "a", 60), row(2, "b", 10)),
                sample(3, 1, 50, row(1, "a", 5), row(2, "b", 70)));
        FleetLayout layout = new FleetLayout(List.of(new FleetHost("h", samples, Duration.ZERO)), 0, COLUMNS, LINES,
                SortKey.CPU);
        for (int frame = 0; frame < 3; frame++) {
            List<String> lines = text(layout.screen(frame));
            assertTrue(lines.get(4).stripTrailing().endsWith(" a"), frame + ": " + lines.get(4));
            assertTrue(lines.get(5).stripTrailing().endsWith(" b"), frame + ": " + lines.get(5));
        }
    }

    @Test
    void aHostWithFewerSamplesIsAlignedOnTheNewestAndHeldBeforeItsFirst() {
        FleetHost three = reporting("three", 10, "x");
        FleetHost one = new FleetHost("one", List.of(sample(9, 7.25, 10, row(5, "y", 1))), Duration.ZERO);
        FleetLayout layout = new FleetLayout(List.of(three, one), 0, COLUMNS, LINES, SortKey.CPU);
        for (int frame = 0; frame < 3; frame++) {
            assertTrue(text(layout.screen(frame)).get(2).endsWith("load 7.25"));
        }
        assertEquals("fleet 12:00:09  2 hosts", text(layout.screen(0)).get(0), "the newest clock of the frame");
    }

    @Test
    void moreHostsThanTheFrameHoldsShowTheFirstAndCountTheRest() {
        assertEquals(6, FleetLayout.capacity(COLUMNS, LINES), "two across, three down at 550x350");
        assertEquals(3, FleetLayout.capacity(38, LINES), "one across on a phone's 320 px");
        List<FleetHost> hosts = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            hosts.add(reporting("host-" + i, 10, "p"));
        }
        FleetLayout layout = new FleetLayout(hosts, 2, COLUMNS, LINES, SortKey.CPU);
        List<String> lines = text(layout.screen(0));
        assertEquals("fleet 12:00:01  11 hosts, +5 more", lines.get(0));
        assertEquals(6, layout.shown().size());
        assertTrue(lines.stream().noneMatch(line -> line.contains("host-7")), String.join("\n", lines));
        assertTrue(lines.size() <= LINES);
    }

    @Test
    void aLongHostNameIsCutSoItsLoadStillShows() {
        String name = "a-very-long-host-name-of-the-fleet.eu-west-1.compute.internal";
        FleetLayout layout = new FleetLayout(List.of(reporting(name, 10, "p")), 0, COLUMNS, LINES, SortKey.MEM);
        String line = text(layout.screen(0)).get(2);
        assertEquals("a-very-long-host-name-… load 1.50", line.stripTrailing());
        assertTrue(text(layout.screen(0)).get(4).contains("500 p"), "sorted by memory, RES is shown");
    }

    @Test
    void silentAgesReadInTheirLargestUnit() {
        assertEquals("45s", FleetLayout.age(Duration.ofSeconds(45)));
        assertEquals("5m", FleetLayout.age(Duration.ofSeconds(330)));
        assertEquals("3h", FleetLayout.age(Duration.ofMinutes(200)));
        assertEquals("2d", FleetLayout.age(Duration.ofDays(2).plusHours(5)));
    }
}

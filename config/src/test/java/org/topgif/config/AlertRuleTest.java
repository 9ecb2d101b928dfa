package org.topgif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

class AlertRuleTest {

    private static ProcessRow row(int pid, String name, double cpu, long resKiB) {
        return new ProcessRow(pid, "root", 20, 0, resKiB * 2, resKiB, 10, 'R', cpu, 1, 100, name, name);
    }

    private static SystemSample sample(double busy, double load, long usedKiB, ProcessRow... rows) {
        List<ProcessRow> all = List.of(rows);
        return new SystemSample(LocalTime.NOON, Duration.ofHours(1), OptionalInt.empty(), new LoadAverage(load, 1, 1),
                TaskCounts.of(all), new CpuStates(busy, 0, 0, 100 - busy, 0, 0, 0, 0),
                new Memory(1000, 1000 - usedKiB, usedKiB, 0, 1000 - usedKiB, 0, 0, 0), all);
    }

    @Test
    void theFiveRulesParseAsTheSettingsWriteThemAndNothingElseDoes() {
        assertEquals(new AlertRule(AlertRule.Metric.HOST_CPU, 90), AlertRule.parse("host-cpu > 90%").orElseThrow());
        assertEquals(new AlertRule(AlertRule.Metric.MEMORY, 90), AlertRule.parse(" Memory>90 % ").orElseThrow());
        assertEquals(new AlertRule(AlertRule.Metric.LOAD_PER_CORE, 2), AlertRule.parse("load-per-core > 2").orElseThrow());
        assertEquals(new AlertRule(AlertRule.Metric.PROCESS_CPU, 80), AlertRule.parse("process-cpu > 80%").orElseThrow());
        assertEquals(new AlertRule(AlertRule.Metric.PROCESS_MEMORY, 2L * 1024 * 1024),
                AlertRule.parse("process-memory > 2GiB").orElseThrow());
        assertEquals(512.0 * 1024, AlertRule.parse("process-memory > 512 MiB").orElseThrow().threshold());
        for (String bad : List.of("", "host-cpu", "host-cpu > ", "host-cpu > 90", "host-cpu >> 90%", "cpu > 90%",
                "load-per-core > 2%", "process-memory > 2GB", "process-memory > 2", "host-cpu > -1%", "host-cpu < 90%",
                "host-cpu > NaN%", "host-cpu > 1e400%")) {
            assertEquals(Optional.empty(), AlertRule.parse(bad), bad);
        }
        assertEquals("process-memory > 2.0GiB", AlertRule.parse("process-memory > 2GiB").orElseThrow().describe());
        assertEquals("host-cpu > 90%", AlertRule.parse("host-cpu>90%").orElseThrow().describe());
    }

    @Test
    void aSampleBreaksARuleOnlyAboveItsThresholdAndAProcessRuleNamesTheProcess() {
        SystemSample busy = sample(95, 9, 950, row(7, "idle", 0, 10), row(42, "stress", 180, 3L << 20),
                row(43, "java", 30, 5L << 20));
        assertEquals(95, AlertRule.parse("host-cpu > 90%").orElseThrow().check(busy, 4).orElseThrow().value(), 1e-9);
        assertEquals(95, AlertRule.parse("memory > 90%").orElseThrow().check(busy, 4).orElseThrow().value(), 1e-9);
        assertEquals(2.25, AlertRule.parse("load-per-core > 2").orElseThrow().check(busy, 4).orElseThrow().value());
        assertTrue(AlertRule.parse("load-per-core > 2").orElseThrow().check(busy, 8).isEmpty(), "1.125 per core");
        AlertRule.Breach cpu = AlertRule.parse("process-cpu > 80%").orElseThrow().check(busy, 4).orElseThrow();
        assertEquals("stress", cpu.process().orElseThrow().name());
        assertEquals(42, cpu.process().orElseThrow().pid());
        AlertRule.Breach memory = AlertRule.parse("process-memory > 4GiB").orElseThrow().check(busy, 4).orElseThrow();
        assertEquals("java", memory.process().orElseThrow().name());
        assertEquals("5.0 GiB", AlertRule.parse("process-memory > 4GiB").orElseThrow().format(memory.value()));
        assertTrue(AlertRule.parse("host-cpu > 95%").orElseThrow().check(busy, 4).isEmpty(), "not above: equal");
        assertTrue(AlertRule.parse("process-cpu > 80%").orElseThrow().check(sample(0, 0, 0), 4).isEmpty(),
                "no process at all");
    }
}

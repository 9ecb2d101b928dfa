package org.topgif.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.FleetHost;

/**
 * A fleet of six made-up hosts drawn from this host's samples, for the fleet overview's benches: host N leaves
 * out this host's 3 x N busiest processes, so each block shows processes of its own, and the last host has
 * stopped reporting.
 */
final class FleetOfThisHost {

    static final List<String> NAMES = List.of("db-1", "web-2", "cache-3", "queue-4", "search-5", "batch-6");

    private FleetOfThisHost() {
    }

    static List<FleetHost> of(List<SystemSample> samples) {
        SystemSample last = samples.get(samples.size() - 1);
        List<ProcessRow> busiest = last.processes().stream()
                .sorted(Comparator.comparingDouble(ProcessRow::cpuPercent).reversed()
                        .thenComparingInt(ProcessRow::pid)).toList();
        List<FleetHost> hosts = new ArrayList<>();
        for (int n = 0; n < NAMES.size() - 1; n++) {
            Set<Integer> left = new HashSet<>();
            busiest.stream().limit(3L * n).forEach(row -> left.add(row.pid()));
            List<SystemSample> own = samples.stream().map(sample -> new SystemSample(sample.time(), sample.uptime(),
                    sample.userSessions(), sample.load(), sample.tasks(), sample.cpu(), sample.memory(),
                    sample.processes().stream().filter(row -> !left.contains(row.pid())).toList())).toList();
            hosts.add(new FleetHost(NAMES.get(n), own, Duration.ofSeconds(1)));
        }
        hosts.add(new FleetHost(NAMES.get(NAMES.size() - 1), List.of(), Duration.ofMinutes(7)));
        return hosts;
    }
}

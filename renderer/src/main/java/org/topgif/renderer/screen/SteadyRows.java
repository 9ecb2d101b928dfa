package org.topgif.renderer.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;

/**
 * Chooses the rows of a recording whose rows stay in place: the processes with the most of the sort key over
 * the whole recording (total %CPU, the largest RES, the last TIME+, or the lowest pids), in that order.
 */
final class SteadyRows {

    private SteadyRows() {
    }

    static List<Integer> pick(List<SystemSample> samples, SortKey sort, String lowerCaseFilter, int rows) {
        Map<Integer, Double> score = new HashMap<>();
        for (SystemSample sample : samples) {
            for (ProcessRow row : sample.processes()) {
                if (!lowerCaseFilter.isEmpty() && !ScreenLayout.matches(row, lowerCaseFilter)) {
                    continue;
                }
                double value = switch (sort) {
                    case CPU -> row.cpuPercent();
                    case MEM -> row.resKiB();
                    case TIME -> row.cpuTimeCentis();
                    case PID -> -row.pid();
                };
                score.merge(row.pid(), value, sort == SortKey.CPU ? Double::sum : Math::max);
            }
        }
        List<Integer> pids = new ArrayList<>(score.keySet());
        pids.sort(Comparator.<Integer>comparingDouble(score::get).reversed().thenComparingInt(pid -> pid));
        return List.copyOf(pids.subList(0, Math.min(rows, pids.size())));
    }
}

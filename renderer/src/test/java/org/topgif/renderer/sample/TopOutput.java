package org.topgif.renderer.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The last frame of {@code top -b -e k} output, parsed for comparisons in tests. */
record TopOutput(double[] cpuStates, Map<Integer, double[]> cpuAndResByPid) {

    /** Parses the last frame: %Cpu(s) (us, sy, ni, id) and, per pid, %CPU and RES in KiB. */
    static TopOutput parseLastFrame(List<String> lines) {
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("top - ")) {
                start = i;
            }
        }
        double[] states = new double[4];
        Map<Integer, double[]> rows = new HashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(start, lines.size())) {
            String trimmed = line.trim();
            if (trimmed.startsWith("%Cpu(s):")) {
                String[] parts = trimmed.substring("%Cpu(s):".length()).split(",");
                for (int i = 0; i < 4; i++) {
                    states[i] = Double.parseDouble(parts[i].trim().split("\\s+")[0]);
                }
            } else if (trimmed.startsWith("PID ")) {
                inTable = true;
            } else if (inTable && !trimmed.isEmpty()) {
                String[] fields = trimmed.split("\\s+");
                rows.put(Integer.parseInt(fields[0]),
                        new double[] {Double.parseDouble(fields[8]), Double.parseDouble(fields[5])});
            }
        }
        return new TopOutput(states, rows);
    }
}

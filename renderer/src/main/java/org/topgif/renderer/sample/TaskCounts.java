package org.topgif.renderer.sample;

/** How many processes are in each of top's task states. Immutable. */
public record TaskCounts(int total, int running, int sleeping, int stopped, int zombie) {

    /** Counts the states of the given rows the way top does: R, T/t, Z, and everything else sleeping. */
    public static TaskCounts of(Iterable<ProcessRow> rows) {
        int total = 0;
        int running = 0;
        int stopped = 0;
        int zombie = 0;
        for (ProcessRow row : rows) {
            total++;
            switch (row.state()) {
                case 'R' -> running++;
                case 'T', 't' -> stopped++;
                case 'Z' -> zombie++;
                default -> { }
            }
        }
        return new TaskCounts(total, running, total - running - stopped - zombie, stopped, zombie);
    }
}

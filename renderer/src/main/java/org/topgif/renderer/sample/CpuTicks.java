package org.topgif.renderer.sample;

/** Cumulative system-wide CPU time per state, in clock ticks, as in the first line of /proc/stat. Immutable. */
public record CpuTicks(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

    long total() {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }

    /** The share of each state between {@code earlier} and this, in percent; all zero if no time passed. */
    CpuStates percentSince(CpuTicks earlier) {
        double span = total() - earlier.total();
        if (span <= 0) {
            return CpuStates.IDLE;
        }
        double scale = 100.0 / span;
        return new CpuStates(
                (user - earlier.user) * scale,
                (system - earlier.system) * scale,
                (nice - earlier.nice) * scale,
                (idle - earlier.idle) * scale,
                (iowait - earlier.iowait) * scale,
                (irq - earlier.irq) * scale,
                (softirq - earlier.softirq) * scale,
                (steal - earlier.steal) * scale);
    }
}

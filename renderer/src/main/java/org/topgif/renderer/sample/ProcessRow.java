package org.topgif.renderer.sample;

/**
 * One process as a line of top shows it. Immutable.
 *
 * @param user        the effective user's name, or the numeric uid when /etc/passwd does not name it
 * @param state       top's one-letter state: R, S, D, I, T, t, Z, X
 * @param cpuPercent  share of one CPU since the previous sample (top's Irix mode: a busy thread is 100)
 * @param cpuTimeCentis accumulated user + system time, in hundredths of a second (top's TIME+)
 * @param name        the kernel's short name (comm), at most 15 characters
 * @param commandLine the full command line with secrets already redacted; empty for kernel threads and zombies
 * @param parentPid   the parent's pid (top's PPID)
 * @param threads     how many threads it has (top's nTH)
 */
public record ProcessRow(int pid, String user, int priority, int nice, long virtKiB, long resKiB, long shrKiB,
                         char state, double cpuPercent, double memPercent, long cpuTimeCentis, String name,
                         String commandLine, int parentPid, int threads) {

    /** A row without PPID and nTH (0 and 1), for made-up processes that do not need them. */
    public ProcessRow(int pid, String user, int priority, int nice, long virtKiB, long resKiB, long shrKiB,
                      char state, double cpuPercent, double memPercent, long cpuTimeCentis, String name,
                      String commandLine) {
        this(pid, user, priority, nice, virtKiB, resKiB, shrKiB, state, cpuPercent, memPercent, cpuTimeCentis, name,
                commandLine, 0, 1);
    }
}

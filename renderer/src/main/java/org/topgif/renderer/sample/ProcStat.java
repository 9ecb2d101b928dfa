package org.topgif.renderer.sample;

/**
 * The fields top needs from one /proc/PID/stat line.
 *
 * @param startTicks   when the process started, in clock ticks since boot; with the pid it names one process
 * @param kernelThread whether the kernel flags it as a kernel thread (PF_KTHREAD)
 * @param parentPid    the parent's pid (PPID)
 * @param threads      how many threads it has (top's nTH)
 */
record ProcStat(int pid, String name, char state, long userTicks, long systemTicks, int priority, int nice,
                long startTicks, boolean kernelThread, int parentPid, int threads) {

    long cpuTicks() {
        return userTicks + systemTicks;
    }
}

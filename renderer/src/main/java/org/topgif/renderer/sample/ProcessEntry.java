package org.topgif.renderer.sample;

/**
 * One process as read from procfs, before percentages are computed against the previous sample.
 *
 * @param sizePages     total virtual size, in pages (statm field 1), top's VIRT
 * @param residentPages resident set, in pages (statm field 2), top's RES
 * @param sharedPages   resident file-backed and shared memory, in pages (statm field 3), top's SHR
 * @param previousCpuTicks its CPU ticks at the previous read, or 0 when this is the first read of it
 */
record ProcessEntry(ProcStat stat, String user, String commandLine, long sizePages, long residentPages,
                    long sharedPages, long previousCpuTicks) {
}

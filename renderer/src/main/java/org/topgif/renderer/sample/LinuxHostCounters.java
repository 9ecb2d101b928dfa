package org.topgif.renderer.sample;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;
import oshi.software.os.linux.LinuxOperatingSystem;

/**
 * System-wide counters: from OSHI what it reads cheaply (sessions from utmp, USER_HZ, page size); from procfs
 * files kept open what OSHI cannot give or gives too dearly for a sampler that must cost less than top.
 * OSHI's {@code GlobalMemory} has no buffers, cached or reclaimable figures, which top's "buff/cache" needs;
 * at 1 Hz its CPU ticks (all of /proc/stat split into strings) took 0.6 ms, its uptime 0.27 ms and its load
 * average 0.12 ms per call here, against 2.2 ms for all of top's sample on the same host (see
 * {@code ./topgif bench sampler}). Not thread-safe.
 */
final class LinuxHostCounters implements HostCounters {

    /** glibc's _PATH_UTMP, which OSHI's session count reads. */
    private static final String UTMP = "/var/run/utmp";

    private final OperatingSystem os;
    private final FileChannel meminfo;
    private final FileChannel stat;
    private final FileChannel uptime;
    private final FileChannel loadavg;
    private final ProcFileReader files = new ProcFileReader();
    private long sessionsModified;
    private int sessionCount = -1;

    LinuxHostCounters(Path procRoot) {
        this.os = new SystemInfo().getOperatingSystem();
        // Kept open and re-read from the start, like the process files: see ProcFileReader.
        this.meminfo = ProcFileReader.open(procRoot.resolve("meminfo").toString()).orElse(null);
        this.stat = ProcFileReader.open(procRoot.resolve("stat").toString()).orElse(null);
        this.uptime = ProcFileReader.open(procRoot.resolve("uptime").toString()).orElse(null);
        this.loadavg = ProcFileReader.open(procRoot.resolve("loadavg").toString()).orElse(null);
    }

    @Override
    public CpuTicks cpuTicks() {
        if (stat == null || !files.read(stat)) {
            return new CpuTicks(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return ProcStatParser.parseCpuLine(files.buffer(), files.length());
    }

    @Override
    public LoadAverage load() {
        if (loadavg == null || !files.read(loadavg)) {
            return new LoadAverage(0, 0, 0);
        }
        double[] load = ProcStatParser.parseDecimals(files.buffer(), files.length(), 3);
        return new LoadAverage(load[0], load[1], load[2]);
    }

    @Override
    public Duration uptime() {
        if (uptime == null || !files.read(uptime)) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.round(ProcStatParser.parseDecimals(files.buffer(), files.length(), 1)[0] * 1000));
    }

    @Override
    public OptionalInt userSessions() {
        // utmp changes only at logins and logouts: count again only then. Without utmp, as in most
        // containers, there are no sessions, which is what top shows there too.
        File utmp = new File(UTMP);
        long modified = utmp.lastModified();
        if (modified == 0) {
            return OptionalInt.of(0);
        }
        if (modified != sessionsModified || sessionCount < 0) {
            sessionCount = os.getSessions().size();
            sessionsModified = modified;
        }
        return OptionalInt.of(sessionCount);
    }

    @Override
    public Memory memory() {
        if (meminfo == null || !files.read(meminfo)) {
            return new Memory(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return MeminfoParser.parse(files.buffer(), files.length());
    }

    @Override
    public long clockTicksPerSecond() {
        return LinuxOperatingSystem.getHz();
    }

    @Override
    public long pageSizeBytes() {
        return LinuxOperatingSystem.getPageSize();
    }

    @Override
    public void close() {
        for (FileChannel channel : new FileChannel[] {meminfo, stat, uptime, loadavg}) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // Nothing is lost by a failed close of a procfs file.
            }
        }
    }
}

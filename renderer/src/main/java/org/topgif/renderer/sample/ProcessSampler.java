package org.topgif.renderer.sample;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Takes {@link SystemSample}s of this host; CPU percentages compare each sample with the one before it, so
 * the first sample shows every process at 0 %CPU and an idle CPU, like top's first iteration.
 *
 * <p>Not thread-safe: it remembers the previous sample, so one recording owns one sampler. It keeps procfs
 * files open between samples, so {@link #close()} it when done.
 */
public final class ProcessSampler implements AutoCloseable {

    private final ProcessTableReader table;
    private final HostCounters host;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final long ticksPerSecond;
    private final long pageKiB;

    private CpuTicks previousCpu;
    private long previousNanos;

    ProcessSampler(ProcessTableReader table, HostCounters host, Clock clock, LongSupplier nanoTime) {
        this.table = table;
        this.host = host;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.ticksPerSecond = host.clockTicksPerSecond();
        this.pageKiB = Math.max(1, host.pageSizeBytes() / 1024);
    }

    /** A sampler of this host's /proc, naming users from /etc/passwd and redacting command lines as given. */
    public static ProcessSampler forThisHost(CommandLineRedactor redactor) {
        return forThisHost(redactor, Optional.of(Path.of("/etc/passwd")));
    }

    /**
     * A sampler of this host's /proc that names users from {@code passwd}, or shows their numeric ids when it
     * is empty: in a container, the image's own /etc/passwd would give the host's users wrong names.
     */
    public static ProcessSampler forThisHost(CommandLineRedactor redactor, Optional<Path> passwd) {
        return ofProcfs(Path.of("/proc"), redactor, passwd);
    }

    /** A sampler of the procfs at {@code proc}: a host's /proc mounted elsewhere, or a test's made-up one. */
    public static ProcessSampler ofProcfs(Path proc, CommandLineRedactor redactor, Optional<Path> passwd) {
        return new ProcessSampler(
                new ProcessTableReader(proc, new PasswdUserNames(passwd), redactor),
                new LinuxHostCounters(proc), Clock.systemDefaultZone(), System::nanoTime);
    }

    /** Reads the host now. */
    public SystemSample sample() {
        long now = nanoTime.getAsLong();
        CpuTicks cpu = host.cpuTicks();
        List<ProcessEntry> entries = table.read();
        Memory memory = host.memory();

        double elapsedTicks = previousCpu == null ? 0 : (now - previousNanos) * ticksPerSecond / 1e9;
        List<ProcessRow> rows = new ArrayList<>(entries.size());
        for (ProcessEntry entry : entries) {
            rows.add(toRow(entry, cpuPercent(entry, elapsedTicks), memory.totalKiB()));
        }
        CpuStates states = previousCpu == null ? CpuStates.IDLE : cpu.percentSince(previousCpu);

        previousCpu = cpu;
        previousNanos = now;
        return new SystemSample(LocalTime.now(clock), host.uptime(), host.userSessions(), host.load(),
                TaskCounts.of(rows), states, memory, rows);
    }

    /** Closes the procfs files kept open between samples. */
    @Override
    public void close() {
        table.close();
        host.close();
    }

    private static double cpuPercent(ProcessEntry entry, double elapsedTicks) {
        if (elapsedTicks <= 0) {
            return 0;
        }
        // A process missing from the previous sample started since: all of its time falls in this interval.
        return Math.max(0, entry.stat().cpuTicks() - entry.previousCpuTicks()) * 100.0 / elapsedTicks;
    }

    private ProcessRow toRow(ProcessEntry entry, double cpuPercent, long memTotalKiB) {
        ProcStat stat = entry.stat();
        long resKiB = entry.residentPages() * pageKiB;
        double memPercent = memTotalKiB > 0 ? resKiB * 100.0 / memTotalKiB : 0;
        long centis = stat.cpuTicks() * 100 / ticksPerSecond;
        return new ProcessRow(stat.pid(), entry.user(), stat.priority(), stat.nice(), entry.sizePages() * pageKiB,
                resKiB, entry.sharedPages() * pageKiB, stat.state(), cpuPercent, memPercent, centis, stat.name(),
                entry.commandLine(), stat.parentPid(), stat.threads());
    }

}

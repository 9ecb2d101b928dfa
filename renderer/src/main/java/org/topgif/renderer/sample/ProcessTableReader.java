package org.topgif.renderer.sample;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every process from procfs for less CPU than top spends on the same table.
 *
 * <p>Why not OSHI's {@code getProcesses()}: it reads about ten files per process, forks {@code getent} to name
 * each user and costs about 40 times what top does per sample. Top opens, reads and closes stat and statm and
 * stats the directory of every process on every sample. This keeps each process's stat and statm open and
 * re-reads them with one pread each (a third of the cost of open, read, close); skips statm for kernel
 * threads, which have no memory map; and reads the owner and command line once per process, since only an
 * exec changes the command line and an exec also changes the name that is checked on every read. statm, not
 * stat's rss field, gives RES: since Linux 6.2 stat's rss is an approximate per-CPU counter, a few percent off.
 *
 * <p>A process that exits while being read is skipped, never thrown; its files are closed at the next read.
 * At most {@link #MAX_OPEN_FILES} files stay open; past that, processes are read the way top reads them.
 * Not thread-safe: one sampler owns it, and must {@link #close()} it.
 */
final class ProcessTableReader implements AutoCloseable {

    /** Well under the usual 1024 soft limit, leaving room for the bot's sockets. */
    static final int MAX_OPEN_FILES = 800;

    /**
     * How much of a command line is read. Any user can give a process arguments of up to 128 kB each and about
     * 2 MB in all, and what is read is split, decoded and redacted: reading all of it made one sample cost
     * seconds. A screen line shows at most {@link org.topgif.renderer.screen.ScreenOptions#MAX_COLUMNS}
     * characters, at most 4 bytes each in UTF-8, so this prefix holds all that can be shown. Cutting is safe for
     * redaction because the word the cut falls in is dropped: every rule that hides a value looks only at
     * complete words and at what comes before them, or hides more when what would end a value is missing.
     */
    static final int COMMAND_LINE_BYTES = 4096;
    /** Stands for the part of a command line that was not read. */
    static final String NOT_READ = " …";

    private final String procRoot;
    private final PasswdUserNames userNames;
    private final CommandLineRedactor redactor;
    private final ProcFileReader files = new ProcFileReader();
    private final long[] statm = new long[3];
    private Map<Integer, Tracked> trackedByPid = new HashMap<>();
    private int openFiles;

    ProcessTableReader(Path procRoot, PasswdUserNames userNames, CommandLineRedactor redactor) {
        this.procRoot = procRoot.toString();
        this.userNames = userNames;
        this.redactor = redactor;
    }

    /** Every process that could be read, in no particular order. */
    List<ProcessEntry> read() {
        userNames.refresh();
        String[] names = new File(procRoot).list();
        if (names == null) {
            names = new String[0];
        }
        List<ProcessEntry> entries = new ArrayList<>(names.length);
        Map<Integer, Tracked> stillThere = new HashMap<>(trackedByPid.size() * 2 + 16);
        for (String name : names) {
            if (isPid(name)) {
                int pid = Integer.parseInt(name);
                Tracked known = trackedByPid.remove(pid);
                ProcStat before = known != null ? known.lastStat : null;
                Tracked tracked = readProcess(pid, known);
                if (tracked != null) {
                    stillThere.put(pid, tracked);
                    // Same pid and start time is the same process, even if an exec or a kworker renamed it.
                    long previousTicks = before != null && before.startTicks() == tracked.lastStat.startTicks()
                            ? before.cpuTicks() : 0;
                    entries.add(new ProcessEntry(tracked.lastStat, tracked.user, tracked.commandLine,
                            statm[0], statm[1], statm[2], previousTicks));
                }
            }
        }
        // What is left was not listed again: those processes are gone.
        trackedByPid.values().forEach(this::release);
        trackedByPid = stillThere;
        return entries;
    }

    /** Closes every file still open. */
    @Override
    public void close() {
        trackedByPid.values().forEach(this::release);
        trackedByPid = new HashMap<>();
    }

    /**
     * Reads one process into {@link #statm} and the returned record; null when it vanished.
     *
     * @param known what was read for this pid before, or null
     */
    private Tracked readProcess(int pid, Tracked known) {
        if (known != null) {
            Tracked again = reread(known);
            if (again != null) {
                return again;
            }
            release(known);
        }
        return readNew(pid);
    }

    /** Re-reads a known process through its open files; null when it is gone or is no longer the same. */
    private Tracked reread(Tracked known) {
        boolean read = known.stat != null ? files.read(known.stat) : files.read(known.directory + "/stat");
        if (!read) {
            return null;
        }
        Optional<ProcStat> parsed = ProcStatParser.parseStat(files.buffer(), files.length());
        if (parsed.isEmpty() || !known.sameProcess(parsed.get())) {
            return null;
        }
        ProcStat stat = parsed.get();
        if (!readStatm(stat, known.statm, known.directory)) {
            return null;
        }
        known.lastStat = stat;
        return known;
    }

    private Tracked readNew(int pid) {
        String directory = procRoot + '/' + pid;
        FileChannel statChannel = openIfRoom(directory + "/stat");
        boolean read = statChannel != null ? files.read(statChannel) : files.read(directory + "/stat");
        Optional<ProcStat> parsed = read ? ProcStatParser.parseStat(files.buffer(), files.length()) : Optional.empty();
        if (parsed.isEmpty()) {
            closeQuietly(statChannel);
            return null;
        }
        ProcStat stat = parsed.get();
        Tracked tracked = new Tracked(directory, statChannel, stat);
        if (!readOwnerAndCommand(directory, tracked)) {
            release(tracked);
            return null;
        }
        if (hasMemoryMap(stat) && statChannel != null) {
            tracked.statm = openIfRoom(directory + "/statm");
        }
        if (!readStatm(stat, tracked.statm, directory)) {
            release(tracked);
            return null;
        }
        return tracked;
    }

    private boolean readOwnerAndCommand(String directory, Tracked tracked) {
        try {
            // The owner of /proc/PID is the process's effective uid, as top shows it.
            tracked.user = userNames.nameOf((Integer) Files.getAttribute(Path.of(directory), "unix:uid"));
        } catch (IOException | UnsupportedOperationException gone) {
            return false;
        }
        tracked.commandLine = "";
        if (hasMemoryMap(tracked.lastStat) && files.readPrefix(directory + "/cmdline", COMMAND_LINE_BYTES)) {
            tracked.commandLine = commandLine(files.buffer(), files.length(), redactor);
        }
        return true;
    }

    /**
     * Fills {@link #statm} from the open file, or by path when none is open; all zero for processes without
     * a memory map. False when the process vanished.
     */
    private boolean readStatm(ProcStat stat, FileChannel channel, String directory) {
        statm[0] = 0;
        statm[1] = 0;
        statm[2] = 0;
        if (!hasMemoryMap(stat)) {
            return true;
        }
        boolean read = channel != null ? files.read(channel) : files.read(directory + "/statm");
        if (!read) {
            return false;
        }
        // An exiting process can show an empty statm: top shows it with no memory, and so do we.
        ProcStatParser.parseStatm(files.buffer(), files.length(), statm);
        return true;
    }

    private FileChannel openIfRoom(String path) {
        if (openFiles >= MAX_OPEN_FILES) {
            return null;
        }
        FileChannel channel = ProcFileReader.open(path).orElse(null);
        if (channel != null) {
            openFiles++;
        }
        return channel;
    }

    private void release(Tracked tracked) {
        closeQuietly(tracked.stat);
        closeQuietly(tracked.statm);
        tracked.stat = null;
        tracked.statm = null;
    }

    private void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        openFiles--;
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a procfs file cannot lose data; the descriptor is released either way.
        }
    }

    /** Kernel threads and zombies have no memory map: no command line, all memory zero. */
    private static boolean hasMemoryMap(ProcStat stat) {
        return !stat.kernelThread() && stat.state() != 'Z';
    }

    /**
     * The command line that {@code bytes[0, length)} of /proc/PID/cmdline hold, redacted and printable; when
     * they fill {@link #COMMAND_LINE_BYTES}, the rest was not read and the word the cut fell in is dropped.
     */
    static String commandLine(byte[] bytes, int length, CommandLineRedactor redactor) {
        boolean cut = length >= COMMAND_LINE_BYTES;
        int end = length;
        if (cut) {
            while (end > 0 && !isSeparator(bytes[end - 1])) {
                end--;
            }
            while (end > 0 && isSeparator(bytes[end - 1])) {
                end--;
            }
        }
        List<String> argv = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= end; i++) {
            if (i == end || bytes[i] == 0) {
                if (i > start) {
                    argv.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        String shown = PrintableText.of(redactor.redact(argv));
        return !cut ? shown : shown.isEmpty() ? NOT_READ.strip() : shown + NOT_READ;
    }

    private static boolean isSeparator(byte b) {
        return b == 0 || b == ' ' || b == '\n' || b == '\t';
    }

    private static boolean isPid(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A process seen before: its open files (null when read by path), what is read once, and its last stat.
     * Mutable, but only this reader's thread touches it.
     */
    private static final class Tracked {
        final String directory;
        FileChannel stat;
        FileChannel statm;
        String user;
        String commandLine;
        ProcStat lastStat;

        Tracked(String directory, FileChannel stat, ProcStat first) {
            this.directory = directory;
            this.stat = stat;
            this.lastStat = first;
        }

        /**
         * A pid is reused over time, its start time is not; the name changes on exec, which is when the
         * command line changes too.
         */
        boolean sameProcess(ProcStat now) {
            return now.pid() == lastStat.pid() && now.startTicks() == lastStat.startTicks()
                    && now.name().equals(lastStat.name());
        }
    }
}

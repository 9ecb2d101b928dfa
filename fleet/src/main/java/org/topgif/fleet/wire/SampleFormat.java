package org.topgif.fleet.wire;

import org.topgif.renderer.screen.ScreenOptions;

/**
 * The samples' wire format, version 1: one CBOR array (RFC 8949), its items by position, compressed with raw
 * DEFLATE (RFC 1951).
 *
 * <pre>
 * [ version, host, taken-at epoch ms, time of day s, uptime s, user sessions (-1: unknown),
 *   [load 1, 5, 15 min, in hundredths], [tasks total, running, sleeping, stopped, zombie],
 *   [cpu us, sy, ni, id, wa, hi, si, st, in tenths of a percent],
 *   [memory total, free, used, buff/cache, available, swap total, free, used, in KiB],
 *   [ [pid, user, priority, nice, virt KiB, res KiB, shr KiB, state, %cpu tenths, %mem tenths,
 *      cpu time centiseconds, name, command line, ppid, threads], ... ] ]
 * </pre>
 *
 * Positions, not names, so that no field name is repeated for every process; DEFLATE, because what is left
 * is mostly text that repeats from process to process (users, paths, flags). A later version takes a new
 * number; a reader refuses versions it does not know. The limits below are what a reader accepts and a
 * writer keeps to: {@link #MAX_MESSAGE_BYTES} bounds a message as it travels, {@link #MAX_BYTES} as inflated.
 */
public final class SampleFormat {

    public static final int VERSION = 1;

    /** zlib's default level: a sample of 66 processes in about a tenth of a millisecond. */
    public static final int DEFLATE_LEVEL = 6;

    /** NATS's default largest message (max_payload): the most a sample's CBOR may inflate to. */
    public static final int MAX_BYTES = 1024 * 1024;

    /**
     * The most a sample's message may be as it travels and is stored. A host of 3000 processes sends about
     * 70 kB; the bot reads up to a few dozen of one host's messages per answer, so this bounds what a host
     * that publishes garbage can make it hold.
     */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;

    /** Far above a real host's process count; Linux's default pid_max on a small machine. */
    public static final int MAX_PROCESSES = 32_768;

    /** Linux's longest user name (useradd); a numeric uid is shorter. */
    public static final int MAX_USER = 32;

    /** The kernel's comm is 15 bytes; room for each to have become a wider printable stand-in. */
    public static final int MAX_NAME = 64;

    /** A screen line never shows more than this of a command line, so no more travels. */
    public static final int MAX_COMMAND_LINE = ScreenOptions.MAX_COLUMNS;

    /** Linux's PID_MAX_LIMIT: no pid or ppid is larger. */
    public static final int MAX_PID = 4_194_304;

    /** A machine of 4096 cores at 100% each, in tenths: a process's %CPU counts one core as 100. */
    public static final long MAX_CPU_TENTHS = 4096L * 1000;

    /** Far above any machine's memory, in KiB (1 EiB), and small enough that no sum of them overflows. */
    public static final long MAX_KIB = 1L << 50;

    private SampleFormat() {
    }
}

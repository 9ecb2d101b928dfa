package org.topgif.fleet.wire;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.topgif.config.HostName;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.PrintableText;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

/**
 * Reads a {@link HostSample} from bytes that came from anywhere. Every count, length and number is checked
 * against {@link SampleFormat}'s limits as it is read, text is made printable again, and anything else is a
 * {@link MalformedSample} whose message names the item, never its content. Reading is one pass over the
 * bytes, and nothing is allocated by a length the bytes claim. Thread-safe.
 */
public final class SampleDecoder {

    private static final String STATES = "RSDITtZX";

    private final CBORFactory cbor = CborItems.factory(3, SampleFormat.MAX_COMMAND_LINE);

    public HostSample decode(byte[] bytes) throws MalformedSample {
        if (bytes.length > SampleFormat.MAX_MESSAGE_BYTES) {
            throw new MalformedSample("a sample of " + bytes.length + " bytes, over the "
                    + SampleFormat.MAX_MESSAGE_BYTES + " a sample's message may have");
        }
        return CborItems.read(cbor, inflate(bytes), "the sample", SampleDecoder::sample);
    }

    /**
     * The CBOR inside, never more than {@link SampleFormat#MAX_BYTES} of it however much the bytes would
     * inflate to: a small message that claims a huge sample costs no more than that.
     */
    private static byte[] inflate(byte[] bytes) throws MalformedSample {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes);
            byte[] out = new byte[Math.min(SampleFormat.MAX_BYTES + 1, Math.max(4096, bytes.length * 8))];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (out.length > SampleFormat.MAX_BYTES) {
                        throw new MalformedSample("a sample that inflates to more than " + SampleFormat.MAX_BYTES
                                + " bytes");
                    }
                    out = java.util.Arrays.copyOf(out, Math.min(SampleFormat.MAX_BYTES + 1, out.length * 2));
                }
                int inflated = inflater.inflate(out, length, out.length - length);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedSample("a sample cut short (its compressed bytes end early)");
                }
                length += inflated;
            }
            if (length > SampleFormat.MAX_BYTES) {
                throw new MalformedSample("a sample that inflates to more than " + SampleFormat.MAX_BYTES + " bytes");
            }
            if (inflater.getRemaining() > 0) {
                throw new MalformedSample("bytes after the sample");
            }
            return java.util.Arrays.copyOf(out, length);
        } catch (DataFormatException notDeflate) {
            throw new MalformedSample("not a compressed sample");
        } finally {
            inflater.end();
        }
    }

    private static HostSample sample(CborItems read) throws IOException, MalformedSample {
        read.start("the sample");
        long version = read.number("the version", 0, Integer.MAX_VALUE);
        if (version != SampleFormat.VERSION) {
            throw new MalformedSample("a sample of version " + version + "; this topgif reads version "
                    + SampleFormat.VERSION);
        }
        HostName host = HostEntryCodec.host(read);
        Instant takenAt = Instant.ofEpochMilli(read.number("the time taken", 0, HostEntryCodec.MAX_EPOCH_MILLIS));
        LocalTime time = LocalTime.ofSecondOfDay(read.number("the time of day", 0, 86_399));
        Duration uptime = Duration.ofSeconds(read.number("the uptime", 0, 1L << 40));
        long sessions = read.number("the user sessions", -1, Integer.MAX_VALUE);
        SystemSample sample = new SystemSample(time, uptime,
                sessions < 0 ? OptionalInt.empty() : OptionalInt.of((int) sessions), load(read), tasks(read),
                cpu(read), memory(read), processes(read));
        read.end("the sample");
        return new HostSample(host, takenAt, sample);
    }

    private static LoadAverage load(CborItems read) throws IOException, MalformedSample {
        read.start("the load");
        double one = read.number("the load", 0, Integer.MAX_VALUE) / 100.0;
        double five = read.number("the load", 0, Integer.MAX_VALUE) / 100.0;
        double fifteen = read.number("the load", 0, Integer.MAX_VALUE) / 100.0;
        read.end("the load");
        return new LoadAverage(one, five, fifteen);
    }

    private static TaskCounts tasks(CborItems read) throws IOException, MalformedSample {
        read.start("the tasks");
        int[] counts = new int[5];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (int) read.number("the task counts", 0, SampleFormat.MAX_PID);
        }
        read.end("the tasks");
        return new TaskCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    private static CpuStates cpu(CborItems read) throws IOException, MalformedSample {
        read.start("the cpu states");
        double[] shares = new double[8];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = read.number("the cpu states", 0, 1000) / 10.0;
        }
        read.end("the cpu states");
        return new CpuStates(shares[0], shares[1], shares[2], shares[3], shares[4], shares[5], shares[6], shares[7]);
    }

    private static Memory memory(CborItems read) throws IOException, MalformedSample {
        read.start("the memory");
        long[] kib = new long[8];
        for (int i = 0; i < kib.length; i++) {
            kib[i] = read.number("the memory", 0, SampleFormat.MAX_KIB);
        }
        read.end("the memory");
        return new Memory(kib[0], kib[1], kib[2], kib[3], kib[4], kib[5], kib[6], kib[7]);
    }

    private static List<ProcessRow> processes(CborItems read) throws IOException, MalformedSample {
        read.start("the processes");
        List<ProcessRow> rows = new ArrayList<>();
        while (!read.atEnd()) {
            if (rows.size() == SampleFormat.MAX_PROCESSES) {
                throw new MalformedSample("more than " + SampleFormat.MAX_PROCESSES + " processes");
            }
            rows.add(row(read));
        }
        return rows;
    }

    private static ProcessRow row(CborItems read) throws IOException, MalformedSample {
        read.start("a process");
        int pid = (int) read.number("a pid", 0, SampleFormat.MAX_PID);
        String user = read.text("a user", SampleFormat.MAX_USER);
        int priority = (int) read.number("a priority", -100, 139);
        int nice = (int) read.number("a nice value", -20, 19);
        long virt = read.number("a VIRT", 0, SampleFormat.MAX_KIB);
        long res = read.number("a RES", 0, SampleFormat.MAX_KIB);
        long shr = read.number("a SHR", 0, SampleFormat.MAX_KIB);
        String state = read.text("a state", 1);
        if (state.length() != 1 || STATES.indexOf(state.charAt(0)) < 0) {
            throw new MalformedSample("a state that is not one of " + STATES);
        }
        double cpu = read.number("a %CPU", 0, SampleFormat.MAX_CPU_TENTHS) / 10.0;
        double mem = read.number("a %MEM", 0, 1000) / 10.0;
        long time = read.number("a TIME+", 0, Long.MAX_VALUE / 2);
        String name = read.text("a name", SampleFormat.MAX_NAME);
        String commandLine = read.text("a command line", SampleFormat.MAX_COMMAND_LINE);
        int parent = (int) read.number("a ppid", 0, SampleFormat.MAX_PID);
        int threads = (int) read.number("a thread count", 0, SampleFormat.MAX_PID);
        read.end("a process");
        return new ProcessRow(pid, PrintableText.of(user), priority, nice, virt, res, shr, state.charAt(0), cpu, mem,
                time, PrintableText.of(name), PrintableText.of(commandLine), parent, threads);
    }
}

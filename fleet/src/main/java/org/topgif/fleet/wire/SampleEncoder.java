package org.topgif.fleet.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;

/**
 * Writes a {@link HostSample} in {@link SampleFormat}, within its limits: text is cut to its field's length,
 * and a sample that would not fit {@link SampleFormat#MAX_BYTES} (or, compressed,
 * {@link SampleFormat#MAX_MESSAGE_BYTES}) loses its command lines, then its least busy processes, until it does. Not thread-safe: one per publisher, which keeps one compressor for its life.
 */
public final class SampleEncoder implements AutoCloseable {

    private static final Comparator<ProcessRow> BUSIEST_FIRST = Comparator.comparingDouble(ProcessRow::cpuPercent)
            .thenComparingLong(ProcessRow::resKiB).reversed().thenComparingInt(ProcessRow::pid);

    private final CBORFactory cbor = new CBORFactory();
    private final Deflater deflater = new Deflater(SampleFormat.DEFLATE_LEVEL, true);

    public byte[] encode(HostSample sample) {
        List<ProcessRow> rows = sample.sample().processes();
        if (rows.size() > SampleFormat.MAX_PROCESSES) {
            rows = busiest(rows, SampleFormat.MAX_PROCESSES);
        }
        boolean commandLines = true;
        while (true) {
            byte[] bytes = write(sample, rows, commandLines);
            if (bytes.length <= SampleFormat.MAX_BYTES) {
                byte[] message = deflate(bytes);
                if (message.length <= SampleFormat.MAX_MESSAGE_BYTES) {
                    return message;
                }
            }
            if (commandLines) {
                commandLines = false;
            } else {
                rows = busiest(rows, rows.size() / 2);
            }
        }
    }

    private byte[] deflate(byte[] cborBytes) {
        deflater.reset();
        deflater.setInput(cborBytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(cborBytes.length / 2 + 64);
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        return out.toByteArray();
    }

    /** Frees the compressor's native memory. */
    @Override
    public void close() {
        deflater.end();
    }

    private static List<ProcessRow> busiest(List<ProcessRow> rows, int keep) {
        List<ProcessRow> sorted = new ArrayList<>(rows);
        sorted.sort(BUSIEST_FIRST);
        return List.copyOf(sorted.subList(0, keep));
    }

    private byte[] write(HostSample hostSample, List<ProcessRow> rows, boolean commandLines) {
        SystemSample sample = hostSample.sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + rows.size() * 64);
        try (CBORGenerator cborOut = cbor.createGenerator(out)) {
            cborOut.writeStartArray();
            cborOut.writeNumber(SampleFormat.VERSION);
            cborOut.writeString(hostSample.host().value());
            cborOut.writeNumber(hostSample.takenAt().toEpochMilli());
            cborOut.writeNumber(sample.time().toSecondOfDay());
            cborOut.writeNumber(sample.uptime().toSeconds());
            cborOut.writeNumber(sample.userSessions().orElse(-1));
            cborOut.writeStartArray();
            cborOut.writeNumber(hundredths(sample.load().oneMinute()));
            cborOut.writeNumber(hundredths(sample.load().fiveMinutes()));
            cborOut.writeNumber(hundredths(sample.load().fifteenMinutes()));
            cborOut.writeEndArray();
            cborOut.writeStartArray();
            cborOut.writeNumber(sample.tasks().total());
            cborOut.writeNumber(sample.tasks().running());
            cborOut.writeNumber(sample.tasks().sleeping());
            cborOut.writeNumber(sample.tasks().stopped());
            cborOut.writeNumber(sample.tasks().zombie());
            cborOut.writeEndArray();
            writeCpu(cborOut, sample.cpu());
            writeMemory(cborOut, sample.memory());
            cborOut.writeStartArray();
            for (ProcessRow row : rows) {
                writeRow(cborOut, row, commandLines);
            }
            cborOut.writeEndArray();
            cborOut.writeEndArray();
        } catch (IOException notInMemory) {
            throw new UncheckedIOException(notInMemory);
        }
        return out.toByteArray();
    }

    private static void writeCpu(CBORGenerator out, CpuStates cpu) throws IOException {
        out.writeStartArray();
        for (double share : new double[] {cpu.user(), cpu.system(), cpu.nice(), cpu.idle(), cpu.iowait(),
                cpu.hardIrq(), cpu.softIrq(), cpu.steal()}) {
            out.writeNumber(clamp(Math.round(share * 10), 0, 1000));
        }
        out.writeEndArray();
    }

    private static void writeMemory(CBORGenerator out, Memory memory) throws IOException {
        out.writeStartArray();
        for (long kib : new long[] {memory.totalKiB(), memory.freeKiB(), memory.usedKiB(), memory.buffCacheKiB(),
                memory.availableKiB(), memory.swapTotalKiB(), memory.swapFreeKiB(), memory.swapUsedKiB()}) {
            out.writeNumber(clamp(kib, 0, SampleFormat.MAX_KIB));
        }
        out.writeEndArray();
    }

    private static void writeRow(CBORGenerator out, ProcessRow row, boolean commandLines) throws IOException {
        out.writeStartArray();
        out.writeNumber(row.pid());
        out.writeString(cut(row.user(), SampleFormat.MAX_USER));
        out.writeNumber(row.priority());
        out.writeNumber(row.nice());
        out.writeNumber(clamp(row.virtKiB(), 0, SampleFormat.MAX_KIB));
        out.writeNumber(clamp(row.resKiB(), 0, SampleFormat.MAX_KIB));
        out.writeNumber(clamp(row.shrKiB(), 0, SampleFormat.MAX_KIB));
        out.writeString(String.valueOf(row.state()));
        out.writeNumber(clamp(Math.round(row.cpuPercent() * 10), 0, SampleFormat.MAX_CPU_TENTHS));
        out.writeNumber(clamp(Math.round(row.memPercent() * 10), 0, 1000));
        out.writeNumber(Math.max(0, row.cpuTimeCentis()));
        out.writeString(cut(row.name(), SampleFormat.MAX_NAME));
        out.writeString(commandLines ? cut(row.commandLine(), SampleFormat.MAX_COMMAND_LINE) : "");
        out.writeNumber(row.parentPid());
        out.writeNumber(row.threads());
        out.writeEndArray();
    }

    private static long hundredths(double value) {
        return clamp(Math.round(value * 100), 0, Integer.MAX_VALUE);
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        // Never split a surrogate pair: half of one is not text.
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}

package org.topgif.fleet.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import org.junit.jupiter.api.Test;
import org.topgif.config.HostName;
import org.topgif.renderer.sample.CpuStates;
import org.topgif.renderer.sample.LoadAverage;
import org.topgif.renderer.sample.Memory;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.sample.TaskCounts;

class SampleCodecTest {

    private static final Instant AT = Instant.parse("2026-12-07T02:00:00.250Z");
    private final SampleEncoder encoder = new SampleEncoder();
    private final SampleDecoder decoder = new SampleDecoder();

    /** A host of {@code count} processes with values the wire keeps exactly (tenths, hundredths). */
    static HostSample sample(int count) {
        List<ProcessRow> rows = new ArrayList<>();
        for (int pid = 1; pid <= count; pid++) {
            rows.add(new ProcessRow(pid, pid % 3 == 0 ? "postgres" : "1001", 20, pid % 5 - 2, 1000L * pid, 500L * pid,
                    100, "RSDITtZX".charAt(pid % 8), (pid * 7) % 1000 / 10.0, 0.3, pid * 100L, "proc" + pid,
                    "/usr/bin/proc" + pid + " --flag " + pid, pid / 2, 1 + pid % 4));
        }
        SystemSample sample = new SystemSample(LocalTime.of(2, 0, 0), Duration.ofSeconds(86_400 + 17),
                OptionalInt.of(2), new LoadAverage(0.52, 1.5, 12.25), TaskCounts.of(rows),
                new CpuStates(12.5, 3.1, 0, 82.4, 1.2, 0, 0.8, 0), new Memory(16_000_000, 1_000_000, 9_000_000,
                6_000_000, 6_500_000, 2_000_000, 2_000_000, 0), rows);
        return new HostSample(new HostName("db-1.eu.example.com"), AT, sample);
    }

    @Test
    void aSampleComesOffTheWireAsItWentOn() throws MalformedSample {
        HostSample sent = sample(70);
        assertEquals(sent, decoder.decode(encoder.encode(sent)));
    }

    @Test
    void noUserSessionsStaysUnknown() throws MalformedSample {
        HostSample sent = sample(1);
        SystemSample s = sent.sample();
        HostSample unknown = new HostSample(sent.host(), AT, new SystemSample(s.time(), s.uptime(), OptionalInt.empty(),
                s.load(), s.tasks(), s.cpu(), s.memory(), s.processes()));
        assertEquals(OptionalInt.empty(), decoder.decode(encoder.encode(unknown)).sample().userSessions());
    }

    @Test
    void aSampleTooBigForOneNatsMessageLosesCommandLinesThenItsLeastBusyProcesses() throws MalformedSample {
        HostSample huge = sample(SampleFormat.MAX_PROCESSES + 100);
        List<ProcessRow> rows = huge.sample().processes().stream().map(row -> new ProcessRow(row.pid(), row.user(),
                row.priority(), row.nice(), row.virtKiB(), row.resKiB(), row.shrKiB(), row.state(), row.cpuPercent(),
                row.memPercent(), row.cpuTimeCentis(), row.name(), "x".repeat(2000), row.parentPid(), row.threads()))
                .toList();
        SystemSample s = huge.sample();
        byte[] bytes = encoder.encode(new HostSample(huge.host(), AT, new SystemSample(s.time(), s.uptime(),
                s.userSessions(), s.load(), s.tasks(), s.cpu(), s.memory(), rows)));

        assertTrue(bytes.length <= SampleFormat.MAX_MESSAGE_BYTES, bytes.length + " bytes");
        assertTrue(WireBytes.inflate(bytes).length <= SampleFormat.MAX_BYTES, "inflated");
        List<ProcessRow> arrived = decoder.decode(bytes).sample().processes();
        assertTrue(arrived.size() < rows.size() && arrived.size() > 1000, arrived.size() + " processes");
        assertTrue(arrived.stream().allMatch(row -> row.commandLine().isEmpty()), "command lines went first");
        double leastKept = arrived.stream().mapToDouble(ProcessRow::cpuPercent).min().orElseThrow();
        assertEquals(rows.stream().mapToDouble(ProcessRow::cpuPercent).max().orElseThrow(),
                arrived.stream().mapToDouble(ProcessRow::cpuPercent).max().orElseThrow(), "the busiest stayed");
        assertTrue(leastKept > 0, "the idle ones went");
    }

    @Test
    void aCommandLineTravelsAsFarAsAScreenLineShowsIt() throws MalformedSample {
        HostSample sent = withFirstRow(sample(2), "a".repeat(SampleFormat.MAX_COMMAND_LINE - 1) + "😀tail", "proc");
        String arrived = decoder.decode(encoder.encode(sent)).sample().processes().get(0).commandLine();
        assertEquals("a".repeat(SampleFormat.MAX_COMMAND_LINE - 1), arrived, "cut before the emoji, never inside it");
    }

    @Test
    void textThatATerminalOrAChatWouldActOnArrivesAsQuestionMarks() throws MalformedSample {
        HostSample hostile = withFirstRow(sample(2), "evil \u001b[2J\n@everyone \u202Egnp.exe", "x\u0007y");
        ProcessRow arrived = decoder.decode(encoder.encode(hostile)).sample().processes().get(0);
        assertEquals("evil ?[2J?@everyone ?gnp.exe", arrived.commandLine());
        assertEquals("x?y", arrived.name());
    }

    @Test
    void anUnknownVersionIsRefusedWithOneLine() throws IOException {
        byte[] cbor = WireBytes.inflate(encoder.encode(sample(3)));
        cbor[1] = 2; // the version, a CBOR small integer right after the array's head
        MalformedSample refused = assertThrows(MalformedSample.class,
                () -> decoder.decode(WireBytes.deflate(cbor)));
        assertEquals("a sample of version 2; this topgif reads version 1", refused.getMessage());
    }

    @Test
    void eachItemOutOfItsRangeIsRefusedByName() throws IOException {
        assertRefused("a pid is out of range (0 to 4194304)", row -> row.set(0, 4_194_305L));
        assertRefused("a state that is not one of RSDITtZX", row -> row.set(7, "Q"));
        assertRefused("a %CPU is out of range (0 to 4096000)", row -> row.set(8, -1L));
        assertRefused("a nice value is out of range (-20 to 19)", row -> row.set(3, 20L));
        assertRefused("a name is longer than 64 characters", row -> row.set(11, "n".repeat(65)));
        assertRefused("a user is not text", row -> row.set(1, 0L));
        assertRefused("a command line is longer than 512 characters", row -> row.set(12, "c".repeat(513)));
        assertRefused("a process has items this version does not know, or too few", row -> row.add(1L));
        assertRefused("a thread count is not a whole number", row -> row.remove(row.size() - 1));
    }

    @Test
    void truncatedPaddedOrForeignBytesAreRefused() {
        byte[] bytes = encoder.encode(sample(5));
        assertThrows(MalformedSample.class, () -> decoder.decode(Arrays.copyOf(bytes, bytes.length - 1)));
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);
        assertEquals("bytes after the sample",
                assertThrows(MalformedSample.class, () -> decoder.decode(padded)).getMessage());
        assertThrows(MalformedSample.class, () -> decoder.decode("{\"version\":1}".getBytes()));
        assertThrows(MalformedSample.class, () -> decoder.decode(new byte[0]));
        assertThrows(MalformedSample.class, () -> decoder.decode(new byte[SampleFormat.MAX_MESSAGE_BYTES + 1]));
        byte[] cbor = WireBytes.inflate(bytes);
        byte[] paddedInside = WireBytes.deflate(Arrays.copyOf(cbor, cbor.length + 1));
        assertEquals("bytes after the sample", assertThrows(MalformedSample.class,
                () -> decoder.decode(paddedInside)).getMessage(), "inside, too");
    }

    @Test
    void aSmallMessageThatInflatesPastTheLimitIsRefusedWithoutInflatingIt() {
        byte[] bomb = WireBytes.deflate(new byte[64 * 1024 * 1024]);
        assertTrue(bomb.length < 100_000, bomb.length + " bytes");
        assertEquals("a sample that inflates to more than 1048576 bytes",
                assertThrows(MalformedSample.class, () -> decoder.decode(bomb)).getMessage());
    }

    @Test
    void aSampleOfSeventyProcessesTravelsInAboutAKilobyte() {
        int bytes = encoder.encode(sample(70)).length;
        assertTrue(bytes < WireBytes.inflate(encoder.encode(sample(70))).length / 2, bytes + " bytes");
    }

    @Test
    void aMessageNeverRepeatsTheBytesItRefuses() {
        byte[] bytes = encoder.encode(withFirstRow(sample(2), "secret", "ghp_notreally"));
        for (int cut = 1; cut < bytes.length; cut += 7) {
            byte[] part = Arrays.copyOf(bytes, cut);
            String message = assertThrows(MalformedSample.class, () -> decoder.decode(part)).getMessage();
            assertFalse(message.contains("ghp_") || message.contains("secret") || message.contains("\n"), message);
        }
    }

    /**
     * Seeded mutations of real samples: flipped bits, changed, inserted and removed bytes, cut tails and spliced
     * halves. The decoder either reads a sample within the limits or refuses it; nothing else may escape.
     * The bench runs the same for a million inputs.
     */
    @Test
    void mutatedSamplesAreReadOrRefusedAndNothingElseEscapes() throws MalformedSample {
        List<byte[]> seeds = List.of(encoder.encode(sample(3)), encoder.encode(sample(40)),
                encoder.encode(withFirstRow(sample(2), "é😀\u0000", "z")));
        // Mutated as they travel (compressed), and inside (the CBOR, then compressed again), which reaches
        // the item reader far more often than a broken DEFLATE stream does.
        SampleMutator travelling = new SampleMutator(new Random(20261207), seeds);
        SampleMutator inside = new SampleMutator(new Random(20261208),
                seeds.stream().map(WireBytes::inflate).toList());
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input = i % 2 == 0 ? travelling.next() : WireBytes.deflate(inside.next());
            try {
                HostSample read = decoder.decode(input);
                assertTrue(read.sample().processes().size() <= SampleFormat.MAX_PROCESSES);
            } catch (MalformedSample expected) {
                refused++;
            }
        }
        assertTrue(refused > 10_000 && refused < 20_000, refused + " refused: the mutations reach both outcomes");
    }

    @Test
    void theSameSampleIsTheSameBytes() {
        assertArrayEquals(encoder.encode(sample(10)), encoder.encode(sample(10)));
    }

    private static HostSample withFirstRow(HostSample base, String commandLine, String name) {
        List<ProcessRow> rows = new ArrayList<>(base.sample().processes());
        ProcessRow row = rows.get(0);
        rows.set(0, new ProcessRow(row.pid(), row.user(), row.priority(), row.nice(), row.virtKiB(), row.resKiB(),
                row.shrKiB(), row.state(), row.cpuPercent(), row.memPercent(), row.cpuTimeCentis(), name, commandLine,
                row.parentPid(), row.threads()));
        SystemSample s = base.sample();
        return new HostSample(base.host(), base.takenAt(), new SystemSample(s.time(), s.uptime(), s.userSessions(),
                s.load(), s.tasks(), s.cpu(), s.memory(), rows));
    }

    /** A valid one-process sample written by hand, with its process's items changed by {@code change}. */
    private void assertRefused(String why, java.util.function.Consumer<List<Object>> change) throws IOException {
        List<Object> row = new ArrayList<>(List.of(7L, "root", 20L, 0L, 100L, 50L, 10L, "S", 15L, 3L, 99L, "init",
                "/sbin/init", 1L, 1L));
        change.accept(row);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CBORGenerator out = new CBORFactory().createGenerator(bytes)) {
            out.writeStartArray();
            for (Object item : List.of(1L, "h", AT.toEpochMilli(), 7200L, 60L, 1L)) {
                write(out, item);
            }
            for (List<Long> group : List.of(List.of(1L, 2L, 3L), List.of(1L, 0L, 1L, 0L, 0L),
                    List.of(1L, 1L, 0L, 998L, 0L, 0L, 0L, 0L), List.of(8L, 1L, 7L, 0L, 1L, 0L, 0L, 0L))) {
                out.writeStartArray();
                for (long n : group) {
                    out.writeNumber(n);
                }
                out.writeEndArray();
            }
            out.writeStartArray();
            out.writeStartArray();
            for (Object item : row) {
                write(out, item);
            }
            out.writeEndArray();
            out.writeEndArray();
            out.writeEndArray();
        }
        MalformedSample refused = assertThrows(MalformedSample.class,
                () -> decoder.decode(WireBytes.deflate(bytes.toByteArray())));
        assertEquals(why, refused.getMessage());
    }

    private static void write(CBORGenerator out, Object item) throws IOException {
        if (item instanceof Long n) {
            out.writeNumber(n);
        } else {
            out.writeString((String) item);
        }
    }
}

package org.topgif.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.topgif.config.HostName;
import org.topgif.fleet.wire.HostSample;
import org.topgif.fleet.wire.MalformedSample;
import org.topgif.fleet.wire.SampleDecoder;
import org.topgif.fleet.wire.SampleEncoder;
import org.topgif.fleet.wire.SampleMutator;
import org.topgif.fleet.wire.WireBytes;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessRow;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;

/**
 * Bench, not a test: the fleet's wire format on a sample of this host. Its size against the same sample as
 * JSON with field names (what a hand-rolled format would likely send), its encode and decode time, and the
 * decoder fuzzed with seeded mutations of real samples: every input must be read or refused, nothing else.
 */
public final class WireBenchmark {

    private final int fuzzInputs;
    private final PrintStream report;

    public WireBenchmark(int fuzzInputs, PrintStream report) {
        this.fuzzInputs = fuzzInputs;
        this.report = report;
    }

    /** @return 0, or 1 when anything but a sample or a refusal came out of the decoder */
    public int run() throws IOException, InterruptedException {
        SystemSample sample;
        try (ProcessSampler sampler = ProcessSampler.forThisHost(CommandLineRedactor.ENABLED)) {
            sampler.sample();
            Thread.sleep(1000);
            sample = sampler.sample();
        }
        HostSample hostSample = new HostSample(new HostName("bench-host"), Instant.now(), sample);
        try (SampleEncoder encoder = new SampleEncoder()) {
            return run(hostSample, encoder, new SampleDecoder());
        }
    }

    private int run(HostSample hostSample, SampleEncoder encoder, SampleDecoder decoder) throws IOException {
        SystemSample sample = hostSample.sample();
        byte[] wire = encoder.encode(hostSample);
        byte[] cbor = WireBytes.inflate(wire);
        byte[] json = asJson(sample);
        report.printf(Locale.ROOT, "one sample of this host, %d processes: %d bytes on the wire (%d of CBOR before "
                + "DEFLATE), %d as JSON with field names -> wire-vs-json-bytes: %.2fx; at 1 Hz %.1f kB/s a host%n",
                sample.processes().size(), wire.length, cbor.length, json.length, (double) wire.length / json.length,
                wire.length / 1000.0);

        int rounds = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            wire = encoder.encode(hostSample);
        }
        long encoded = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            try {
                decoder.decode(wire);
            } catch (MalformedSample impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        long decoded = System.nanoTime() - start;
        report.printf(Locale.ROOT, "encode %.1f us, decode %.1f us a sample (mean of %d, after none warm)%n",
                encoded / 1000.0 / rounds, decoded / 1000.0 / rounds, rounds);

        byte[] small = encoder.encode(new HostSample(hostSample.host(), hostSample.takenAt(), new SystemSample(
                sample.time(), sample.uptime(), sample.userSessions(), sample.load(), sample.tasks(), sample.cpu(),
                sample.memory(), sample.processes().subList(0, Math.min(3, sample.processes().size())))));
        // Half the inputs are mutated as they travel (compressed); half inside, the CBOR mutated and compressed
        // again, which reaches the item reader far more often than a broken DEFLATE stream does.
        SampleMutator travelling = new SampleMutator(new Random(20261207), List.of(wire, small));
        SampleMutator inside = new SampleMutator(new Random(20261208), List.of(cbor, WireBytes.inflate(small)));
        long read = 0;
        long refused = 0;
        Map<String, Integer> escaped = new LinkedHashMap<>();
        start = System.nanoTime();
        for (int i = 0; i < fuzzInputs; i++) {
            byte[] input = i % 2 == 0 ? travelling.next() : WireBytes.deflate(inside.next());
            try {
                decoder.decode(input);
                read++;
            } catch (MalformedSample expected) {
                refused++;
            } catch (RuntimeException | Error escape) {
                escaped.merge(escape.getClass().getName(), 1, Integer::sum);
            }
        }
        long fuzzed = System.nanoTime() - start;
        long escapes = escaped.values().stream().mapToLong(Integer::longValue).sum();
        report.printf(Locale.ROOT, "fuzz: %d mutated samples in %.1f s: %d read, %d refused, %d escaped %s%n",
                fuzzInputs, fuzzed / 1e9, read, refused, escapes, escaped.isEmpty() ? "" : escaped);
        report.printf(Locale.ROOT, "wire-fuzz-escapes: %d%n", escapes);
        return escapes == 0 ? 0 : 1;
    }

    /** The sample with a name for every field, as JSON: the reference for the wire's size. */
    private static byte[] asJson(SystemSample sample) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = new JsonFactory().createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("version", 1);
            out.writeStringField("host", "bench-host");
            out.writeNumberField("takenAt", System.currentTimeMillis());
            out.writeStringField("time", sample.time().toString());
            out.writeNumberField("uptime", sample.uptime().toSeconds());
            out.writeNumberField("load1", sample.load().oneMinute());
            out.writeNumberField("load5", sample.load().fiveMinutes());
            out.writeNumberField("load15", sample.load().fifteenMinutes());
            out.writeNumberField("memTotal", sample.memory().totalKiB());
            out.writeNumberField("memFree", sample.memory().freeKiB());
            out.writeNumberField("memUsed", sample.memory().usedKiB());
            out.writeArrayFieldStart("processes");
            for (ProcessRow row : sample.processes()) {
                out.writeStartObject();
                out.writeNumberField("pid", row.pid());
                out.writeStringField("user", row.user());
                out.writeNumberField("priority", row.priority());
                out.writeNumberField("nice", row.nice());
                out.writeNumberField("virt", row.virtKiB());
                out.writeNumberField("res", row.resKiB());
                out.writeNumberField("shr", row.shrKiB());
                out.writeStringField("state", String.valueOf(row.state()));
                out.writeNumberField("cpu", Math.round(row.cpuPercent() * 10) / 10.0);
                out.writeNumberField("mem", Math.round(row.memPercent() * 10) / 10.0);
                out.writeNumberField("time", row.cpuTimeCentis());
                out.writeStringField("name", row.name());
                out.writeStringField("command", row.commandLine());
                out.writeNumberField("ppid", row.parentPid());
                out.writeNumberField("threads", row.threads());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }
}

package org.topgif.fleet.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import org.topgif.config.HostName;
import org.topgif.renderer.sample.PrintableText;

/**
 * A {@link HostEntry} as the directory's value: {@code [version, host, cores, memory KiB, processes,
 * load in hundredths, agent version, last seen epoch ms]} in CBOR, read back as warily as a sample. Thread-safe.
 */
public final class HostEntryCodec {

    /** Far more than an entry needs; anything bigger is refused before it is parsed. */
    public static final int MAX_BYTES = 1024;

    /** More cores than any machine has. */
    public static final int MAX_CORES = 65_536;

    public static final int MAX_AGENT_VERSION = 40;

    /** The year 9999: later times are no times. */
    static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

    private final CBORFactory cbor = CborItems.factory(1, HostName.MAX_LENGTH);

    public byte[] encode(HostEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (CBORGenerator out = cbor.createGenerator(bytes)) {
            out.writeStartArray();
            out.writeNumber(SampleFormat.VERSION);
            out.writeString(entry.host().value());
            out.writeNumber(Math.min(entry.cores(), MAX_CORES));
            out.writeNumber(Math.max(0, Math.min(entry.memoryKiB(), SampleFormat.MAX_KIB)));
            out.writeNumber(Math.max(0, Math.min(entry.processes(), SampleFormat.MAX_PID)));
            out.writeNumber(Math.max(0, Math.min(Math.round(entry.load() * 100), Integer.MAX_VALUE)));
            String version = entry.agentVersion();
            out.writeString(version.length() > MAX_AGENT_VERSION ? version.substring(0, MAX_AGENT_VERSION) : version);
            out.writeNumber(entry.lastSeen().toEpochMilli());
            out.writeEndArray();
        } catch (IOException notInMemory) {
            throw new UncheckedIOException(notInMemory);
        }
        return bytes.toByteArray();
    }

    public HostEntry decode(byte[] bytes) throws MalformedSample {
        if (bytes.length > MAX_BYTES) {
            throw new MalformedSample("a directory entry of " + bytes.length + " bytes, over the " + MAX_BYTES
                    + " one may have");
        }
        return CborItems.read(cbor, bytes, "the directory entry", read -> {
            read.start("the directory entry");
            long version = read.number("the version", 0, Integer.MAX_VALUE);
            if (version != SampleFormat.VERSION) {
                throw new MalformedSample("a directory entry of version " + version + "; this topgif reads version "
                        + SampleFormat.VERSION);
            }
            HostName host = host(read);
            int cores = (int) read.number("the cores", 1, MAX_CORES);
            long memory = read.number("the memory", 0, SampleFormat.MAX_KIB);
            int processes = (int) read.number("the process count", 0, SampleFormat.MAX_PID);
            double load = read.number("the load", 0, Integer.MAX_VALUE) / 100.0;
            String agentVersion = PrintableText.of(read.text("the agent version", MAX_AGENT_VERSION));
            Instant lastSeen = Instant.ofEpochMilli(read.number("the time seen", 0, MAX_EPOCH_MILLIS));
            read.end("the directory entry");
            return new HostEntry(host, cores, memory, processes, load, agentVersion, lastSeen);
        });
    }

    /** A host name item, as samples and entries both begin. */
    static HostName host(CborItems read) throws IOException, MalformedSample {
        String text = read.text("the host", HostName.MAX_LENGTH);
        if (HostName.problem(text).isPresent()) {
            throw new MalformedSample("the host is not a host name (" + HostName.RULE + ")");
        }
        return new HostName(text);
    }
}

package org.topgif.fleet.agent;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.HostName;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.OutcomeLog;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.wire.HostEntry;
import org.topgif.fleet.wire.HostEntryCodec;
import org.topgif.fleet.wire.HostSample;
import org.topgif.fleet.wire.SampleEncoder;
import org.topgif.renderer.sample.SystemSample;

/**
 * Puts each of an agent's samples on its host's subject, and once a heartbeat renews the host's directory
 * entry, without ever holding up the sampler: nothing waits for the broker, and a sample is dropped, not
 * queued, while the broker is away or behind.
 *
 * <p>Most samples go out as plain NATS messages, which the stream stores without telling: on the VMs topgif
 * was measured on each thread wake-up costs about 0.4 ms, and an acknowledgement per sample woke two more of
 * NATS's threads a second. Once a heartbeat a sample and the directory entry go out acknowledged, so that a
 * broker that does not store them (no stream yet, a permission missing) is logged, once, with its reason.
 * Called from the sampler's thread only (its encoder is not thread-safe); acknowledgements come on NATS's.
 */
public final class SamplePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SamplePublisher.class);

    private final FleetConnection fleet;
    private final HostName host;
    private final String subject;
    private final String directoryKey;
    private final int samplesPerBeat;
    private final int cores;
    private final String version;
    private final Clock clock;
    private final SampleEncoder encoder = new SampleEncoder();
    private final HostEntryCodec entries = new HostEntryCodec();
    private final OutcomeLog samples = new OutcomeLog(LOG);
    private final OutcomeLog directory = new OutcomeLog(LOG);
    private final AtomicInteger published = new AtomicInteger();
    private int sinceBeat;

    /**
     * @param samplesPerBeat how many samples a heartbeat lasts: the directory entry is renewed, and a sample
     *                       acknowledged, once in so many
     * @param cores          the host's logical CPUs, which a sample does not carry
     */
    public SamplePublisher(FleetConnection fleet, HostName host, int samplesPerBeat, int cores, String version,
                           Clock clock) {
        this.fleet = fleet;
        this.host = host;
        HostToken token = HostToken.of(host);
        this.subject = FleetStreams.subject(token);
        this.directoryKey = FleetStreams.directorySubject(token);
        this.samplesPerBeat = Math.max(1, samplesPerBeat);
        this.cores = Math.max(1, cores);
        this.version = version;
        this.clock = clock;
    }

    public void publish(SystemSample sample) {
        Connection connection = fleet.connection().orElse(null);
        if (connection == null || !fleet.connected()) {
            samples.tell("fleet: samples of " + host + " are dropped until the broker is back");
            sinceBeat = 0;
            return;
        }
        byte[] bytes = encoder.encode(new HostSample(host, clock.instant(), sample));
        try {
            if (sinceBeat++ % samplesPerBeat == 0) {
                connection.jetStream().publishAsync(subject, bytes).whenComplete((ack, failure) -> samples.tell(
                        failure == null ? "fleet: publishing samples of " + host + " to " + subject
                                : "fleet: the broker does not store samples of " + host + ": "
                                + OutcomeLog.reason(failure)));
                announce(connection, sample);
            } else {
                connection.publish(subject, bytes);
            }
            published.incrementAndGet();
        } catch (IOException | IllegalStateException unusable) {
            // A connection closing under us, or an outgoing queue full because the broker is behind.
            samples.tell("fleet: samples of " + host + " are dropped: " + OutcomeLog.reason(unusable));
        }
    }

    private void announce(Connection connection, SystemSample latest) throws IOException {
        HostEntry entry = new HostEntry(host, cores, latest.memory().totalKiB(), latest.processes().size(),
                latest.load().oneMinute(), version, clock.instant());
        connection.jetStream().publishAsync(directoryKey, entries.encode(entry)).whenComplete((ack, failure) ->
                directory.tell(failure == null ? "fleet: " + host + " is in the host directory as "
                        + HostToken.of(host).value() : "fleet: cannot renew " + host + " in the host directory: "
                        + OutcomeLog.reason(failure)));
    }

    /** How many samples went to the broker. */
    public int published() {
        return published.get();
    }

    /** Frees the encoder's compressor; the agent's sampler thread has stopped. */
    public void close() {
        encoder.close();
    }
}

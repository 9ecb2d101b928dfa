package org.topgif.fleet.agent;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.HostName;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.OutcomeLog;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.wire.HostSample;
import org.topgif.fleet.wire.SampleEncoder;
import org.topgif.renderer.sample.SystemSample;

/**
 * Puts each of an agent's samples on its host's subject without ever holding up the sampler: a sample is
 * dropped, not queued, while the broker is unreachable or has not yet stored the last few. What happens to
 * the samples is logged when it changes, not per sample. Called from the sampler's thread only (its encoder
 * is not thread-safe); acknowledgements come on NATS's.
 */
public final class SamplePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SamplePublisher.class);

    /** Samples sent and not yet stored: a few seconds' worth, and the next waits for none of them. */
    static final int MAX_IN_FLIGHT = 4;

    private final FleetConnection fleet;
    private final HostName host;
    private final String subject;
    private final Clock clock;
    private final SampleEncoder encoder = new SampleEncoder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final OutcomeLog outcome = new OutcomeLog(LOG);
    private final AtomicInteger stored = new AtomicInteger();

    public SamplePublisher(FleetConnection fleet, HostName host, Clock clock) {
        this.fleet = fleet;
        this.host = host;
        this.subject = FleetStreams.subject(HostToken.of(host));
        this.clock = clock;
    }

    public void publish(SystemSample sample) {
        Connection connection = fleet.connection().orElse(null);
        if (connection == null || !fleet.connected()) {
            outcome.tell("fleet: samples of " + host + " are dropped until the broker is back");
            return;
        }
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            outcome.tell("fleet: the broker has not stored the last " + MAX_IN_FLIGHT + " samples; dropping samples of "
                    + host + " until it catches up");
            return;
        }
        byte[] bytes = encoder.encode(new HostSample(host, clock.instant(), sample));
        JetStream jetStream;
        try {
            jetStream = connection.jetStream();
        } catch (IOException unusable) {
            outcome.tell("fleet: JetStream is not available on the broker at " + fleet.servers());
            return;
        }
        inFlight.incrementAndGet();
        jetStream.publishAsync(subject, bytes).whenComplete((ack, failure) -> {
            inFlight.decrementAndGet();
            if (failure == null) {
                stored.incrementAndGet();
                outcome.tell("fleet: publishing samples of " + host + " to " + subject);
            } else {
                outcome.tell("fleet: the broker does not store samples of " + host + ": " + OutcomeLog.reason(failure));
            }
        });
    }

    /** Frees the encoder's compressor; the agent's sampler thread has stopped. */
    public void close() {
        encoder.close();
    }

    /** How many samples the broker has acknowledged. */
    public int stored() {
        return stored.get();
    }
}

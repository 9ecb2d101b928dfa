package org.topgif.fleet.agent;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.FleetSettings;
import org.topgif.config.HostName;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.renderer.Pacer;
import org.topgif.renderer.history.HistorySampler;
import org.topgif.renderer.sample.SystemSample;

/**
 * What {@code ./topgif agent} runs: this host sampled once an interval, each sample published (redacted,
 * printable and bounded before it leaves the host), and the host's directory entry renewed once a heartbeat,
 * all on one thread. Sampling goes on whatever the broker does. Owns its thread, its sampler and its
 * connection until closed.
 */
public final class FleetAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetAgent.class);

    private final HistorySampler sampling;
    private final AutoCloseable sampler;
    private final FleetConnection fleet;
    private final SamplePublisher publisher;

    private FleetAgent(HistorySampler sampling, AutoCloseable sampler, FleetConnection fleet,
                       SamplePublisher publisher) {
        this.sampling = sampling;
        this.sampler = sampler;
        this.fleet = fleet;
        this.publisher = publisher;
    }

    /**
     * Connects (in the background) and starts sampling.
     *
     * @param source  takes one sample of this host; closed with the agent
     * @param version this agent's version, as the directory shows it
     */
    public static FleetAgent start(FleetSettings settings, HostName host, Duration interval, SampleSource source,
                                   String version, Clock clock) throws java.io.IOException, InterruptedException {
        FleetConnection fleet = FleetConnection.open(settings, "topgif-agent " + host);
        int samplesPerBeat = (int) Math.max(1, settings.heartbeat().toMillis() / interval.toMillis());
        SamplePublisher publisher = new SamplePublisher(fleet, host, samplesPerBeat,
                Runtime.getRuntime().availableProcessors(), version, clock);
        HistorySampler sampling = new HistorySampler(publisher::publish, source::sample, interval, Pacer.SYSTEM,
                failed -> LOG.warn("a sample of the host failed: {}", failed.getClass().getSimpleName()),
                "topgif-agent").start();
        LOG.info("topgif agent for {} sampling every {} ms, publishing to {}", host, interval.toMillis(),
                fleet.servers());
        return new FleetAgent(sampling, source, fleet, publisher);
    }

    /** How many samples went to the broker. */
    public int published() {
        return publisher.published();
    }

    public FleetConnection fleet() {
        return fleet;
    }

    @Override
    public void close() throws Exception {
        sampling.close();
        publisher.close();
        fleet.close();
        sampler.close();
    }

    /** One sample of the host; the agent's thread is its only caller. */
    public interface SampleSource extends AutoCloseable {
        SystemSample sample();
    }
}

package org.topgif.fleet.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
 * printable and bounded before it leaves the host), and the host's directory entry renewed once a heartbeat.
 * Sampling goes on whatever the broker does. Owns its threads, its sampler and its connection until closed.
 */
public final class FleetAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetAgent.class);

    private final HistorySampler sampling;
    private final AutoCloseable sampler;
    private final ScheduledExecutorService heartbeat;
    private final FleetConnection fleet;
    private final SamplePublisher publisher;

    private FleetAgent(HistorySampler sampling, AutoCloseable sampler, ScheduledExecutorService heartbeat,
                       FleetConnection fleet, SamplePublisher publisher) {
        this.sampling = sampling;
        this.sampler = sampler;
        this.heartbeat = heartbeat;
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
        SamplePublisher publisher = new SamplePublisher(fleet, host, clock);
        HostAnnouncer announcer = new HostAnnouncer(fleet, host, Runtime.getRuntime().availableProcessors(),
                version, clock);
        AtomicReference<SystemSample> latest = new AtomicReference<>();
        HistorySampler sampling = new HistorySampler(sample -> {
            latest.set(sample);
            publisher.publish(sample);
        }, source::sample, interval, Pacer.SYSTEM,
                failed -> LOG.warn("a sample of the host failed: {}", failed.getClass().getSimpleName()),
                "topgif-agent").start();
        ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(job -> {
            Thread thread = new Thread(job, "topgif-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(() -> {
            SystemSample sample = latest.get();
            if (sample != null) {
                try {
                    announcer.announce(sample);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            }
        }, interval.toMillis() * 2, settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("topgif agent for {} sampling every {} ms, publishing to {}", host, interval.toMillis(),
                fleet.servers());
        return new FleetAgent(sampling, source, heartbeat, fleet, publisher);
    }

    /** How many samples the broker has stored. */
    public int stored() {
        return publisher.stored();
    }

    public FleetConnection fleet() {
        return fleet;
    }

    @Override
    public void close() throws Exception {
        sampling.close();
        publisher.close();
        heartbeat.shutdownNow();
        heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        fleet.close();
        sampler.close();
    }

    /** One sample of the host; the agent's thread is its only caller. */
    public interface SampleSource extends AutoCloseable {
        SystemSample sample();
    }
}

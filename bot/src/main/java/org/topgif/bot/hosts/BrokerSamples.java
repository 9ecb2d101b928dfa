package org.topgif.bot.hosts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.failure.FailureCause;
import org.topgif.config.HostName;
import org.topgif.fleet.FleetUnavailable;
import org.topgif.fleet.nats.SampleStream;
import org.topgif.fleet.wire.HostSample;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.SystemSample;

/**
 * A fleet host's last seconds, read from the broker's stream on a thread of the bot's for such reads, so
 * that no JDA thread waits for the broker. Thread-safe.
 */
public final class BrokerSamples {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSamples.class);

    private final SampleStream stream;
    private final Executor reads;

    public BrokerSamples(SampleStream stream, Executor reads) {
        this.stream = stream;
        this.reads = reads;
    }

    /**
     * The last {@code plan.frames()} samples of {@code host} the broker holds, or as many as it has; fails with
     * a one-line reason when the broker cannot answer or holds none.
     */
    public CompletableFuture<List<SystemSample>> recent(HostName host, RecordingPlan plan) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Instant newest = stream.lastReport(host).orElseThrow(() -> new IllegalStateException(
                        "the broker holds no samples of " + host));
                Duration span = plan.duration().plus(plan.interval().multipliedBy(2));
                List<HostSample> samples = stream.recent(host, plan.frames(), newest, span);
                if (samples.isEmpty()) {
                    throw new IllegalStateException("the broker holds no readable samples of " + host);
                }
                return samples.stream().map(HostSample::sample).toList();
            } catch (FleetUnavailable unreachable) {
                throw new CompletionException(new IllegalStateException(unreachable.getMessage()));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new CompletionException(stopping);
            }
        }, reads);
    }

    /**
     * The same, or no samples when the broker does not give them: a fleet overview greys that host rather than
     * fail for all of them.
     */
    public CompletableFuture<List<SystemSample>> recentOrNone(HostName host, RecordingPlan plan) {
        return recent(host, plan).exceptionally(failed -> {
            LOG.warn("fleet overview: could not read {}'s samples: {}", host, FailureCause.oneLine(failed));
            return List.of();
        });
    }
}

package org.topgif.fleet.nats;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.StreamContext;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.OrderedConsumerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.HostName;
import org.topgif.fleet.FleetUnavailable;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.OutcomeLog;
import org.topgif.fleet.wire.HostSample;
import org.topgif.fleet.wire.MalformedSample;
import org.topgif.fleet.wire.SampleDecoder;
import org.topgif.renderer.sample.SystemSample;

/**
 * The bot's reading of the samples' stream: when a host last reported, and its last samples. Every message
 * is decoded as untrusted; one that is malformed, or that claims another host than its subject's, is skipped
 * with a log line. Thread-safe: each read uses its own consumer; the stream's context is shared.
 */
public final class SampleStream {

    private static final Logger LOG = LoggerFactory.getLogger(SampleStream.class);

    /** JetStream's error code for a subject with no message. */
    private static final int NO_MESSAGE = 10037;

    /**
     * The most process rows one read keeps, across its samples: 30 samples of a host of 6000 processes. A
     * host that sends samples of tens of thousands of processes gets fewer frames, not the bot's memory.
     */
    public static final int MAX_ROWS_PER_READ = 200_000;

    /** How long one read may wait for the broker before the answer says it is unreachable. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private final FleetConnection fleet;
    private final SampleDecoder decoder = new SampleDecoder();
    private final OutcomeLog skipped = new OutcomeLog(LOG);
    /**
     * Made once and kept: making one asks the broker for the stream's information, a round trip that each
     * read would otherwise add. The connection is the same object across reconnects, so the context stays
     * good; it is made again after a read fails.
     */
    private volatile StreamContext context;
    /** The one thread followed hosts' samples arrive on; made at the first follow. Guarded by this. */
    private Dispatcher dispatcher;

    public SampleStream(FleetConnection fleet) {
        this.fleet = fleet;
    }

    /**
     * Hands {@code each} every sample {@code host} publishes from the first connect on, as it arrives, on the
     * connection's one dispatcher thread, which {@code each} must not hold up. The client subscribes again by
     * itself after a reconnect. A sample that is malformed, or that claims another host, is skipped with a
     * line, as a read skips it.
     */
    public void follow(HostName host, java.util.function.Consumer<SystemSample> each) {
        String subject = FleetStreams.subject(HostToken.of(host));
        java.util.concurrent.atomic.AtomicBoolean subscribed = new java.util.concurrent.atomic.AtomicBoolean();
        fleet.whenConnected(connection -> {
            if (subscribed.compareAndSet(false, true)) {
                dispatcher(connection).subscribe(subject, message -> {
                    try {
                        HostSample sample = decoder.decode(message.getData());
                        if (sample.host().equals(host)) {
                            each.accept(sample.sample());
                        } else {
                            skipped.tell("fleet: dropped samples on " + subject + " that claim to be from another "
                                    + "host");
                        }
                    } catch (MalformedSample malformed) {
                        skipped.tell("fleet: skipped a sample on " + subject + ": " + malformed.getMessage());
                    }
                });
            }
        });
    }

    private synchronized Dispatcher dispatcher(Connection connection) {
        if (dispatcher == null) {
            dispatcher = connection.createDispatcher();
        }
        return dispatcher;
    }

    /** When the broker stored {@code host}'s newest sample, by the broker's clock; empty if it holds none. */
    public Optional<Instant> lastReport(HostName host) throws FleetUnavailable {
        try {
            MessageInfo newest = stream().getLastMessage(FleetStreams.subject(HostToken.of(host)));
            return Optional.of(newest.getTime().toInstant());
        } catch (JetStreamApiException none) {
            if (none.getApiErrorCode() == NO_MESSAGE) {
                return Optional.empty();
            }
            throw unavailable(none);
        } catch (IOException | RuntimeException lost) {
            throw unavailable(lost);
        }
    }

    /**
     * Up to {@code count} of {@code host}'s newest samples, oldest first, from those the broker stored in the
     * {@code span} before {@code newest}, and no more of them than {@link #MAX_ROWS_PER_READ} rows hold.
     */
    public List<HostSample> recent(HostName host, int count, Instant newest, Duration span)
            throws FleetUnavailable, InterruptedException {
        String subject = FleetStreams.subject(HostToken.of(host));
        OrderedConsumerConfiguration from = new OrderedConsumerConfiguration().filterSubject(subject)
                .deliverPolicy(DeliverPolicy.ByStartTime)
                .startTime(newest.minus(span).atZone(java.time.ZoneOffset.UTC));
        Deque<HostSample> kept = new ArrayDeque<>(count);
        int[] rows = {0};
        try (FetchConsumer messages = stream().createOrderedConsumer(from).fetch(
                io.nats.client.FetchConsumeOptions.builder().maxMessages(Math.max(count * 2, count + 8))
                        .expiresIn(PATIENCE.toMillis()).build())) {
            Message message;
            while ((message = messages.nextMessage()) != null) {
                decode(host, message).ifPresent(sample -> {
                    int size = sample.sample().processes().size();
                    while (!kept.isEmpty() && (kept.size() == count || rows[0] + size > MAX_ROWS_PER_READ)) {
                        rows[0] -= kept.removeFirst().sample().processes().size();
                    }
                    kept.addLast(sample);
                    rows[0] += size;
                });
                if (message.metaData().pendingCount() == 0) {
                    break;
                }
            }
        } catch (IOException | JetStreamApiException | JetStreamStatusCheckedException | RuntimeException lost) {
            throw unavailable(lost);
        } catch (InterruptedException stop) {
            throw stop;
        } catch (Exception closing) {
            // Closing a finished fetch failed: what was read is still good.
        }
        return new ArrayList<>(kept);
    }

    private Optional<HostSample> decode(HostName host, Message message) {
        try {
            HostSample sample = decoder.decode(message.getData());
            if (!sample.host().equals(host)) {
                skipped.tell("fleet: dropped samples on " + message.getSubject() + " that claim to be from another "
                        + "host");
                return Optional.empty();
            }
            return Optional.of(sample);
        } catch (MalformedSample malformed) {
            skipped.tell("fleet: skipped a sample on " + message.getSubject() + ": " + malformed.getMessage());
            return Optional.empty();
        }
    }

    private StreamContext stream() throws FleetUnavailable {
        Connection connection = fleet.connection().orElse(null);
        if (connection == null || !fleet.connected()) {
            throw new FleetUnavailable("the fleet's broker is unreachable");
        }
        StreamContext made = context;
        if (made != null) {
            return made;
        }
        try {
            made = connection.getStreamContext(FleetStreams.STREAM);
            context = made;
            return made;
        } catch (IOException | JetStreamApiException | RuntimeException lost) {
            throw unavailable(lost);
        }
    }

    private FleetUnavailable unavailable(Exception cause) {
        context = null;
        return new FleetUnavailable("the fleet's broker did not answer (" + OutcomeLog.reason(cause) + ")");
    }
}

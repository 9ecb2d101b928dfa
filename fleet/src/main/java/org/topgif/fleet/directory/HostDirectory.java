package org.topgif.fleet.directory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.EditDistance;
import org.topgif.config.HostName;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.OutcomeLog;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.fleet.nats.FleetStreams;
import org.topgif.fleet.wire.HostEntry;
import org.topgif.fleet.wire.HostEntryCodec;
import org.topgif.fleet.wire.MalformedSample;

/**
 * The bot's copy of the host directory, kept current by a watch on the bucket: which hosts report, and when
 * each last renewed its entry by the broker's clock (an agent's own clock may be wrong). An entry older than
 * the bucket's age limit is left out even before the broker drops it. At most {@link #MAX_HOSTS} hosts.
 * Thread-safe: NATS's thread writes, any thread reads.
 */
public final class HostDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(HostDirectory.class);

    /** Far more hosts than one Discord answer can list; each costs the bot a few hundred bytes. */
    public static final int MAX_HOSTS = 4096;

    /** One host as the directory last heard of it. */
    public record Seen(HostEntry entry, Instant renewedAt) {
        public HostName host() {
            return entry.host();
        }
    }

    private final Map<HostName, Seen> hosts = new ConcurrentHashMap<>();
    private final Duration forgetAfter;
    private final Clock clock;
    private final HostEntryCodec codec = new HostEntryCodec();
    private final OutcomeLog told = new OutcomeLog(LOG);
    private final AtomicReference<NatsKeyValueWatchSubscription> watch = new AtomicReference<>();

    /** Completed once the first watch has replayed the bucket: a one-shot reader waits for it. */
    private final java.util.concurrent.CompletableFuture<Void> listed = new java.util.concurrent.CompletableFuture<>();

    public HostDirectory(Duration forgetAfter, Clock clock) {
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    /**
     * Watches the bucket from every connect on. Each connect starts the watch afresh: a broker that restarted
     * may have lost the watch's consumer, and a new watch first replays every current entry, so nothing that
     * changed meanwhile is missed. Connects are handled one at a time, on the connection's own thread.
     */
    public void watch(FleetConnection fleet) {
        fleet.whenConnected(this::watch);
    }

    private void watch(Connection connection) {
        NatsKeyValueWatchSubscription previous = watch.getAndSet(null);
        if (previous != null) {
            try {
                previous.unsubscribe();
            } catch (RuntimeException alreadyGone) {
                // The broker that held it is gone too.
            }
        }
        try {
            watch.set(connection.keyValue(FleetStreams.BUCKET).watchAll(new Watcher()));
        } catch (IOException | JetStreamApiException | RuntimeException failed) {
            told.tell("fleet: cannot watch the host directory: " + OutcomeLog.reason(failed));
            // Nothing more will come of this connect: a one-shot reader waits no longer.
            listed.complete(null);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until a watch has listed every entry the bucket held when it started; false if none did within
     * {@code timeout}, as with a broker that cannot be reached.
     */
    public boolean awaitListed(Duration timeout) throws InterruptedException {
        try {
            listed.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException notYet) {
            return false;
        }
    }

    /** Takes one change of the bucket, as the watch delivers it: an entry written, deleted or purged. */
    public void take(String key, KeyValueOperation operation, byte[] value, Instant at) {
        Optional<HostName> keyed = HostToken.name(key);
        if (keyed.isEmpty()) {
            told.tell("fleet: ignored a directory key that names no host");
            return;
        }
        if (operation != KeyValueOperation.PUT) {
            hosts.remove(keyed.get());
            return;
        }
        try {
            HostEntry entry = codec.decode(value);
            if (!entry.host().equals(keyed.get())) {
                told.tell("fleet: ignored a directory entry under " + key + " that claims another host");
                return;
            }
            if (hosts.size() >= MAX_HOSTS && !hosts.containsKey(entry.host())) {
                told.tell("fleet: the host directory holds " + MAX_HOSTS + " hosts; ignoring more");
                return;
            }
            hosts.put(entry.host(), new Seen(entry, at));
        } catch (MalformedSample malformed) {
            told.tell("fleet: ignored the directory entry under " + key + ": " + malformed.getMessage());
        }
    }

    /** Every host whose entry is current, by name. */
    public List<Seen> hosts() {
        Instant oldest = clock.instant().minus(forgetAfter);
        return hosts.values().stream().filter(seen -> seen.renewedAt().isAfter(oldest))
                .sorted(Comparator.comparing(seen -> seen.host().value().toLowerCase(Locale.ROOT))).toList();
    }

    public Optional<Seen> find(HostName host) {
        return hosts().stream().filter(seen -> seen.host().equals(host)).findFirst();
    }

    /** Up to {@code limit} hosts whose names start with {@code typed} (any case), then those containing it. */
    public List<HostName> matching(String typed, int limit) {
        String lower = typed.toLowerCase(Locale.ROOT);
        List<HostName> all = hosts().stream().map(Seen::host).toList();
        return java.util.stream.Stream.concat(
                        all.stream().filter(host -> host.value().toLowerCase(Locale.ROOT).startsWith(lower)),
                        all.stream().filter(host -> !host.value().toLowerCase(Locale.ROOT).startsWith(lower)
                                && host.value().toLowerCase(Locale.ROOT).contains(lower)))
                .limit(limit).toList();
    }

    /** The known host whose name is closest to {@code asked}, for "did you mean". */
    public Optional<HostName> nearest(String asked) {
        return hosts().stream().map(Seen::host)
                .min(Comparator.comparingInt(host -> EditDistance.between(asked.toLowerCase(Locale.ROOT),
                        host.value().toLowerCase(Locale.ROOT))));
    }

    private final class Watcher implements KeyValueWatcher {
        @Override
        public void watch(KeyValueEntry entry) {
            take(entry.getKey(), entry.getOperation(), entry.getValue() == null ? new byte[0] : entry.getValue(),
                    entry.getCreated() == null ? clock.instant() : entry.getCreated().toInstant());
        }

        @Override
        public void endOfData() {
            listed.complete(null);
            told.tell("fleet: the host directory lists " + hosts().size() + " hosts");
        }
    }
}

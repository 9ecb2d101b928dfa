package org.topgif.fleet.lease;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.config.ShortDigest;
import org.topgif.fleet.OutcomeLog;
import org.topgif.fleet.nats.FleetConnection;
import org.topgif.renderer.sample.PrintableText;

/**
 * A lease on being the active bot of one Discord token, held in a key of a JetStream key-value bucket whose
 * TTL is the lease's: the key is created only if absent, renewed only at the revision its holder last wrote,
 * and disappears one TTL after its last renewal when its holder dies. So at most one bot holds it, and a
 * standby takes it over within a TTL and one poll of the holder's death, or at its next poll once the holder
 * gives it up.
 *
 * <p>A holder that cannot renew (its broker unreachable) counts the lease as lost a quarter TTL before the
 * broker would let the key lapse, measured from when it sent its last successful renewal, so it has stopped
 * acting before anyone else can start. Thread-safe: the revision is written by one thread at a time (the
 * caller of {@link #acquire}, then the renewer) and read through a volatile field.
 */
public final class BotLease implements AutoCloseable {

    /** The bucket of leases, one key per bot token. */
    public static final String BUCKET = "topgif-lease";
    /** JetStream's code for a write whose expected revision is not the key's last. */
    private static final int WRONG_LAST_SEQUENCE = 10071;
    private static final int HOLDER_MAX = 200;
    private static final Logger LOG = LoggerFactory.getLogger(BotLease.class);

    private final FleetConnection fleet;
    private final String key;
    private final Duration ttl;
    private final byte[] holder;
    private final LongSupplier nanoClock;
    private final OutcomeLog told = new OutcomeLog(LOG);
    /** Two threads: one renews, and may wait for an unreachable broker; the other keeps the deadline. */
    private final ScheduledExecutorService renewer = Executors.newScheduledThreadPool(2, job -> {
        Thread thread = new Thread(job, "topgif-lease");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean lost = new AtomicBoolean();
    /** The renewal and deadline tasks of the current hold. */
    private final java.util.List<ScheduledFuture<?>> keeping = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long revision;
    /** When the last successful write was sent, by {@link #nanoClock}. */
    private volatile long writtenNanos;
    /** The bucket's context for the connection it was made on; renewals only. */
    private volatile Bound bound;

    /**
     * @param fleet  the broker, connected or connecting; closed with this lease
     * @param token  the secret the bots share (the Discord token): the key is a digest of it, never the token
     * @param holder who this bot is, for the standby's log line ("db-1 pid 42")
     */
    public BotLease(FleetConnection fleet, String token, Duration ttl, String holder, LongSupplier nanoClock) {
        this.fleet = fleet;
        this.key = keyFor(token);
        this.ttl = ttl;
        this.holder = PrintableText.of(holder.length() > HOLDER_MAX ? holder.substring(0, HOLDER_MAX) : holder)
                .getBytes(StandardCharsets.UTF_8);
        this.nanoClock = nanoClock;
        fleet.whenConnected(this::ensureBucket);
    }

    /** "bot-" and 80 bits of the token's SHA-256 in base 36: one lease per token, and no token in the broker. */
    static String keyFor(String token) {
        return "bot-" + ShortDigest.of(token, 10);
    }

    /** How often a standby tries to take the lease: a tenth of the TTL, at least 100 ms. */
    public Duration pollInterval() {
        return max(ttl.dividedBy(10), Duration.ofMillis(100));
    }

    /** How often the holder renews: a fifth of the TTL. */
    Duration renewInterval() {
        return max(ttl.dividedBy(5), Duration.ofMillis(50));
    }

    /**
     * Waits until this bot holds the lease, looking every {@link #pollInterval}, and says so; false if
     * {@code keepWaiting}, asked after each look that did not take it, said to stop. Says once who holds it,
     * not once per look. A look while the lease is held is one read of the key, which names its holder.
     */
    public boolean acquire(BooleanSupplier keepWaiting) throws InterruptedException {
        while (true) {
            if (fleet.connected()) {
                long sent = nanoClock.getAsLong();
                try {
                    KeyValue leases = leases();
                    KeyValueEntry now = leases.get(key);
                    if (now != null && now.getOperation() == KeyValueOperation.PUT) {
                        told.tell("lease: standing by; the active bot is " + holderOf(now));
                    } else {
                        // Written only if the key is still as read: of two standbys, one takes it.
                        revision = now == null ? leases.create(key, holder)
                                : leases.update(key, holder, now.getRevision());
                        writtenNanos = sent;
                        lost.set(false);
                        told.tell("lease: this bot is the active one");
                        return true;
                    }
                } catch (JetStreamApiException taken) {
                    told.tell(taken.getApiErrorCode() == WRONG_LAST_SEQUENCE ? "lease: standing by; another bot took it"
                            : "lease: cannot take it: " + OutcomeLog.reason(taken));
                } catch (IOException | RuntimeException failed) {
                    told.tell("lease: cannot take it: " + OutcomeLog.reason(failed));
                }
            } else {
                told.tell("lease: standing by until the fleet's broker at " + fleet.servers() + " answers");
            }
            if (!keepWaiting.getAsBoolean()) {
                return false;
            }
            Thread.sleep(pollInterval().toMillis());
        }
    }

    /** Whether the broker that keeps the lease answers now. */
    public boolean reachable() {
        return fleet.connected();
    }

    /**
     * Renews the lease every {@link #renewInterval} until it is released, and runs {@code onLost} once, on the
     * renewer's thread, when a renewal is refused (another bot holds it) or a quarter TTL before it could lapse
     * without a renewal (the broker unreachable).
     */
    public void keep(Runnable onLost) {
        stopKeeping();
        long period = renewInterval().toNanos();
        keeping.add(renewer.scheduleWithFixedDelay(() -> renew(onLost), period, period, TimeUnit.NANOSECONDS));
        watchDeadline(onLost);
    }

    /**
     * Loses the lease once three quarters of a TTL pass without a renewal, whatever a renewal sent to a dead
     * broker is still waiting for. It wakes at the deadline the last renewal set, not every so often: on this
     * kind of VM each thread wake-up costs about 0.4 ms.
     */
    private void watchDeadline(Runnable onLost) {
        long limit = ttl.toNanos() - ttl.toNanos() / 4;
        long left = writtenNanos + limit - nanoClock.getAsLong();
        keeping.add(renewer.schedule(() -> {
            long since = nanoClock.getAsLong() - writtenNanos;
            if (since >= limit) {
                lose(onLost, "no renewal for " + Duration.ofNanos(since).toMillis() + " ms");
            } else if (!lost.get()) {
                watchDeadline(onLost);
            }
        }, Math.max(0, left), TimeUnit.NANOSECONDS));
    }

    /** Cancels the renewals of an earlier hold, which would write at a revision no longer this bot's. */
    private void stopKeeping() {
        for (ScheduledFuture<?> task : keeping) {
            task.cancel(false);
        }
        keeping.clear();
    }

    private void renew(Runnable onLost) {
        if (lost.get()) {
            return;
        }
        long sent = nanoClock.getAsLong();
        String failure;
        try {
            revision = leases().update(key, holder, revision);
            writtenNanos = sent;
            return;
        } catch (JetStreamApiException refused) {
            failure = refused.getApiErrorCode() == WRONG_LAST_SEQUENCE ? "another bot holds it now"
                    : OutcomeLog.reason(refused);
            if (refused.getApiErrorCode() == WRONG_LAST_SEQUENCE) {
                lose(onLost, failure);
                return;
            }
        } catch (IOException | RuntimeException failed) {
            failure = OutcomeLog.reason(failed);
        }
        if (!lost.get()) {
            told.tell("lease: could not renew it (" + failure + "); trying again");
        }
    }

    /**
     * The bucket, as a context kept per connection (making one asks the broker for the bucket's stream), whose
     * requests give up after a renewal interval so that a dead broker never holds the renewer longer: one
     * request per look and per renewal, where a context made each time and KV's create, which reads the key
     * again when it is held, made five per look and a standby cost several times what top does.
     */
    private KeyValue leases() throws IOException {
        Connection connection = fleet.connection().orElseThrow(() -> new IOException("not connected"));
        Bound bound = this.bound;
        if (bound == null || bound.connection() != connection) {
            bound = new Bound(connection, connection.keyValue(BUCKET, KeyValueOptions.builder().jetStreamOptions(
                    JetStreamOptions.builder().requestTimeout(renewInterval()).build()).build()));
            this.bound = bound;
        }
        return bound.leases();
    }

    private record Bound(Connection connection, KeyValue leases) {
    }

    private void lose(Runnable onLost, String why) {
        if (lost.compareAndSet(false, true)) {
            stopKeeping();
            LOG.warn("lease: lost it: {}; this bot stops acting", why);
            onLost.run();
        }
    }

    /**
     * Gives the lease up: no more renewals, and the key deleted if this bot still holds it, so a standby takes
     * over at its next poll rather than after the TTL.
     */
    public void release() {
        stopKeeping();
        if (lost.getAndSet(true)) {
            return;
        }
        try {
            Connection connection = fleet.connection().orElseThrow(() -> new IOException("not connected"));
            KeyValue leases = connection.keyValue(BUCKET);
            Optional<KeyValueEntry> now = Optional.ofNullable(leases.get(key));
            if (now.isPresent() && now.get().getRevision() == revision) {
                leases.delete(key);
                LOG.info("lease: given up for a standby to take");
            }
        } catch (IOException | JetStreamApiException | RuntimeException failed) {
            LOG.warn("lease: could not give it up ({}); a standby takes it once it lapses", OutcomeLog.reason(failed));
        }
    }

    private static String holderOf(KeyValueEntry entry) {
        return entry.getValue() == null ? "unknown"
                : PrintableText.of(new String(entry.getValue(), StandardCharsets.UTF_8));
    }

    private void ensureBucket(Connection connection) {
        try {
            KeyValueManagement buckets = connection.keyValueManagement();
            KeyValueConfiguration leases = KeyValueConfiguration.builder()
                    .name(BUCKET)
                    .storageType(StorageType.File)
                    .maxHistoryPerKey(1)
                    .maximumValueSize(HOLDER_MAX * 4)
                    .ttl(ttl)
                    .build();
            if (buckets.getBucketNames().contains(BUCKET)) {
                buckets.update(leases);
            } else {
                buckets.create(leases);
            }
        } catch (IOException | JetStreamApiException | RuntimeException failed) {
            told.tell("lease: cannot set up its bucket: " + OutcomeLog.reason(failed));
        }
    }

    /** Stops renewing (without giving the lease up) and closes the connection. */
    @Override
    public void close() throws InterruptedException {
        renewer.shutdownNow();
        fleet.close();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

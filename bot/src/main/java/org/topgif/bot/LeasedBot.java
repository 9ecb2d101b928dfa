package org.topgif.bot;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.fleet.lease.BotLease;

/**
 * A bot that runs only while it holds the lease of its token: it stands by until it takes the lease, then
 * starts (connects to Discord, answers, posts), and stops when it loses the lease, to stand by again, or
 * when asked to stop, giving the lease up so that its standby takes over at once. A fresh bot is started at
 * every takeover, so nothing of an earlier term is shared.
 *
 * <p>Thread-safe: {@link #run} runs on one thread; {@link #stop} may come from any, and ends the run through
 * a flag and a queue.
 */
public final class LeasedBot {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedBot.class);

    /** Starts a fresh bot. */
    @FunctionalInterface
    public interface Starter {
        TopgifBot start() throws InterruptedException;
    }

    private enum End { LOST, STOP }

    private final BotLease lease;
    private final Starter starter;
    private final Duration stopGrace;
    private final Duration lostGrace;
    private final Runnable standingBy;
    private final BlockingQueue<End> ends = new LinkedBlockingQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;

    /**
     * @param stopGrace  how long work under way may take when the bot is stopped
     * @param leaseTtl   the lease's TTL: a bot that lost it stops within a quarter of it, the least time
     *                   before the lease can lapse for another bot to take
     * @param standingBy runs now and then while standing by, such as a health file's refresh
     */
    public LeasedBot(BotLease lease, Starter starter, Duration stopGrace, Duration leaseTtl, Runnable standingBy) {
        this.lease = lease;
        this.starter = starter;
        this.stopGrace = stopGrace;
        Duration quarter = leaseTtl.dividedBy(4);
        this.lostGrace = quarter.compareTo(stopGrace) < 0 ? quarter : stopGrace;
        this.standingBy = standingBy;
    }

    /** Stands by and serves in turn until {@link #stop}; a bot that fails to start gives the lease up and throws. */
    public void run() throws InterruptedException {
        try {
            while (!stopping) {
                if (!lease.acquire(() -> {
                    standingBy.run();
                    return !stopping;
                })) {
                    return;
                }
                // Renewed from now on: connecting to Discord takes a while, and the lease must not lapse meanwhile.
                lease.keep(() -> ends.add(End.LOST));
                TopgifBot bot;
                try {
                    bot = starter.start();
                } catch (InterruptedException | RuntimeException failed) {
                    lease.release();
                    throw failed;
                }
                if (stopping) {
                    ends.add(End.STOP);
                }
                End end = ends.take();
                ends.clear();
                if (end == End.LOST) {
                    // The lease lapses a quarter TTL after this at the earliest, for another bot to take: the
                    // work under way gets that long, and a scheduled post cut short is made once all the same,
                    // by its nonce and attachment name, by the bot that takes over.
                    LOG.warn("stopping within {} ms: another bot may take over; standing by after this",
                            lostGrace.toMillis());
                    bot.stop(lostGrace);
                    continue;
                }
                LOG.info("stopping: recordings and posts under way get up to {} s", stopGrace.toSeconds());
                bot.stop(stopGrace);
                lease.release();
                LOG.info("stopped");
                return;
            }
        } finally {
            finished.countDown();
        }
    }

    /** Asks {@link #run} to stop and waits up to {@code timeout} for it to finish. */
    public void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        ends.add(End.STOP);
        finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}

package org.topgif.bot;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JDA's gateway thread, looking at its idle send queue every few seconds instead of twice a second.
 *
 * <p>JDA's gateway sender re-schedules itself every 500 ms to look at its queue, even when the queue is empty.
 * Heartbeats, IDENTIFY and RESUME skip that queue; it holds only presence updates, member chunk requests and
 * voice state, none of which this bot sends. On the VMs topgif was measured on each wake-up of a thread costs
 * about 0.4 ms of CPU, so that poll alone was 0.86 ms a second, a third of what {@code top -d 1} spends on a
 * host of 70 processes. Here the poll runs every {@link #IDLE_POLL}; anything else is scheduled as asked.
 */
final class GatewayPool extends ScheduledThreadPoolExecutor {
    /** How often the gateway sender looks at an idle queue here; a queued message waits at most this long. */
    static final Duration IDLE_POLL = Duration.ofSeconds(5);

    private static final String SENDER = "net.dv8tion.jda.internal.requests.WebSocketSendingThread";
    private static final long JDA_IDLE_POLL_MILLIS = 500;

    private final AtomicLong stretched = new AtomicLong();

    GatewayPool() {
        super(1, job -> {
            Thread thread = new Thread(job, "topgif-gateway");
            thread.setDaemon(true);
            return thread;
        });
        setRemoveOnCancelPolicy(true);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (isIdlePoll(command, delay, unit)) {
            stretched.incrementAndGet();
            return super.schedule(command, IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
        return super.schedule(command, delay, unit);
    }

    /** How many idle polls were moved to {@link #IDLE_POLL}: a test sees the JDA in use still polls as assumed. */
    long stretchedPolls() {
        return stretched.get();
    }

    private static boolean isIdlePoll(Runnable command, long delay, TimeUnit unit) {
        return unit.toMillis(delay) == JDA_IDLE_POLL_MILLIS && command.getClass().getName().equals(SENDER);
    }
}

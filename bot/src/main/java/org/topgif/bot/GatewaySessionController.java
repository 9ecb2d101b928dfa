package org.topgif.bot;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.failure.FailureCause;
import org.topgif.renderer.sample.CommandLineRedactor;

/**
 * Connects JDA to a configured gateway URL, and retries a failed connection with a growing pause and one
 * log line per attempt that says for how long it has been failing. JDABuilder takes the gateway from its
 * session controller and never asks REST for it, so this is also how a proxy or a test double is reached.
 *
 * <p>Why not JDA's {@code ConcurrentSessionController}: it retries every 5 s for ever and logs each failure as
 * an ERROR with a 30-line stack trace. Thread-safe: connections run one at a time on one thread, which alone
 * touches the failure count.
 */
final class GatewaySessionController extends SessionControllerAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySessionController.class);
    static final long FIRST_PAUSE_SECONDS = 1;
    static final long LONGEST_PAUSE_SECONDS = 60;

    private final String gatewayUrl;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(job -> {
        Thread thread = new Thread(job, "topgif-gateway-connect");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<SessionConnectNode> removed = ConcurrentHashMap.newKeySet();
    /** Confined to the connector thread. */
    private int failures;
    private long failingSinceNanos;

    GatewaySessionController(String gatewayUrl, LongSupplier nanoClock) {
        this.gatewayUrl = gatewayUrl;
        this.nanoClock = nanoClock;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    @Override
    public void appendSession(SessionConnectNode node) {
        removed.remove(node);
        submit(node, 0);
    }

    @Override
    public void removeSession(SessionConnectNode node) {
        removed.add(node);
    }

    private void submit(SessionConnectNode node, long delaySeconds) {
        try {
            connector.schedule(() -> connect(node), delaySeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException closed) {
            // The bot is stopping: no more connections.
        }
    }

    private void connect(SessionConnectNode node) {
        if (removed.remove(node)) {
            return;
        }
        try {
            node.run(false);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException failed) {
            long now = nanoClock.getAsLong();
            if (failures++ == 0) {
                failingSinceNanos = now;
            }
            long pause = Math.min(LONGEST_PAUSE_SECONDS, FIRST_PAUSE_SECONDS << Math.min(failures - 1, 20));
            LOG.warn("cannot connect to Discord's gateway at {}: {} (attempt {}, failing for {} s); retrying in {} s",
                    CommandLineRedactor.redactText(gatewayUrl), FailureCause.describe(failed), failures,
                    TimeUnit.NANOSECONDS.toSeconds(now - failingSinceNanos), pause);
            submit(node, pause);
            return;
        }
        if (failures > 0) {
            LOG.info("connected to Discord's gateway after {} failed attempts", failures);
            failures = 0;
        }
        // Discord allows one IDENTIFY per 5 s; the next connection waits for that.
        try {
            TimeUnit.SECONDS.sleep(SessionController.IDENTIFY_DELAY);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        connector.shutdownNow();
    }
}

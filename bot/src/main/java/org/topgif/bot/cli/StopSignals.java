package org.topgif.bot.cli;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * How the bot's process answers SIGTERM and SIGINT: the first starts a graceful stop on a thread of its own,
 * which ends the process with exit code 0 when done; a second, while that stop runs, ends it at once with the
 * signal's usual code (143 or 130) and a log line. Thread-safe.
 *
 * <p>Why {@code sun.misc.Signal} (jdk.unsupported, kept for exactly this use): with only a shutdown hook a
 * second signal is ignored, since the JVM is already exiting, and an operator who asks twice must wait out
 * the grace or kill the process.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** Installs the handlers; {@code gracefulStop} runs once, on the first signal. */
    static void install(Runnable gracefulStop) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal signal = new Signal(name);
            Signal.handle(signal, received -> {
                if (stopping.compareAndSet(false, true)) {
                    Thread stop = new Thread(() -> {
                        try {
                            gracefulStop.run();
                        } finally {
                            Runtime.getRuntime().halt(0);
                        }
                    }, "topgif-stop");
                    stop.start();
                } else {
                    LOG.warn("SIG{} again: stopping now, without waiting for work under way", received.getName());
                    Runtime.getRuntime().halt(128 + received.getNumber());
                }
            });
        }
    }
}

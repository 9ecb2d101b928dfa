package org.topgif.fleet;

import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.topgif.renderer.sample.CommandLineRedactor;

/**
 * Logs what keeps happening once, when it starts: a line that repeats the previous one is left out, so a
 * broker that refuses every sample for an hour is one line, not 3600. Thread-safe.
 */
public final class OutcomeLog {

    private static final int MAX_REASON = 160;

    private final Logger log;
    private final AtomicReference<String> last = new AtomicReference<>("");

    public OutcomeLog(Logger log) {
        this.log = log;
    }

    /** Logs {@code line} unless it is what this log said last. */
    public void tell(String line) {
        if (!line.equals(last.getAndSet(line))) {
            log.info(line);
        }
    }

    /**
     * NATS's own words for a failure ("No matching streams for subject", a permissions violation): its first
     * line, cut short, with any password in a URL masked.
     */
    public static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : CommandLineRedactor.redactText(cause.getMessage().lines().findFirst().orElse(""));
        return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
    }
}

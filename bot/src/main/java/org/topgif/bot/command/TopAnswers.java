package org.topgif.bot.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.Shown;
import org.topgif.bot.recordings.Recordings;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.SystemSample;

/**
 * Makes the jobs that answer /top, with what they share (where samples come from, the path to a GIF, its
 * delivery), and keeps the ones running, so that a stopping bot can tell their users. Thread-safe: the
 * running set is concurrent, everything else is immutable or thread-safe itself.
 */
public final class TopAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(TopAnswers.class);

    /** Answers now recording or drawing; the bot tells their users if it stops before they finish. */
    private final Set<TopAnswer> running = ConcurrentHashMap.newKeySet();
    final Recordings recordings;
    final GifPipeline pipeline;
    final GifDelivery delivery;
    final Duration progressInterval;
    final LongSupplier nanoClock;

    /** @param progressInterval how often a live recording's progress may be shown, at most */
    public TopAnswers(Recordings recordings, GifPipeline pipeline, Duration progressInterval, LongSupplier nanoClock) {
        this(recordings, pipeline, GifDelivery.withPauses(), progressInterval, nanoClock);
    }

    TopAnswers(Recordings recordings, GifPipeline pipeline, GifDelivery delivery, Duration progressInterval,
               LongSupplier nanoClock) {
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.delivery = delivery;
        this.progressInterval = progressInterval;
        this.nanoClock = nanoClock;
    }

    /**
     * The job that answers one request in {@code reply}.
     *
     * @param recent the history's last seconds as of the request; empty records the next ones
     */
    TopAnswer answer(TopReply reply, long guildId, RecordingPlan plan,
                     Optional<CompletableFuture<List<SystemSample>>> recent) {
        return new TopAnswer(this, reply, guildId, plan, recent.map(samples -> samples.thenApply(pipeline::own)),
                pipeline.host());
    }

    /** The same for what the fleet's broker gives: a host's last seconds, or the fleet's, named {@code name}. */
    TopAnswer answer(TopReply reply, long guildId, RecordingPlan plan, CompletableFuture<Shown> fromBroker,
                     String name) {
        return new TopAnswer(this, reply, guildId, plan, Optional.of(fromBroker), name);
    }

    void started(TopAnswer answer) {
        running.add(answer);
    }

    void ended(TopAnswer answer) {
        running.remove(answer);
    }

    /** Tells the users of answers that will never start (the bot is stopping). */
    void tellWaiting(List<Runnable> neverStarted) {
        for (Runnable job : neverStarted) {
            if (job instanceof TopAnswer answer && answer.isAcknowledged()) {
                AnswerFailures.tell(answer.reply(), answer.guildId(),
                        "Sorry, the bot is restarting and dropped the line; try again in a minute.", null);
            }
        }
    }

    /**
     * Tells the users whose answers are still running, when the bot stops before they finish, and waits up to
     * {@code timeout} for Discord to take the messages.
     */
    void tellStillRunning(Duration timeout) throws InterruptedException {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (TopAnswer answer : running) {
            answer.tellOnce("Sorry, the bot is restarting before your recording finished; try again in a minute.")
                    .ifPresent(sent::add);
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException notAll) {
            LOG.warn("could not tell every user whose recording was stopped: {}", notAll.toString());
        }
    }
}

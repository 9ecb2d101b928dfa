package org.topgif.bot.command;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.topgif.bot.post.ChatText;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.Shown;
import org.topgif.bot.recordings.Recordings;
import org.topgif.renderer.RecordingPlan;

/**
 * One /top's answer, run on a recording or an answer thread once Discord took the acknowledgement: the history's
 * last seconds drawn at once, or the next seconds recorded with progress shown; then the GIF delivered, or the
 * user told why not. Everything it knows is its own; the acknowledgement and the "told" mark are thread-safe.
 */
final class TopAnswer implements Runnable {

    private final TopAnswers answers;
    private final TopReply reply;
    private final long guildId;
    private final RecordingPlan plan;
    /** What to show as of the request: the history's last seconds, or a fleet's; empty records the next ones. */
    private final Optional<CompletableFuture<Shown>> recent;
    /** What is shown: this host, a fleet host, or the fleet's "*". */
    private final String host;
    /** Completed with whether Discord took the deferral; nothing is recorded for a reply no one can get. */
    private final CompletableFuture<Boolean> acknowledged = new CompletableFuture<>();
    /** Whether the user was already told that the bot is stopping. */
    private final AtomicBoolean told = new AtomicBoolean();

    TopAnswer(TopAnswers answers, TopReply reply, long guildId, RecordingPlan plan,
              Optional<CompletableFuture<Shown>> recent, String host) {
        this.host = host;
        this.answers = answers;
        this.reply = reply;
        this.guildId = guildId;
        this.plan = plan;
        this.recent = recent;
    }

    TopReply reply() {
        return reply;
    }

    long guildId() {
        return guildId;
    }

    /** Whether it records the next seconds rather than drawing the history's last ones. */
    boolean live() {
        return recent.isEmpty();
    }

    /** Says whether Discord took the deferral; the answer runs only if it did. */
    void acknowledged(boolean taken) {
        acknowledged.complete(taken);
    }

    boolean isAcknowledged() {
        return acknowledged.getNow(false);
    }

    /** Tells the user {@code text} unless they were told already; what was sent, if anything. */
    Optional<CompletableFuture<?>> tellOnce(String text) {
        return told.compareAndSet(false, true) ? Optional.of(reply.tell(text)) : Optional.empty();
    }

    @Override
    public void run() {
        try {
            // The callback gives up within Discord's window; the margin covers its last attempt.
            if (!acknowledged.get(InteractionCallbacks.WINDOW.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException notAcknowledged) {
            return;
        }
        answers.started(this);
        try {
            answer();
        } finally {
            answers.ended(this);
        }
    }

    private void answer() {
        try {
            Shown shown = recent.isPresent() ? Recordings.await(recent.get(), plan)
                    : answers.pipeline.own(answers.recordings.record(plan,
                            new ProgressEditor(reply, answers.progressInterval, answers.nanoClock)));
            Optional<GifPipeline.RenderedGif> gif = answers.pipeline.render(shown, plan, Optional.empty());
            if (gif.isEmpty()) {
                AnswerFailures.tell(reply, guildId, "Sorry, even a one-frame GIF is larger than this server's upload "
                        + "limit.", null);
                return;
            }
            answers.delivery.deliver(reply, guildId, gif.get());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            if (told.compareAndSet(false, true)) {
                AnswerFailures.tell(reply, guildId, "Sorry, the bot is shutting down; try again in a moment.", null);
            }
        } catch (RuntimeException failed) {
            AnswerFailures.tell(reply, guildId, host.equals(answers.pipeline.host())
                    ? "Sorry, the recording failed. The bot's log has the details."
                    : "Sorry, the fleet's broker did not give " + (host.equals(Shown.Fleet.NAME) ? "the fleet"
                    : ChatText.escape(host)) + "'s last seconds; try again in a moment.", failed);
        }
    }
}

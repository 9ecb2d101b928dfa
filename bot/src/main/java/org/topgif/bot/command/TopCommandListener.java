package org.topgif.bot.command;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.FileUpload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.post.ChatText;
import org.topgif.bot.recordings.Recordings;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.TopOptions;
import org.topgif.bot.failure.FailureCause;
import org.topgif.bot.ratelimit.GuildRateLimiter;
import org.topgif.bot.ratelimit.RateDecision;
import org.topgif.bot.ratelimit.RecordingQueue;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.SystemSample;

/**
 * Answers /top: checks the options and the guild's rate limit (refusals are ephemeral and immediate), defers
 * within Discord's 3 s (retrying a failed callback; nothing is drawn if none gets through), then edits the
 * reply with the GIF and a summary. The GIF shows the last seconds of the history, drawn on an answer
 * thread at once; with live:true, or without a history, it shows the next seconds, recorded on a recording
 * thread while the reply shows the progress. Each request's state lives in its own job; the listener itself
 * holds only thread-safe collaborators, so JDA may call it from any number of threads.
 */
public final class TopCommandListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TopCommandListener.class);
    private static final int UPLOAD_ATTEMPTS = 3;

    /** Recordings now running: the bot tells their users if it stops before they finish. */
    private final Set<RecordingJob> running = ConcurrentHashMap.newKeySet();
    private final TopOptionsParser parser;
    private final InteractionCallbacks callbacks;
    private final GuildRateLimiter limiter;
    /** Live recordings, which wait for the seconds they record. */
    private final RecordingQueue queue;
    /** Answers from the history, which are drawn and uploaded at once. */
    private final RecordingQueue answers;
    private final Recordings recordings;
    private final GifPipeline pipeline;
    /** Set once when the bot begins to stop; new requests are told to come back. */
    private volatile boolean stopping;
    private final Duration progressInterval;
    private final LongSupplier nanoClock;

    public TopCommandListener(TopOptionsParser parser, InteractionCallbacks callbacks, GuildRateLimiter limiter,
                              RecordingQueue queue, RecordingQueue answers, Recordings recordings,
                              GifPipeline pipeline, Duration progressInterval, LongSupplier nanoClock) {
        this.parser = parser;
        this.callbacks = callbacks;
        this.limiter = limiter;
        this.queue = queue;
        this.answers = answers;
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.progressInterval = progressInterval;
        this.nanoClock = nanoClock;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!event.getName().equals(TopCommand.NAME)) {
            return;
        }
        if (event.getGuild() == null) {
            refuse(event, 0, "/top works in servers only.");
            return;
        }
        long guildId = event.getGuild().getIdLong();
        if (stopping) {
            refuse(event, guildId, "The bot is restarting; try again in a minute.");
            return;
        }
        TopOptionsParser.Result parsed = parser.parse(option(event, "seconds"), option(event, "sort"),
                option(event, "filter"), option(event, "rows"), option(event, "theme"), option(event, "order"),
                option(event, "live"));
        if (parsed instanceof TopOptionsParser.Result.Invalid invalid) {
            refuse(event, guildId, invalid.message());
            return;
        }
        TopOptions options = ((TopOptionsParser.Result.Valid) parsed).options();
        RateDecision decision = limiter.tryAcquire(guildId);
        if (!decision.allowed()) {
            refuse(event, guildId, "You can use /top again in " + decision.retryAfterSeconds() + " s.");
            return;
        }
        // Our own callback, so the reply is edited through a hook that does not depend on JDA's.
        InteractionHook hook = InteractionHook.from(event.getJDA(), event.getToken());
        RecordingPlan plan = pipeline.plan(options);
        // Taken now, so the GIF ends at the moment of the request however long it waits for a thread.
        Optional<CompletableFuture<List<SystemSample>>> recent = options.live() ? Optional.empty()
                : recordings.recent(plan);
        RecordingJob job = new RecordingJob(hook, guildId, plan, recent);
        RecordingQueue.Admission admission = (recent.isPresent() ? answers : queue).submit(job);
        if (admission instanceof RecordingQueue.Admission.Refused) {
            limiter.refund(guildId); // the guild is not to blame for a busy bot
            refuse(event, guildId, recent.isPresent()
                    ? "Too many requests are being answered right now; try again in a minute."
                    : "Too many recordings are running or waiting right now; try again in a minute.");
            return;
        }
        callbacks.defer(event.getIdLong(), event.getToken(), event.getTimeCreated().toInstant())
                .whenComplete((outcome, failed) -> {
                    boolean deferred = failed == null && outcome.sent();
                    job.acknowledged.complete(deferred);
                    if (!deferred) {
                        limiter.refund(guildId);
                        LOG.warn("guild {}: could not acknowledge /top ({}); not recording it", guildId,
                                failed != null ? failed.toString() : outcome.failure() + " after " + outcome.attempts()
                                        + (outcome.attempts() == 1 ? " attempt" : " attempts"));
                    } else if (admission instanceof RecordingQueue.Admission.Queued queued && recent.isEmpty()) {
                        hook.editOriginal("Waiting for a free recorder (" + (queued.ahead() + 1) + " in line)…")
                                .setAllowedMentions(ChatText.noMentions())
                                .queue(null, failure -> LOG.debug("guild {}: progress edit failed", guildId, failure));
                    }
                });
    }

    /** From now on, new requests are told that the bot is restarting. */
    public void stopTaking() {
        stopping = true;
    }

    /** Tells the users of recordings that will never start (the bot is stopping). */
    public void tellWaiting(List<Runnable> neverStarted) {
        for (Runnable job : neverStarted) {
            if (job instanceof RecordingJob recording && recording.isAcknowledged()) {
                tellFailure(recording.hook, recording.guildId,
                        "Sorry, the bot is restarting and dropped the line; try again in a minute.", null);
            }
        }
    }

    /** One request: runs on a recording or an answer thread; everything it knows is its own. */
    private final class RecordingJob implements Runnable {
        final InteractionHook hook;
        final long guildId;
        final RecordingPlan plan;
        /** The history's last seconds as of the request; empty records the next ones. */
        final Optional<CompletableFuture<List<SystemSample>>> recent;
        /** Completed with whether Discord took the deferral; nothing is recorded for a reply no one can get. */
        final CompletableFuture<Boolean> acknowledged = new CompletableFuture<>();
        /** Whether the user was already told that the bot is stopping. */
        final AtomicBoolean told = new AtomicBoolean();

        RecordingJob(InteractionHook hook, long guildId, RecordingPlan plan,
                     Optional<CompletableFuture<List<SystemSample>>> recent) {
            this.hook = hook;
            this.guildId = guildId;
            this.plan = plan;
            this.recent = recent;
        }

        boolean isAcknowledged() {
            return acknowledged.getNow(false);
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
            running.add(this);
            try {
                record(this);
            } finally {
                running.remove(this);
            }
        }
    }

    private void record(RecordingJob job) {
        InteractionHook hook = job.hook;
        long guildId = job.guildId;
        RecordingPlan plan = job.plan;
        try {
            List<SystemSample> samples = job.recent.isPresent() ? Recordings.await(job.recent.get(), plan)
                    : recordings.record(plan, new ProgressEditor(hook, guildId, progressInterval, nanoClock));
            Optional<GifPipeline.RenderedGif> gif = pipeline.render(samples, plan, Optional.empty());
            if (gif.isEmpty()) {
                hook.editOriginal("Sorry, even a one-frame GIF is larger than this server's upload limit.")
                        .setAllowedMentions(ChatText.noMentions())
                        .queue(null, failure -> LOG.warn("guild {}: could not report the size", guildId));
                return;
            }
            upload(hook, guildId, gif.get());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            if (job.told.compareAndSet(false, true)) {
                tellFailure(hook, guildId, "Sorry, the bot is shutting down; try again in a moment.", null);
            }
        } catch (RuntimeException failed) {
            tellFailure(hook, guildId, "Sorry, the recording failed. The bot's log has the details.", failed);
        }
    }

    /**
     * Tells the users whose recordings are still running, when the bot stops before they finish, and waits up
     * to {@code timeout} for Discord to take the messages.
     */
    public void tellStillRunning(Duration timeout) throws InterruptedException {
        List<CompletableFuture<?>> sent = new java.util.ArrayList<>();
        for (RecordingJob job : running) {
            if (job.told.compareAndSet(false, true)) {
                sent.add(job.hook.editOriginal("Sorry, the bot is restarting before your recording finished; "
                        + "try again in a minute.").setFiles().setAllowedMentions(ChatText.noMentions()).submit());
            }
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException notAll) {
            LOG.warn("could not tell every user whose recording was stopped: {}", notAll.toString());
        }
    }

    /**
     * Edits the reply with the GIF. JDA retries 502-504 itself but never a 500, so a server error is retried
     * here a few times with a short pause before the user is told.
     */
    private void upload(InteractionHook hook, long guildId, GifPipeline.RenderedGif gif) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                hook.editOriginal(gif.summary())
                        .setFiles(FileUpload.fromData(gif.gif(), "top.gif").setDescription(gif.altText()))
                        .setAllowedMentions(ChatText.noMentions())
                        .complete();
                return;
            } catch (ErrorResponseException failed) {
                boolean retry = failed.isServerError() && attempt < UPLOAD_ATTEMPTS;
                LOG.warn("guild {}: upload attempt {} failed: HTTP {} {}", guildId, attempt,
                        failed.getErrorCode(), failed.getMeaning());
                if (!retry) {
                    tellFailure(hook, guildId, failed.isServerError()
                            ? "Sorry, Discord would not take the GIF right now (it answered with an error). Try again in a minute."
                            : "Sorry, Discord refused the GIF: " + failed.getMeaning(), null);
                    return;
                }
                Thread.sleep(500L * attempt);
            }
        }
    }

    private void tellFailure(InteractionHook hook, long guildId, String message, Throwable cause) {
        if (cause != null) {
            LOG.warn("guild {}: /top failed: {}", guildId, FailureCause.oneLine(cause));
        }
        hook.editOriginal(message).setFiles().setAllowedMentions(ChatText.noMentions()).queue(null,
                failure -> LOG.warn("guild {}: could not tell the user that /top failed: {}", guildId,
                        failure.toString()));
    }

    private void refuse(SlashCommandInteractionEvent event, long guildId, String message) {
        callbacks.replyEphemeral(event.getIdLong(), event.getToken(), event.getTimeCreated().toInstant(), message)
                .whenComplete((outcome, failed) -> {
                    if (failed != null || !outcome.sent()) {
                        LOG.warn("guild {}: could not answer /top ({})", guildId,
                                failed != null ? failed.toString() : outcome.failure());
                    }
                });
    }

    private static String option(SlashCommandInteractionEvent event, String name) {
        OptionMapping option = event.getOption(name);
        return option == null ? null : option.getAsString();
    }
}

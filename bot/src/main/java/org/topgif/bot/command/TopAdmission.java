package org.topgif.bot.command;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.hosts.FleetView;
import org.topgif.bot.hosts.HostResolution;
import org.topgif.bot.post.Shown;
import org.topgif.bot.post.TopOptions;
import org.topgif.bot.ratelimit.GuildRateLimiter;
import org.topgif.bot.ratelimit.RateDecision;
import org.topgif.bot.ratelimit.RecordingQueue;
import org.topgif.config.HostName;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.SystemSample;

/**
 * Whether a /top is taken, decided without JDA: its options checked, one of the guild's tokens taken, and a
 * place in the answer queue (from the history) or the recording queue (live). A refusal carries the one line
 * the user is told; the guild gets its token back when the bot, not the guild, is to blame. Thread-safe: it
 * holds only thread-safe collaborators.
 */
public final class TopAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(TopAdmission.class);

    private final TopOptionsParser parser;
    private final GuildRateLimiter limiter;
    /** Live recordings, which wait for the seconds they record. */
    private final RecordingQueue recordingQueue;
    /** Answers from the history, which are drawn and uploaded at once. */
    private final RecordingQueue answerQueue;
    private final TopAnswers answers;
    private final FleetView hosts;

    /** For a bot that shows only its own host. */
    public TopAdmission(TopOptionsParser parser, GuildRateLimiter limiter, RecordingQueue recordingQueue,
                        RecordingQueue answerQueue, TopAnswers answers) {
        this(parser, limiter, recordingQueue, answerQueue, answers,
                FleetView.alone(new HostName(answers.pipeline.host())));
    }

    /** @param hosts which host a request's host option means, and the fleet's samples */
    public TopAdmission(TopOptionsParser parser, GuildRateLimiter limiter, RecordingQueue recordingQueue,
                        RecordingQueue answerQueue, TopAnswers answers, FleetView hosts) {
        this.hosts = hosts;
        this.parser = parser;
        this.limiter = limiter;
        this.recordingQueue = recordingQueue;
        this.answerQueue = answerQueue;
        this.answers = answers;
    }

    /** What became of a request. */
    sealed interface Decision {
        /** Not taken; {@code message} is what the user is told, privately. */
        record Refused(String message) implements Decision {
        }

        /** Taken and queued; it runs once Discord takes the acknowledgement. */
        record Taken(TopAnswer answer, RecordingQueue.Admission place) implements Decision {
        }
    }

    /**
     * Decides on one request.
     *
     * @param option the value the user gave for an option, by its name; null when not given
     * @param reply  where the answer will go once acknowledged
     */
    Decision admit(long guildId, UnaryOperator<String> option, TopReply reply) {
        TopOptionsParser.Result parsed = parser.parse(option.apply("seconds"), option.apply("sort"),
                option.apply("filter"), option.apply("rows"), option.apply("theme"), option.apply("order"),
                option.apply("live"), option.apply("layout"));
        if (parsed instanceof TopOptionsParser.Result.Invalid invalid) {
            return new Decision.Refused(invalid.message());
        }
        TopOptions options = ((TopOptionsParser.Result.Valid) parsed).options();
        HostResolution host = hosts.resolve(option.apply("host"));
        if (host instanceof HostResolution.Refused refused) {
            return new Decision.Refused(refused.message());
        }
        if (!(host instanceof HostResolution.Own) && options.live()) {
            return new Decision.Refused("live:true records this bot's own host; /top host:… shows a fleet host's "
                    + "last seconds.");
        }
        RateDecision rate = limiter.tryAcquire(guildId);
        if (!rate.allowed()) {
            return new Decision.Refused("You can use /top again in " + rate.retryAfterSeconds() + " s.");
        }
        RecordingPlan plan = answers.pipeline.plan(options);
        // Taken now, so the GIF ends at the moment of the request however long it waits for a thread.
        TopAnswer answer;
        if (host instanceof HostResolution.Remote remote) {
            answer = answers.answer(reply, guildId, plan, hosts.recent(remote.host(), plan), remote.host().value());
        } else if (host instanceof HostResolution.Fleet) {
            answer = answers.answer(reply, guildId, plan, hosts.overview(plan), Shown.Fleet.NAME);
        } else {
            Optional<CompletableFuture<List<SystemSample>>> recent = options.live() ? Optional.empty()
                    : answers.recordings.recent(plan);
            answer = answers.answer(reply, guildId, plan, recent);
        }
        RecordingQueue.Admission place = (answer.live() ? recordingQueue : answerQueue).submit(answer);
        if (place instanceof RecordingQueue.Admission.Refused) {
            limiter.refund(guildId); // the guild is not to blame for a busy bot
            return new Decision.Refused(answer.live()
                    ? "Too many recordings are running or waiting right now; try again in a minute."
                    : "Too many requests are being answered right now; try again in a minute.");
        }
        return new Decision.Taken(answer, place);
    }

    /**
     * What Discord said to the acknowledgement of a taken request: the answer runs only if it was taken, else
     * the guild gets its token back; a live recording waiting in line shows its place.
     *
     * @param failed what stopped the callback from being sent at all; null when {@code outcome} says
     */
    void acknowledged(Decision.Taken taken, long guildId, InteractionCallbacks.Outcome outcome, Throwable failed) {
        boolean deferred = failed == null && outcome.sent();
        taken.answer().acknowledged(deferred);
        if (!deferred) {
            limiter.refund(guildId);
            LOG.warn("guild {}: could not acknowledge /top ({}); not recording it", guildId,
                    failed != null ? failed.toString() : outcome.failure() + " after " + outcome.attempts()
                            + (outcome.attempts() == 1 ? " attempt" : " attempts"));
        } else if (taken.place() instanceof RecordingQueue.Admission.Queued queued && taken.answer().live()) {
            taken.answer().reply().show("Waiting for a free recorder (" + (queued.ahead() + 1) + " in line)…");
        }
    }
}

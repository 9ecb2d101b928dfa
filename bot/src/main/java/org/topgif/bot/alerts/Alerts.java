package org.topgif.bot.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.failure.FailureCause;
import org.topgif.bot.post.ChannelPublisher;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.Shown;
import org.topgif.bot.post.TopButtons;
import org.topgif.bot.post.TopOptions;
import org.topgif.bot.recordings.Recordings;
import org.topgif.bot.schedule.Sleeper;
import org.topgif.config.AlertRule;
import org.topgif.config.AlertSpec;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.SortKey;

/**
 * The alerts on one host: every sample the host's source takes (the history's sampler for this host, the
 * broker's subscription for a fleet host) is checked against each alert's rule on that thread, a few
 * comparisons per process and no sampling of its own; an episode that fires or resolves is handed to one thread
 * of the alerts', which draws the GIF of the time before the trouble from the host's recent samples and posts
 * or edits the alert's message. A Discord fault is tried again for up to 10 minutes.
 *
 * <p>Thread-safe: each alert's episodes belong to the one thread that takes the host's samples; its messages to
 * the alerts' thread.
 */
public final class Alerts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    static final Duration LONGEST_TRYING = Duration.ofMinutes(10);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    /** An alert and its episodes so far. */
    private record Watched(AlertSpec spec, AlertEpisodes episodes) {
    }

    private final List<Watched> watched;
    private final String host;
    private final IntSupplier cores;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Function<RecordingPlan, CompletableFuture<Shown>> recent;
    private final GifPipeline pipeline;
    private final AlertMessages messages;
    /** The fleet's hosts for the menu under a message; none without a fleet. */
    private final Supplier<List<String>> hostChoices;
    private final ExecutorService work = Executors.newSingleThreadExecutor(job -> {
        Thread thread = new Thread(job, "topgif-alerts");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The alerts {@code specs} on one host, whose samples the caller hands to {@link #take}.
     *
     * @param host   the host's name, as the messages name it
     * @param cores  the host's logical CPUs, for load-per-core rules
     * @param recent the host's last samples for a plan, for an alert's GIF
     * @param hostChoices the fleet's hosts for the menu under a message; none without a fleet
     */
    public Alerts(List<AlertSpec> specs, String host, IntSupplier cores, Clock clock, Sleeper sleeper,
                  Function<RecordingPlan, CompletableFuture<Shown>> recent, GifPipeline pipeline,
                  ChannelPublisher publisher, Supplier<List<String>> hostChoices) {
        this.hostChoices = hostChoices;
        List<Watched> mine = new ArrayList<>();
        for (AlertSpec spec : specs) {
            mine.add(new Watched(spec, new AlertEpisodes(spec.forDuration())));
        }
        this.watched = List.copyOf(mine);
        this.host = host;
        this.cores = cores;
        this.clock = clock;
        this.sleeper = sleeper;
        this.recent = recent;
        for (Watched each : watched) {
            LOG.info("{}: watching every sample", describe(each.spec()));
        }
        this.pipeline = pipeline;
        this.messages = new AlertMessages(publisher);
    }

    /** Checks one sample of the host against every alert, on the thread that took it. */
    public void take(SystemSample sample) {
        Instant now = clock.instant();
        int cpus = cores.getAsInt();
        for (Watched each : watched) {
            Optional<AlertRule.Breach> breach = each.spec().rule().check(sample, cpus);
            each.episodes().take(now, breach).ifPresent(event -> work.execute(() -> handle(each.spec(), event)));
        }
    }

    private void handle(AlertSpec spec, AlertEpisodes.Event event) {
        try {
            if (event instanceof AlertEpisodes.Event.Fired fired) {
                fire(spec, fired);
            } else {
                AlertEpisodes.Event.Resolved resolved = (AlertEpisodes.Event.Resolved) event;
                String text = AlertText.resolved(spec, host, resolved.since(), resolved.until());
                Optional<ChannelPublisher.Outcome> outcome = attempt(spec, "resolved",
                        () -> messages.resolve(spec, host, text, clock.instant()));
                if (outcome.isEmpty()) {
                    LOG.info("{}: resolved after {}, but it has no message to say so in", describe(spec),
                            AlertText.lasted(Duration.between(resolved.since(), resolved.until())));
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            LOG.warn("{}: {}", describe(spec), FailureCause.oneLine(failed));
        }
    }

    private void fire(AlertSpec spec, AlertEpisodes.Event.Fired fired) throws InterruptedException {
        RecordingPlan plan = pipeline.plan(new TopOptions((int) spec.shown().toSeconds(),
                spec.rule().metric() == AlertRule.Metric.PROCESS_MEMORY || spec.rule().metric()
                        == AlertRule.Metric.MEMORY ? SortKey.MEM : SortKey.CPU, "", OptionalInt.empty(),
                pipeline.defaultTheme(), pipeline.defaultOrder(), false, pipeline.defaultLayout()));
        Shown samples = Recordings.await(recent.apply(plan), plan);
        Optional<GifPipeline.RenderedGif> drawn = pipeline.render(samples, plan, Optional.empty());
        if (drawn.isEmpty()) {
            LOG.warn("{}: fired, but even a one-frame GIF is larger than the upload limit", describe(spec));
            return;
        }
        GifPipeline.RenderedGif gif = new GifPipeline.RenderedGif(drawn.get().gif(),
                AlertText.firing(spec, host, fired.breach(), fired.since()),
                AlertText.altText(spec, host, fired.breach()),
                // A click shows the host now, as /top does, in this message.
                TopButtons.of(option -> option.equals("host") ? host : null, hostChoices.get()));
        attempt(spec, "fired", () -> Optional.of(messages.fire(spec, host, gif, fired.since(), clock.instant())));
    }

    /** Tries {@code show} until Discord takes it, refuses it, or {@link #LONGEST_TRYING} has passed. */
    private Optional<ChannelPublisher.Outcome> attempt(AlertSpec spec, String what,
                                                       Supplier<Optional<ChannelPublisher.Outcome>> show)
            throws InterruptedException {
        Instant giveUp = clock.instant().plus(LONGEST_TRYING);
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            Optional<ChannelPublisher.Outcome> outcome = show.get();
            if (outcome.isEmpty()) {
                return outcome;
            }
            if (outcome.get() instanceof ChannelPublisher.Outcome.Posted posted) {
                LOG.info("{}: {}; posted as message {}", describe(spec), what, posted.messageId());
                return outcome;
            }
            if (outcome.get() instanceof ChannelPublisher.Outcome.Edited edited) {
                LOG.info("{}: {}; edited message {}", describe(spec), what, edited.messageId());
                return outcome;
            }
            if (outcome.get() instanceof ChannelPublisher.Outcome.Refused refused) {
                LOG.warn("{}: {}, but Discord refused the message ({})", describe(spec), what, refused.reason());
                return outcome;
            }
            String reason = ((ChannelPublisher.Outcome.Failed) outcome.get()).reason();
            Instant retry = clock.instant().plus(pause);
            if (retry.isAfter(giveUp)) {
                LOG.warn("{}: {}, but gave up after {} attempts ({})", describe(spec), what, attempt, reason);
                return outcome;
            }
            sleeper.sleepUntil(retry);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) < 0 ? pause.multipliedBy(2) : LONGEST_PAUSE;
        }
    }

    /** "alert db cpu (host-cpu > 90%) on db-1 to channel 123", for log lines. */
    private String describe(AlertSpec spec) {
        return "alert " + spec.name() + " (" + spec.rule().describe() + ") on " + host + " to channel "
                + spec.channel();
    }

    /** Stops the alerts' thread; an event under way gets {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        work.shutdown();
        if (!work.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            work.shutdownNow();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ZERO);
    }
}

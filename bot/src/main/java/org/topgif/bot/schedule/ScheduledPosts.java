package org.topgif.bot.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.FailureCause;
import org.topgif.bot.command.Recordings;
import org.topgif.bot.post.ChannelPublisher;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.TopOptions;
import org.topgif.config.ScheduleSettings;
import org.topgif.config.ScheduleSpec;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.sample.SystemSample;

/**
 * Decides when each schedule posts, and hands the post to the shared path and the channel publisher: the
 * history's last seconds at the slot (or, without a history, one recording per slot for the schedules that
 * record as long), then each one's GIF in its channel. A post is
 * retried after a 5xx or a dropped connection until its slot's window closes (the next slot, or 10 minutes),
 * always with the slot's nonce, so a slot gets one message whatever Discord answered. A slot missed while
 * the bot was down is posted at start-up only within the grace; older ones are skipped.
 *
 * <p>Thread-safe: one thread runs {@link #runUntil} and owns the timing; posts run on {@code posts}, so a
 * slow recording or upload never delays another schedule. The last result of each schedule is published in
 * a concurrent map for {@code /top-schedules}.
 */
public final class ScheduledPosts {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPosts.class);
    static final Duration LONGEST_WINDOW = Duration.ofMinutes(10);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    private final ScheduleSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Recordings recordings;
    private final GifPipeline pipeline;
    private final ChannelPublisher publisher;
    private final Executor posts;
    private final Map<ScheduleSpec, String> lastResults = new ConcurrentHashMap<>();

    public ScheduledPosts(ScheduleSettings settings, Clock clock, Sleeper sleeper, Recordings recordings,
                          GifPipeline pipeline, ChannelPublisher publisher, Executor posts) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.publisher = publisher;
        this.posts = posts;
    }

    /** The schedules, their zone and grace. */
    public ScheduleSettings settings() {
        return settings;
    }

    /** The slots of a schedule in the settings' zone. */
    public Slots slotsOf(ScheduleSpec spec) {
        return new Slots(spec.every(), spec.offset(), settings.zone());
    }

    /** What happened at a schedule's last slot, or empty before its first. */
    public Optional<String> lastResult(ScheduleSpec spec) {
        return Optional.ofNullable(lastResults.get(spec));
    }

    /**
     * This guild's schedules in a few lines for /top-schedules: each one's channel, when its next post is due
     * (a Discord timestamp, shown in the reader's time) and how its last one went.
     */
    public String reportFor(long guildId) {
        Instant now = clock.instant();
        StringBuilder report = new StringBuilder();
        for (ScheduleSpec spec : settings.schedules()) {
            if (publisher.guildOf(spec.channel()) != guildId) {
                continue;
            }
            long next = slotsOf(spec).after(now).getEpochSecond();
            report.append("• every ").append(ScheduleSpec.describe(spec.every())).append(" to <#")
                    .append(spec.channel()).append(">: next <t:").append(next).append(":R> (<t:").append(next)
                    .append(":t>); last: ").append(lastResult(spec).orElse("none yet")).append('\n');
        }
        if (report.isEmpty()) {
            return "This server has no scheduled posts. The bot's operator adds them with TOPGIF_SCHEDULE_CHANNEL "
                    + "or topgif.schedules.";
        }
        String text = "Scheduled process GIFs in this server:\n" + report;
        // Discord's limit for a message's content.
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    /** Says once, at start-up, whether each schedule's channel can take its posts. */
    public void checkChannels() {
        for (ScheduleSpec spec : settings.schedules()) {
            Optional<String> problem = publisher.problemWith(spec.channel());
            if (problem.isPresent()) {
                LOG.warn("{}: {}; it needs View Channel, Send Messages and Attach Files", describe(spec), problem.get());
            } else {
                LOG.info("{}: next post at {}", describe(spec), slotsOf(spec).after(clock.instant()));
            }
        }
    }

    /** Posts every slot from now until {@code end} ({@link Instant#MAX} for ever), or until interrupted. */
    public void runUntil(Instant end) throws InterruptedException {
        if (settings.schedules().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<ScheduleSpec, Instant> next = new LinkedHashMap<>();
        for (ScheduleSpec spec : settings.schedules()) {
            Slots slots = slotsOf(spec);
            Instant last = slots.atOrBefore(now);
            // Missed while the bot was down, but recent enough to be worth showing; its nonce keeps it single.
            next.put(spec, Duration.between(last, now).compareTo(settings.grace()) <= 0 ? last : slots.after(now));
        }
        while (true) {
            Instant soonest = next.values().stream().min(Instant::compareTo).orElseThrow();
            if (soonest.isAfter(end)) {
                return;
            }
            sleeper.sleepUntil(soonest);
            List<ScheduleSpec> due = new ArrayList<>();
            next.forEach((spec, slot) -> {
                if (slot.equals(soonest)) {
                    due.add(spec);
                }
            });
            dispatch(soonest, due);
            for (ScheduleSpec spec : due) {
                next.put(spec, slotsOf(spec).after(soonest));
            }
        }
    }

    /** Schedules that record for as long share one recording: samples do not depend on how they are drawn. */
    private void dispatch(Instant slot, List<ScheduleSpec> due) {
        Map<Integer, List<ScheduleSpec>> bySeconds = new LinkedHashMap<>();
        for (ScheduleSpec spec : due) {
            bySeconds.computeIfAbsent(spec.seconds(), seconds -> new ArrayList<>()).add(spec);
        }
        for (List<ScheduleSpec> group : bySeconds.values()) {
            posts.execute(() -> recordAndPost(slot, group));
        }
    }

    private void recordAndPost(Instant slot, List<ScheduleSpec> group) {
        List<SystemSample> samples;
        try {
            samples = samplesFor(pipeline.plan(options(group.get(0))));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException failed) {
            for (ScheduleSpec spec : group) {
                fail(spec, "the recording failed: " + FailureCause.oneLine(failed));
            }
            return;
        }
        for (ScheduleSpec spec : group) {
            try {
                post(spec, slot, samples);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                fail(spec, "the post failed: " + FailureCause.oneLine(failed));
            }
        }
    }

    /** The history's last seconds when there is one, as /top shows them; else a recording of the next ones. */
    private List<SystemSample> samplesFor(RecordingPlan plan) throws InterruptedException {
        Optional<CompletableFuture<List<SystemSample>>> recent = recordings.recent(plan);
        if (recent.isEmpty()) {
            return recordings.record(plan, (done, total) -> { });
        }
        return Recordings.await(recent.get(), plan);
    }

    private void post(ScheduleSpec spec, Instant slot, List<SystemSample> samples) throws InterruptedException {
        Slots slots = slotsOf(spec);
        String label = slots.label(slot);
        RecordingPlan plan = pipeline.plan(options(spec));
        Optional<GifPipeline.RenderedGif> gif = pipeline.render(samples, plan, Optional.of(label));
        if (gif.isEmpty()) {
            fail(spec, "even a one-frame GIF is larger than the upload limit");
            return;
        }
        Instant windowEnd = min(slots.after(slot), slot.plus(LONGEST_WINDOW));
        String nonce = SlotNonce.of(spec.channel(), slot);
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            ChannelPublisher.Outcome outcome = publisher.post(spec.channel(), gif.get(), spec.silent(), nonce);
            if (outcome instanceof ChannelPublisher.Outcome.Posted) {
                lastResults.put(spec, "posted the " + label + " GIF");
                return;
            }
            if (outcome instanceof ChannelPublisher.Outcome.Refused refused) {
                fail(spec, "Discord refused the " + label + " post (" + refused.reason() + "); trying again at "
                        + slots.label(slots.after(slot)));
                return;
            }
            String reason = ((ChannelPublisher.Outcome.Failed) outcome).reason();
            Instant retry = clock.instant().plus(pause);
            if (!retry.isBefore(windowEnd)) {
                fail(spec, "gave up on the " + label + " post after " + attempt + (attempt == 1 ? " attempt" : " attempts")
                        + " (" + reason + "); the next is at " + slots.label(slots.after(slot)));
                return;
            }
            sleeper.sleepUntil(retry);
            pause = min(pause.multipliedBy(2), LONGEST_PAUSE);
        }
    }

    private void fail(ScheduleSpec spec, String what) {
        lastResults.put(spec, what);
        LOG.warn("{}: {}", describe(spec), what);
    }

    private TopOptions options(ScheduleSpec spec) {
        return new TopOptions(spec.seconds(), spec.sort(), "", spec.rows(), spec.theme(), pipeline.defaultOrder(),
                false);
    }

    /** "schedule every 1h to channel 123 (guild 456)", for log lines. */
    public String describe(ScheduleSpec spec) {
        long guild = publisher.guildOf(spec.channel());
        return "schedule every " + ScheduleSpec.describe(spec.every()) + " to channel " + spec.channel()
                + (guild != 0 ? " (guild " + guild + ")" : "");
    }

    private static <T extends Comparable<? super T>> T min(T a, T b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package org.topgif.bot.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.failure.FailureCause;
import org.topgif.bot.hosts.FleetView;
import org.topgif.bot.hosts.HostResolution;
import org.topgif.bot.recordings.Recordings;
import org.topgif.bot.post.ChannelPublisher;
import org.topgif.bot.post.ChatText;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.Shown;
import org.topgif.bot.post.TopButtons;
import org.topgif.bot.post.TopOptions;
import org.topgif.config.ScheduleMode;
import org.topgif.config.ScheduleSettings;
import org.topgif.config.ScheduleSpec;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.screen.TopFormats;

/**
 * Decides when each schedule posts, and hands the post to the shared path and the channel publisher: the
 * history's last seconds at the slot (or, without a history, one recording per slot for the schedules that
 * record as long), then each one's GIF in its channel. A post is
 * retried after a 5xx or a dropped connection until its slot's window closes (half a period after the slot,
 * at most 10 minutes), always with the slot's nonce and attachment name, so a slot gets one message whatever
 * Discord answered. A slot missed while the bot was down is posted at start-up only within the grace, only
 * if the channel does not hold it yet, and only in time to keep half a period before the next slot's post;
 * older ones are skipped. A schedule in edit mode shows each slot by editing its one message instead
 * ({@link StatusMessages}); the same windows and retries apply.
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
    /** How long a fleet host's post waits for the host directory just after start-up. */
    private static final Duration DIRECTORY_PATIENCE = Duration.ofSeconds(10);

    private final ScheduleSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Recordings recordings;
    private final FleetView hosts;
    private final GifPipeline pipeline;
    private final ChannelPublisher publisher;
    private final StatusMessages statusMessages;
    private final Executor posts;
    private final Map<ScheduleSpec, String> lastResults = new ConcurrentHashMap<>();

    /** @param hosts the hosts a schedule may show besides this one, and their samples */
    public ScheduledPosts(ScheduleSettings settings, Clock clock, Sleeper sleeper, Recordings recordings,
                          FleetView hosts, GifPipeline pipeline, ChannelPublisher publisher, Executor posts) {
        this.hosts = hosts;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.publisher = publisher;
        this.statusMessages = new StatusMessages(publisher);
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
            report.append("• every ").append(ScheduleSpec.describe(spec.every()))
                    .append(spec.host().isDefault() ? "" : " of " + ChatText.escape(spec.host().describe()))
                    .append(" to <#")
                    .append(spec.channel()).append(">: next <t:").append(next).append(":R> (<t:").append(next)
                    .append(":t>); last: ").append(lastResult(spec).orElse("none yet")).append('\n');
        }
        if (report.isEmpty()) {
            return "This server has no scheduled posts. The bot's operator adds them with TOPGIF_SCHEDULE_CHANNEL "
                    + "or topgif.schedules.";
        }
        return TopFormats.ellipsize("Scheduled process GIFs in this server:\n" + report, ChatText.MESSAGE_MAX_LENGTH);
    }

    /** Says once, at start-up, whether each schedule's channel can take its posts. */
    public void checkChannels() {
        for (ScheduleSpec spec : settings.schedules()) {
            Optional<String> problem = publisher.problemWith(spec.channel());
            if (problem.isPresent()) {
                LOG.warn("{}: {}; it needs {}", describe(spec), problem.get(), ChannelPublisher.NEEDED_IN_WORDS);
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
            boolean recent = Duration.between(last, now).compareTo(settings.grace()) <= 0;
            if (recent && !last.equals(now)) {
                // Missed while the bot was down, but recent enough to be worth showing, if still wanted.
                dispatch(last, List.of(spec), true);
            } else if (!recent) {
                skip(spec, slots.label(last), "it was " + ScheduleSpec.describe(Duration.ofSeconds(
                        Duration.between(last, now).toSeconds())) + " before start-up, longer than schedule-grace ("
                        + ScheduleSpec.describe(settings.grace()) + ")");
            }
            next.put(spec, last.equals(now) ? last : slots.after(now));
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
            dispatch(soonest, due, false);
            for (ScheduleSpec spec : due) {
                next.put(spec, slotsOf(spec).after(soonest));
            }
        }
    }

    /**
     * Schedules of one host that record for as long share one recording: samples do not depend on how they
     * are drawn.
     */
    private void dispatch(Instant slot, List<ScheduleSpec> due, boolean missed) {
        Map<List<Object>, List<ScheduleSpec>> groups = new LinkedHashMap<>();
        for (ScheduleSpec spec : due) {
            groups.computeIfAbsent(List.of(spec.seconds(), spec.host()), key -> new ArrayList<>()).add(spec);
        }
        for (List<ScheduleSpec> group : groups.values()) {
            posts.execute(() -> recordAndPost(slot, group, missed));
        }
    }

    /**
     * What a group's slot shows as of now: its host's last seconds, from the history or the fleet's broker;
     * empty when the samples are recorded from now on instead.
     *
     * @throws HostNotShown when its host cannot be shown now: silent, unknown, or behind an unreachable broker
     */
    private Optional<CompletableFuture<Shown>> recent(ScheduleSpec first, RecordingPlan plan)
            throws InterruptedException, HostNotShown {
        if (!first.host().isDefault() || hosts.defaultIsRemote()) {
            // Just after start-up the directory may not be in memory yet; the host is not unknown for that.
            hosts.awaitDirectory(DIRECTORY_PATIENCE);
        }
        HostResolution target = hosts.resolve(first.host().asked());
        if (target instanceof HostResolution.Refused refused) {
            throw new HostNotShown(refused.message());
        }
        if (target instanceof HostResolution.Remote remote) {
            return Optional.of(hosts.recent(remote.host(), plan));
        }
        if (target instanceof HostResolution.Fleet) {
            return Optional.of(hosts.overview(plan));
        }
        return recordings.recent(plan).map(samples -> samples.thenApply(pipeline::own));
    }

    /**
     * One slot's recording and posts.
     *
     * @param missed whether the slot passed while the bot was down: then it is posted only if the channel does
     *               not have it yet and no later slot's post would come too close
     */
    private void recordAndPost(Instant slot, List<ScheduleSpec> group, boolean missed) {
        Shown shown;
        Duration lag;
        List<ScheduleSpec> posting = group;
        try {
            RecordingPlan plan = pipeline.plan(options(group.get(0)));
            Optional<CompletableFuture<Shown>> recent = recent(group.get(0), plan);
            // Without a history every slot's samples are recorded from the slot on, so every post comes later
            // by the recording's length, this one and the next alike.
            lag = recent.isPresent() ? Duration.ZERO : plan.duration();
            if (missed) {
                posting = group.stream().filter(spec -> stillMissing(spec, slot, lag)).toList();
                if (posting.isEmpty()) {
                    return;
                }
            }
            shown = recent.isPresent() ? Recordings.await(recent.get(), plan)
                    : pipeline.own(recordings.record(plan, (done, total) -> { }));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return;
        } catch (HostNotShown refused) {
            for (ScheduleSpec spec : group) {
                skip(spec, slotsOf(spec).label(slot), refused.getMessage());
            }
            return;
        } catch (RuntimeException failed) {
            for (ScheduleSpec spec : posting) {
                fail(spec, "the recording failed: " + FailureCause.oneLine(failed));
            }
            return;
        }
        for (ScheduleSpec spec : posting) {
            try {
                post(spec, slot, shown, lag, missed);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                fail(spec, "the post failed: " + FailureCause.oneLine(failed));
            }
        }
    }

    /**
     * When a post for a slot may still go out, and why not after that.
     *
     * @param end        the last moment, exclusive
     * @param whyClosed  the skip line's reason once it has passed
     */
    private record Window(Instant end, String whyClosed) {
    }

    /**
     * A slot's window: half a period after it, so that two posts of one schedule are never closer than half
     * its period (the next slot's post comes no earlier than its slot, both later by {@code lag}), and never
     * more than 10 minutes after it.
     */
    private Window windowOf(ScheduleSpec spec, Instant slot, Duration lag) {
        Slots slots = slotsOf(spec);
        Instant halfAPeriod = slot.plus(lag).plus(spec.every().dividedBy(2));
        Instant longest = slot.plus(LONGEST_WINDOW);
        return halfAPeriod.isAfter(longest)
                ? new Window(longest, "it is more than " + ScheduleSpec.describe(LONGEST_WINDOW) + " past its slot")
                : new Window(halfAPeriod, "the " + slots.label(slots.after(slot)) + " post is due");
    }

    /** Whether the window has closed; if so, the slot is skipped with its reason. */
    private boolean closed(ScheduleSpec spec, String label, Window window) {
        if (clock.instant().isBefore(window.end())) {
            return false;
        }
        skip(spec, label, window.whyClosed());
        return true;
    }

    /**
     * Whether a slot missed while the bot was down should still be posted: not when it is too late for it, nor
     * when the channel already holds the bot's post for it (Discord enforces a nonce only for a few minutes,
     * so after a longer stop only the channel knows).
     */
    private boolean stillMissing(ScheduleSpec spec, Instant slot, Duration lag) {
        String label = slotsOf(spec).label(slot);
        if (closed(spec, label, windowOf(spec, slot, lag))) {
            return false;
        }
        ChannelPublisher.Earlier earlier = spec.mode() == ScheduleMode.EDIT ? statusShows(spec, slot)
                : publisher.findOwnPost(spec.channel(), slot, SlotFileName.of(spec.every(), spec.host(), slot));
        if (earlier instanceof ChannelPublisher.Earlier.Found found) {
            skip(spec, label, "the channel has it already, message " + found.messageId());
            return false;
        }
        if (earlier instanceof ChannelPublisher.Earlier.Unknown unknown) {
            LOG.warn("{}: could not read the channel to see whether {} was posted ({}); posting it with its nonce, "
                    + "which Discord honours only for a few minutes", describe(spec), label, unknown.reason());
        }
        return true;
    }

    /** Whether an edited-in-place schedule's message already shows {@code slot}. */
    private ChannelPublisher.Earlier statusShows(ScheduleSpec spec, Instant slot) {
        ChannelPublisher.Found found = statusMessages.current(spec, describe(spec));
        if (found instanceof ChannelPublisher.Found.Unknown unknown) {
            return new ChannelPublisher.Earlier.Unknown(unknown.reason());
        }
        return ((ChannelPublisher.Found.Messages) found).messages().stream()
                .filter(message -> message.fileName().equals(fileName(spec, slot))).findFirst()
                .<ChannelPublisher.Earlier>map(message -> new ChannelPublisher.Earlier.Found(message.id()))
                .orElse(new ChannelPublisher.Earlier.None());
    }

    private static String fileName(ScheduleSpec spec, Instant slot) {
        return spec.mode() == ScheduleMode.EDIT ? SlotFileName.status(spec.every(), spec.host(), slot)
                : SlotFileName.of(spec.every(), spec.host(), slot);
    }

    private void post(ScheduleSpec spec, Instant slot, Shown shown, Duration lag, boolean missed)
            throws InterruptedException {
        Slots slots = slotsOf(spec);
        String label = slots.label(slot);
        RecordingPlan plan = pipeline.plan(options(spec));
        Optional<GifPipeline.RenderedGif> gif = pipeline.render(shown, plan, Optional.of(label))
                .map(drawn -> drawn.withButtons(TopButtons.of(buttonOptions(spec),
                        hosts.menu())));
        if (gif.isEmpty()) {
            fail(spec, "even a one-frame GIF is larger than the upload limit");
            return;
        }
        Window window = windowOf(spec, slot, lag);
        if (closed(spec, label, window)) {
            return;
        }
        String nonce = SlotNonce.of(spec.channel(), spec.every(), spec.host(), slot);
        String fileName = fileName(spec, slot);
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            ChannelPublisher.Outcome outcome = spec.mode() == ScheduleMode.EDIT
                    ? statusMessages.show(spec, describe(spec), gif.get(), nonce, fileName)
                    : publisher.post(spec.channel(), gif.get(), spec.silent(), nonce, fileName, OptionalLong.empty());
            if (outcome instanceof ChannelPublisher.Outcome.Edited edited) {
                lastResults.put(spec, "edited the " + label + " GIF into its message");
                LOG.info("{}: edited the {} GIF{}, {} bytes, into message {}", describe(spec), label,
                        missed ? " (missed while the bot was down)" : "", gif.get().gif().length, edited.messageId());
                return;
            }
            if (outcome instanceof ChannelPublisher.Outcome.Posted posted) {
                lastResults.put(spec, "posted the " + label + " GIF");
                LOG.info("{}: posted the {} GIF{}, {} bytes, as message {}", describe(spec), label,
                        missed ? " (missed while the bot was down)" : "", gif.get().gif().length, posted.messageId());
                return;
            }
            if (outcome instanceof ChannelPublisher.Outcome.Refused refused) {
                fail(spec, "Discord refused the " + label + " post (" + refused.reason() + "); trying again at "
                        + slots.label(slots.after(slot)));
                return;
            }
            String reason = ((ChannelPublisher.Outcome.Failed) outcome).reason();
            Instant retry = clock.instant().plus(pause);
            if (!retry.isBefore(window.end())) {
                fail(spec, "gave up on the " + label + " post after " + attempt + (attempt == 1 ? " attempt" : " attempts")
                        + " (" + reason + "); the next is at " + slots.label(slots.after(slot)));
                return;
            }
            sleeper.sleepUntil(retry);
            pause = min(pause.multipliedBy(2), LONGEST_PAUSE);
        }
    }

    /** A schedule's host cannot be shown at this slot; the message says why, as chat shows it. */
    private static final class HostNotShown extends Exception {
        HostNotShown(String message) {
            super(message, null, false, false);
        }
    }

    private void skip(ScheduleSpec spec, String label, String why) {
        lastResults.put(spec, "skipped the " + label + " GIF: " + why);
        LOG.info("{}: skipped {}: {}", describe(spec), label, why);
    }

    private void fail(ScheduleSpec spec, String what) {
        lastResults.put(spec, what);
        LOG.warn("{}: {}", describe(spec), what);
    }

    /** The schedule's options as /top takes them, for the buttons under its posts: a click asks as /top. */
    private static java.util.function.UnaryOperator<String> buttonOptions(ScheduleSpec spec) {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        options.put("seconds", Integer.toString(spec.seconds()));
        options.put("sort", spec.sort().userName());
        spec.rows().ifPresent(rows -> options.put("rows", Integer.toString(rows)));
        options.put("theme", spec.theme().userName());
        options.put("host", spec.host().asked());
        return options::get;
    }

    private TopOptions options(ScheduleSpec spec) {
        return new TopOptions(spec.seconds(), spec.sort(), "", spec.rows(), spec.theme(), pipeline.defaultOrder(),
                false, pipeline.defaultLayout());
    }

    /** "schedule every 1h to channel 123 (guild 456)", "schedule every 1h of db-1 to …", for log lines. */
    public String describe(ScheduleSpec spec) {
        long guild = publisher.guildOf(spec.channel());
        return "schedule every " + ScheduleSpec.describe(spec.every())
                + (spec.host().isDefault() ? "" : " of " + spec.host().describe()) + " to channel " + spec.channel()
                + (guild != 0 ? " (guild " + guild + ")" : "");
    }

    private static <T extends Comparable<? super T>> T min(T a, T b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

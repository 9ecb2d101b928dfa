package org.topgif.bot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;

import okhttp3.OkHttpClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.command.InteractionCallbacks;
import org.topgif.bot.recordings.Recordings;
import org.topgif.bot.command.TopCommand;
import org.topgif.bot.command.TopAdmission;
import org.topgif.bot.command.TopAnswers;
import org.topgif.bot.command.TopCommandListener;
import org.topgif.bot.command.TopOptionsParser;
import org.topgif.bot.command.TopSchedulesCommand;
import org.topgif.bot.command.PrivateReportListener;
import org.topgif.bot.command.TopHostsCommand;
import org.topgif.bot.failure.FailureCause;
import org.topgif.bot.hosts.FleetBroker;
import org.topgif.bot.hosts.FleetListing;
import org.topgif.bot.alertmanager.ReceivedAlerts;
import org.topgif.bot.alertmanager.WebhookServer;
import org.topgif.bot.alerts.Alerts;
import org.topgif.bot.hosts.FleetView;
import org.topgif.bot.health.HealthFile;
import org.topgif.bot.post.ChannelPublisher;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.schedule.ScheduleRunner;
import org.topgif.bot.schedule.ScheduledPosts;
import org.topgif.bot.schedule.Sleeper;
import org.topgif.bot.ratelimit.GuildRateLimiter;
import org.topgif.bot.ratelimit.RecordingQueue;
import org.topgif.config.AlertSpec;
import org.topgif.config.DiscordToken;
import org.topgif.config.HostName;
import org.topgif.config.TopgifSettings;

/**
 * The running bot: a JDA client with no privileged intents, /top registered, and its recordings. The one
 * place where the bot's parts are put together. Thread-safe to stop from a shutdown hook.
 */
public final class TopgifBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopgifBot.class);
    /** The most of a stop's grace kept for telling users and disconnecting. */
    private static final Duration CLOSING = Duration.ofSeconds(5);

    private final JDA jda;
    private final RecordingQueue queue;
    private final RecordingQueue answers;
    private final Recordings recordings;
    private final GifPipeline pipeline;
    private final TopCommandListener listener;
    private final ScheduledExecutorService timers;
    private final GatewaySessionController gateway;
    private final ScheduleRunner schedules;
    private final List<Alerts> alerts;
    private final Optional<Receiver> receiver;
    private final Optional<FleetBroker> fleet;

    private TopgifBot(JDA jda, RecordingQueue queue, RecordingQueue answers, Recordings recordings,
                      GifPipeline pipeline, TopCommandListener listener, ScheduledExecutorService timers,
                      GatewaySessionController gateway, ScheduleRunner schedules, List<Alerts> alerts,
                      Optional<Receiver> receiver, Optional<FleetBroker> fleet) {
        this.alerts = alerts;
        this.receiver = receiver;
        this.fleet = fleet;
        this.jda = jda;
        this.queue = queue;
        this.answers = answers;
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.listener = listener;
        this.timers = timers;
        this.gateway = gateway;
        this.schedules = schedules;
    }

    /** The scheduled posts, with what each last did. */
    public ScheduledPosts schedules() {
        return schedules.schedules();
    }

    /** The one path from samples to GIFs, which counts the GIFs it drew. */
    public GifPipeline pipeline() {
        return pipeline;
    }

    /**
     * Connects, waits until Discord says the bot is ready, and registers /top (and, with a fleet, /top-hosts).
     *
     * @param recordings where samples come from; the bot owns it from now and closes it when it stops
     * @param host       the name the summaries give this host
     * @param fleet      the fleet's broker, connected or connecting, or empty for this host alone; the bot owns
     *                   it from now and closes it
     * @param clock      the schedules' clock, and {@code sleeper} how they wait on it
     */
    public static TopgifBot start(TopgifSettings settings, DiscordToken token, Recordings recordings, String host,
                                  Optional<FleetBroker> fleet, Clock clock, Sleeper sleeper)
            throws InterruptedException {
        var limits = settings.rateLimit();
        RecordingQueue queue = new RecordingQueue("recording", limits.maxConcurrentRecordings(), limits.queueSize());
        RecordingQueue answers = new RecordingQueue("answer", limits.maxConcurrentAnswers(), limits.answerQueueSize());
        // One client for JDA and for the interaction callbacks that the bot sends and retries itself; one thread
        // for the callbacks' pauses and the health file.
        // OkHttp lets 5 requests at a time go to one host and queues the rest: 32 deferrals at once waited
        // behind each other and behind uploads for up to 235 ms (bench/load-latency). Every request goes to
        // Discord, so the per-host cap is the only one that matters.
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(64);
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).build();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(job -> {
            Thread thread = new Thread(job, "topgif-timers");
            thread.setDaemon(true);
            return thread;
        });
        InteractionCallbacks callbacks = new InteractionCallbacks(http, settings.discord().restUrl(), timers,
                System::currentTimeMillis);
        GifPipeline pipeline = new GifPipeline(settings.recording(), settings.discord().uploadLimitBytes(), host);
        TopAnswers answering = new TopAnswers(recordings, pipeline, settings.command().progressInterval(),
                System::nanoTime);
        FleetView hosts = fleet.map(broker -> broker.view(new HostName(host), settings))
                .orElse(FleetView.alone(new HostName(host)));
        TopCommandListener listener = new TopCommandListener(new TopAdmission(
                new TopOptionsParser(settings.command(), settings.screen(), settings.recording().theme()),
                new GuildRateLimiter(limits.burst(), limits.refill(), limits.idleEviction(), System::nanoTime),
                queue, answers, answering, hosts), callbacks, answering, hosts, settings.discord().administratorsOnly());
        GatewaySessionController gateway = new GatewaySessionController(settings.discord().gatewayUrl(),
                System::nanoTime);
        JDABuilder builder = JDABuilder.createLight(token.value(), EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(settings.discord().restUrl()))
                .setHttpClient(http)
                .setSessionController(gateway)
                .setGatewayPool(new GatewayPool(), true)
                // A slash-command bot receives little; plain JSON keeps the gateway simple to proxy and inspect.
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(listener);
        JDA jda = null;
        try {
            jda = builder.build();
            jda.awaitReady();
            List<SlashCommandData> commands = new ArrayList<>(List.of(TopCommand.definition(settings.command(),
                    settings.discord().administratorsOnly(), hosts.hasFleet()), TopSchedulesCommand.definition()));
            if (hosts.hasFleet()) {
                commands.add(TopHostsCommand.definition(settings.discord().administratorsOnly()));
            }
            CommandRegistrar.register(jda, commands, settings.discord().guildIds());
        } catch (InterruptedException | RuntimeException failed) {
            if (jda != null) {
                jda.shutdownNow();
            }
            release(queue, answers, timers, gateway, recordings, fleet);
            throw failed;
        }
        LOG.info("topgif is ready as {} in {} guilds", jda.getSelfUser().getName(), jda.getGuilds().size());
        ChannelPublisher publisher = new ChannelPublisher(jda);
        ScheduleRunner schedules = new ScheduleRunner(posts -> new ScheduledPosts(settings.schedules(), clock, sleeper,
                recordings, hosts, pipeline, publisher, posts));
        jda.addEventListener(new PrivateReportListener(TopSchedulesCommand.NAME, schedules.schedules()::reportFor,
                callbacks));
        List<Alerts> alerts = watchAlerts(settings, host, hosts, fleet, clock, sleeper, recordings, pipeline,
                publisher);
        Optional<Receiver> receiver = receive(settings, hosts, recordings, pipeline, publisher);
        if (hosts.hasFleet()) {
            jda.addEventListener(new PrivateReportListener(TopHostsCommand.NAME, guild -> FleetListing.of(hosts),
                    callbacks));
        }
        JDA connected = jda;
        settings.host().healthFile().ifPresent(file -> {
            HealthFile health = new HealthFile(file, Path.of("/proc"));
            timers.scheduleAtFixedRate(() -> health.refresh(
                    () -> connected.getStatus() == JDA.Status.CONNECTED, Clock.systemUTC()),
                    0, HealthFile.REFRESH.toSeconds(), TimeUnit.SECONDS);
        });
        return new TopgifBot(jda, queue, answers, recordings, pipeline, listener, timers, gateway, schedules, alerts,
                receiver, fleet);
    }

    public JDA jda() {
        return jda;
    }

    /** The webhook receiver and what shows its alerts; stopped with the bot. */
    private record Receiver(WebhookServer server, ReceivedAlerts alerts) {
    }

    /** Starts the webhook receiver if one is set; one that cannot listen is one log line, and the bot goes on. */
    private static Optional<Receiver> receive(TopgifSettings settings, FleetView hosts, Recordings recordings,
                                              GifPipeline pipeline, ChannelPublisher publisher) {
        if (!settings.alertmanager().enabled()) {
            return Optional.empty();
        }
        ReceivedAlerts alerts = new ReceivedAlerts(settings.alertmanager().channel(), hosts, recordings, pipeline,
                publisher, Math.min(60, Math.max(2, settings.history().seconds())));
        try {
            return Optional.of(new Receiver(WebhookServer.start(settings.alertmanager(), alerts), alerts));
        } catch (java.io.IOException cannotListen) {
            LOG.error("alertmanager: cannot listen on {}: {}", settings.alertmanager().listen().orElseThrow(),
                    FailureCause.describe(cannotListen));
            return Optional.empty();
        }
    }

    /**
     * The alerts, by host: this host's check the history's samples on its sampler's thread; a fleet host's
     * check each sample the broker passes on as it arrives, and draw their GIF from the broker's stream.
     */
    private static List<Alerts> watchAlerts(TopgifSettings settings, String host, FleetView hosts,
                                            Optional<FleetBroker> fleet, Clock clock, Sleeper sleeper,
                                            Recordings recordings, GifPipeline pipeline, ChannelPublisher publisher) {
        Map<HostName, List<AlertSpec>> byHost = new LinkedHashMap<>();
        for (AlertSpec spec : settings.alerts()) {
            HostName target = spec.host().orElse(settings.fleet().defaultHost().orElse(new HostName(host)));
            byHost.computeIfAbsent(target, key -> new ArrayList<>()).add(spec);
        }
        for (AlertSpec spec : settings.alerts()) {
            publisher.problemWith(spec.channel()).ifPresent(problem -> LOG.warn(
                    "alert {} to channel {}: {}; it needs {}", spec.name(), spec.channel(), problem,
                    ChannelPublisher.NEEDED_IN_WORDS));
        }
                List<Alerts> alerts = new ArrayList<>();
        byHost.forEach((target, specs) -> {
            if (target.value().equals(host)) {
                Alerts own = new Alerts(specs, host, Runtime.getRuntime()::availableProcessors, clock, sleeper,
                        plan -> recordings.recent(plan).orElseThrow(() -> new IllegalStateException(
                                "alerts need the history")).thenApply(pipeline::own), pipeline, publisher, hosts::menu);
                recordings.watch(own::take);
                alerts.add(own);
            } else if (fleet.isPresent()) {
                Alerts remote = new Alerts(specs, target.value(), () -> hosts.cores(target), clock, sleeper,
                        plan -> hosts.recent(target, plan), pipeline, publisher, hosts::menu);
                fleet.get().follow(target, remote::take);
                alerts.add(remote);
            } else {
                LOG.warn("alerts on {} are not watched: this bot has no fleet, and shows only {}", target, host);
            }
        });
        return List.copyOf(alerts);
    }

    /** The part of a stop's grace kept for telling users and disconnecting: 5 s, or a quarter if less. */
    static Duration closingPart(Duration grace) {
        Duration quarter = grace.dividedBy(4);
        return quarter.compareTo(CLOSING) < 0 ? quarter : CLOSING;
    }

    /**
     * Stops taking /top, tells users still waiting in line, lets recordings and scheduled posts under way
     * finish, tells the users of those that did not, and disconnects: all of it within {@code grace}, from
     * this call to its return. Work under way shares one deadline, {@link #closingPart} before the end.
     */
    public void stop(Duration grace) throws InterruptedException {
        long end = System.nanoTime() + grace.toNanos();
        long workEnd = end - closingPart(grace).toNanos();
        listener.stopTaking();
        listener.tellWaiting(queue.stopTaking());
        listener.tellWaiting(answers.stopTaking());
        schedules.stop(left(workEnd));
        for (Alerts each : alerts) {
            each.stop(left(workEnd));
        }
        if (receiver.isPresent()) {
            receiver.get().server().close();
            receiver.get().alerts().close();
        }
        boolean answered = answers.awaitIdle(left(workEnd).toNanos(), TimeUnit.NANOSECONDS);
        boolean recorded = queue.awaitIdle(left(workEnd).toNanos(), TimeUnit.NANOSECONDS);
        if (!answered || !recorded) {
            LOG.warn("recordings still running after {} s of the {} s grace; telling their users and disconnecting",
                    seconds(grace.minus(closingPart(grace))), seconds(grace));
            listener.tellStillRunning(left(end).dividedBy(2));
        }
        jda.shutdown();
        if (!jda.awaitShutdown(left(end))) {
            jda.shutdownNow();
        }
        release(queue, answers, timers, gateway, recordings, fleet);
    }

    /** Ends the bot's threads, its gateway controller and its sampling: the last step of a stop or a failed start. */
    private static void release(RecordingQueue queue, RecordingQueue answers, ScheduledExecutorService timers,
                                GatewaySessionController gateway, Recordings recordings, Optional<FleetBroker> fleet)
            throws InterruptedException {
        queue.close();
        answers.close();
        timers.shutdownNow();
        gateway.close();
        recordings.close();
        if (fleet.isPresent()) {
            fleet.get().close();
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** "0.75", "40": seconds for a log line. */
    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
            queue.close();
            answers.close();
            timers.shutdownNow();
            gateway.close();
            schedules.close();
        }
    }
}

package org.topgif.bot.alertmanager;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.failure.FailureCause;
import org.topgif.bot.hosts.FleetView;
import org.topgif.bot.hosts.HostResolution;
import org.topgif.bot.post.ChannelPublisher;
import org.topgif.bot.post.ChatText;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.Shown;
import org.topgif.bot.post.TopButtons;
import org.topgif.bot.post.TopOptions;
import org.topgif.bot.recordings.Recordings;
import org.topgif.config.HostName;
import org.topgif.config.ShortDigest;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.screen.SortKey;
import org.topgif.renderer.screen.TopFormats;

/**
 * What the receiver takes, shown in the channel: each firing alert (by fingerprint) one message with its name,
 * severity, summary, description, host and link, and the GIF of that host's last minute (from the history, or
 * the fleet's broker); a repeat posts nothing; its resolution edits the message. An alert about a host topgif
 * does not show gets the text and says so. Alerts the sender left out are said, not dropped. The channel is the
 * truth: a message is found again by the fingerprint it carries. Thread-safe: one thread shows webhooks in the
 * order they came.
 */
public final class ReceivedAlerts implements Consumer<WebhookPayload>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivedAlerts.class);
    /** How a message carries its alert's fingerprint: Discord's small print, found again by it. */
    static final String MARK = "-# alertmanager ";
    static final String FIRING = "**FIRING**";
    static final String RESOLVED = "**RESOLVED**";
    private static final int PAGES = 2;

    private final long channel;
    private final FleetView hosts;
    private final Recordings recordings;
    private final GifPipeline pipeline;
    private final ChannelPublisher publisher;
    private final int seconds;
    private final ExecutorService work = Executors.newSingleThreadExecutor(job -> {
        Thread thread = new Thread(job, "topgif-alertmanager");
        thread.setDaemon(true);
        return thread;
    });

    /** @param seconds how long a GIF shows: a minute, or as far back as the history and the broker reach */
    public ReceivedAlerts(long channel, FleetView hosts, Recordings recordings, GifPipeline pipeline,
                          ChannelPublisher publisher, int seconds) {
        this.channel = channel;
        this.hosts = hosts;
        this.recordings = recordings;
        this.pipeline = pipeline;
        this.publisher = publisher;
        this.seconds = seconds;
    }

    @Override
    public void accept(WebhookPayload payload) {
        work.execute(() -> show(payload));
    }

    private void show(WebhookPayload payload) {
        for (WebhookAlert alert : payload.alerts()) {
            try {
                show(alert);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                LOG.warn("alertmanager: {} ({}): {}", alert.name(), alert.fingerprint(), FailureCause.oneLine(failed));
            }
        }
        if (payload.leftOut() > 0) {
            publisher.postText(channel, "Alertmanager left out " + payload.leftOut() + " more alert"
                    + (payload.leftOut() == 1 ? "" : "s") + " of this notification (truncatedAlerts).",
                    "tt" + ShortDigest.of(payload.toString(), 10));
        }
    }

    private void show(WebhookAlert alert) throws InterruptedException {
        ChannelPublisher.Found found = publisher.findOwnMessagesMarked(channel, MARK + alert.fingerprint(), PAGES);
        if (found instanceof ChannelPublisher.Found.Unknown unknown) {
            LOG.warn("alertmanager: {}: cannot read the channel ({}); Alertmanager sends it again", alert.name(),
                    unknown.reason());
            return;
        }
        List<ChannelPublisher.OwnMessage> messages = ((ChannelPublisher.Found.Messages) found).messages();
        Optional<ChannelPublisher.OwnMessage> last = messages.stream().findFirst();
        boolean open = last.isPresent() && last.get().content().startsWith(FIRING);
        if (!alert.firing()) {
            if (open) {
                String resolved = RESOLVED + last.get().content().substring(FIRING.length());
                publisher.editText(channel, last.get().id(), resolved);
                LOG.info("alertmanager: {} ({}) resolved; message {}", alert.name(), alert.fingerprint(),
                        last.get().id());
            }
            return;
        }
        if (open) {
            return; // a repeat of what the channel shows already
        }
        Optional<String> noView = Optional.empty();
        Optional<GifPipeline.RenderedGif> gif = Optional.empty();
        String host = alert.host().orElse("");
        Optional<CompletableFuture<Shown>> samples = samplesOf(host);
        if (samples.isPresent()) {
            RecordingPlan plan = planFor();
            gif = pipeline.render(Recordings.await(samples.get(), plan), plan, Optional.empty());
        } else {
            noView = Optional.of(host.isEmpty() ? "no process view: the alert names no host"
                    : "no process view for host " + ChatText.escape(host));
        }
        String content = TopFormats.ellipsize(text(alert, noView), ChatText.MESSAGE_MAX_LENGTH - 80)
                + "\n" + MARK + alert.fingerprint();
        String nonce = "am" + ShortDigest.of(alert.fingerprint() + "\n" + messages.size(), 14);
        ChannelPublisher.Outcome outcome = gif.isPresent()
                ? publisher.post(channel, new GifPipeline.RenderedGif(gif.get().gif(), content,
                        gif.get().altText(), TopButtons.of(option -> option.equals("host") ? host : null,
                        hosts.menu())), false,
                        nonce, "am-" + alert.fingerprint() + ".gif", java.util.OptionalLong.empty())
                : publisher.postText(channel, content, nonce);
        LOG.info("alertmanager: {} ({}) firing: {}", alert.name(), alert.fingerprint(), outcome);
    }

    /** The host's last seconds if topgif shows it: this host's from the history, a fleet host's from the broker. */
    private Optional<CompletableFuture<Shown>> samplesOf(String host) {
        if (host.isEmpty() || HostName.problem(host).isPresent()) {
            return Optional.empty();
        }
        HostResolution target = hosts.resolve(host);
        if (target instanceof HostResolution.Own) {
            return recordings.recent(planFor()).map(future -> future.thenApply(pipeline::own));
        }
        if (target instanceof HostResolution.Remote remote) {
            return Optional.of(hosts.recent(remote.host(), planFor()));
        }
        return Optional.empty();
    }

    private RecordingPlan planFor() {
        return pipeline.plan(new TopOptions(seconds, SortKey.CPU, "", OptionalInt.empty(), pipeline.defaultTheme(),
                pipeline.defaultOrder(), false, pipeline.defaultLayout()));
    }

    /** The message's text, every label and annotation escaped: name, severity and host, then the annotations. */
    static String text(WebhookAlert alert, Optional<String> noView) {
        StringBuilder text = new StringBuilder(FIRING).append(' ').append(ChatText.escape(alert.name()));
        if (!alert.severity().isEmpty()) {
            text.append(" · ").append(ChatText.escape(alert.severity()));
        }
        alert.host().ifPresent(host -> text.append(" · ").append(ChatText.escape(host)));
        if (!alert.summary().isEmpty()) {
            text.append('\n').append(ChatText.escape(alert.summary()));
        }
        if (!alert.description().isEmpty()) {
            text.append('\n').append(ChatText.escape(alert.description()));
        }
        alert.generatorUrl().ifPresent(url -> text.append('\n').append('<').append(url).append('>'));
        noView.ifPresent(line -> text.append('\n').append(line));
        return text.toString();
    }

    @Override
    public void close() throws InterruptedException {
        work.shutdownNow();
        work.awaitTermination(5, TimeUnit.SECONDS);
    }
}

package org.topgif.bot.alerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.topgif.bot.post.ChannelPublisher;
import org.topgif.bot.post.GifPipeline;
import org.topgif.config.AlertSpec;
import org.topgif.config.ShortDigest;

/**
 * Each alert's message in its channel: posted when an episode fires, edited when it resolves, and edited
 * back to firing when a new episode starts within the cooldown. The channel is the truth across restarts: a
 * message is found again by its GIF's name, {@code alert-<key>-<start>.gif}, and by whether its content says
 * it resolved, so a restarted bot that sees the same episode fire again edits the message it posted rather
 * than posting a second. Thread-safe: the messages known are in a concurrent map, and one thread handles all
 * alerts' events in order.
 */
final class AlertMessages {

    /** Pages of 100 messages read to find an alert's message after a restart. */
    static final int PAGES = 2;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ChannelPublisher publisher;
    private final Map<AlertSpec, ChannelPublisher.OwnMessage> known = new ConcurrentHashMap<>();

    AlertMessages(ChannelPublisher publisher) {
        this.publisher = publisher;
    }

    /** The alert's part of its messages' names: the same for the same name, channel and host. */
    static String key(AlertSpec spec, String host) {
        return ShortDigest.of(spec.name() + "\n" + spec.channel() + "\n" + host, 8);
    }

    /** The name of the GIF of an episode that began {@code since}. */
    static String fileName(AlertSpec spec, String host, Instant since) {
        return "alert-" + key(spec, host) + "-" + STAMP.format(since) + ".gif";
    }

    /**
     * Shows a firing episode: edits the alert's message if it still fires (a restart) or resolved less than
     * the cooldown ago, else posts a new one, which pings the alert's role.
     */
    ChannelPublisher.Outcome fire(AlertSpec spec, String host, GifPipeline.RenderedGif gif, Instant since,
                                  Instant now) {
        String fileName = fileName(spec, host, since);
        ChannelPublisher.Found found = current(spec, host);
        if (found instanceof ChannelPublisher.Found.Unknown unknown) {
            return new ChannelPublisher.Outcome.Failed("cannot read the channel to find the alert's message: "
                    + unknown.reason());
        }
        List<ChannelPublisher.OwnMessage> messages = ((ChannelPublisher.Found.Messages) found).messages();
        if (!messages.isEmpty()) {
            ChannelPublisher.OwnMessage last = messages.get(0);
            boolean resolved = last.content().startsWith(AlertText.RESOLVED);
            if (!resolved || now.isBefore(last.changedAt().plus(spec.cooldown()))) {
                ChannelPublisher.Edit edit = publisher.edit(spec.channel(), last.id(), gif, fileName);
                if (edit instanceof ChannelPublisher.Edit.Edited) {
                    known.put(spec, new ChannelPublisher.OwnMessage(last.id(), fileName, gif.summary(), now));
                    return new ChannelPublisher.Outcome.Edited(last.id());
                }
                if (edit instanceof ChannelPublisher.Edit.Failed failed) {
                    return failed.again() ? new ChannelPublisher.Outcome.Failed(failed.reason())
                            : new ChannelPublisher.Outcome.Refused(failed.reason());
                }
                known.remove(spec);
            }
        }
        String nonce = "ta" + ShortDigest.of(fileName, 14);
        ChannelPublisher.Outcome posted = publisher.post(spec.channel(), gif, false, nonce, fileName,
                spec.mentionRole());
        if (posted instanceof ChannelPublisher.Outcome.Posted made) {
            known.put(spec, new ChannelPublisher.OwnMessage(made.messageId(), fileName, gif.summary(), now));
        }
        return posted;
    }

    /** Says in the alert's message that its episode resolved, keeping its GIF; empty when it has no message. */
    Optional<ChannelPublisher.Outcome> resolve(AlertSpec spec, String host, String text, Instant now) {
        ChannelPublisher.Found found = current(spec, host);
        if (found instanceof ChannelPublisher.Found.Unknown unknown) {
            return Optional.of(new ChannelPublisher.Outcome.Failed("cannot read the channel to find the alert's "
                    + "message: " + unknown.reason()));
        }
        List<ChannelPublisher.OwnMessage> messages = ((ChannelPublisher.Found.Messages) found).messages();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        ChannelPublisher.OwnMessage last = messages.get(0);
        ChannelPublisher.Edit edit = publisher.editText(spec.channel(), last.id(), text);
        if (edit instanceof ChannelPublisher.Edit.Edited) {
            known.put(spec, new ChannelPublisher.OwnMessage(last.id(), last.fileName(), text, now));
            return Optional.of(new ChannelPublisher.Outcome.Edited(last.id()));
        }
        if (edit instanceof ChannelPublisher.Edit.Failed failed) {
            return Optional.of(failed.again() ? new ChannelPublisher.Outcome.Failed(failed.reason())
                    : new ChannelPublisher.Outcome.Refused(failed.reason()));
        }
        known.remove(spec);
        return Optional.empty();
    }

    /** The alert's newest message, from memory or from the channel. */
    private ChannelPublisher.Found current(AlertSpec spec, String host) {
        ChannelPublisher.OwnMessage remembered = known.get(spec);
        if (remembered != null) {
            return new ChannelPublisher.Found.Messages(List.of(remembered));
        }
        String prefix = "alert-" + key(spec, host) + "-";
        ChannelPublisher.Found found = publisher.findOwnMessages(spec.channel(), name -> name.startsWith(prefix),
                PAGES);
        if (found instanceof ChannelPublisher.Found.Messages messages && !messages.messages().isEmpty()) {
            known.put(spec, messages.messages().get(0));
            return new ChannelPublisher.Found.Messages(List.of(messages.messages().get(0)));
        }
        return found;
    }
}

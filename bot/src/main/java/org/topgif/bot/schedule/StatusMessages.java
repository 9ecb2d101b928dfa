package org.topgif.bot.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.post.ChannelPublisher;
import org.topgif.bot.post.GifPipeline;
import org.topgif.config.ScheduleSpec;

/**
 * The one message each edited-in-place schedule keeps in its channel. Once posted or found it is remembered;
 * after a restart it is found again among the channel's recent messages by its attachment's name, which
 * Discord keeps with the message. So the bot keeps no file of its own and runs with a read-only root. Any
 * older message of the same schedule found there is deleted, so the channel never shows two; one that was
 * deleted is posted anew with the slot's nonce.
 *
 * <p>Thread-safe: what is remembered is in a concurrent map, and each schedule's finding, editing and posting
 * run under a lock of its own, so that a slot's post that is still being answered and the next slot's edit
 * (which a slow Discord can bring together) never both find no message and post one each.
 */
final class StatusMessages {

    private static final Logger LOG = LoggerFactory.getLogger(StatusMessages.class);
    /** Pages of 100 messages read to find a schedule's message after a restart. */
    static final int PAGES = 5;

    private final ChannelPublisher publisher;
    private final Map<ScheduleSpec, ChannelPublisher.OwnMessage> known = new ConcurrentHashMap<>();
    private final Map<ScheduleSpec, Object> locks = new ConcurrentHashMap<>();

    StatusMessages(ChannelPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * The schedule's message, from memory or from the channel; {@code Found.Messages} holds it or nothing.
     *
     * @param describe the schedule in words, for the log line of a double that is deleted
     */
    ChannelPublisher.Found current(ScheduleSpec spec, String describe) {
        synchronized (lockOf(spec)) {
            return find(spec, describe);
        }
    }

    private Object lockOf(ScheduleSpec spec) {
        return locks.computeIfAbsent(spec, key -> new Object());
    }

    private ChannelPublisher.Found find(ScheduleSpec spec, String describe) {
        ChannelPublisher.OwnMessage remembered = known.get(spec);
        if (remembered != null) {
            return new ChannelPublisher.Found.Messages(List.of(remembered));
        }
        ChannelPublisher.Found found = publisher.findOwnMessages(spec.channel(),
                name -> SlotFileName.isStatus(spec.every(), spec.host(), name), PAGES);
        if (found instanceof ChannelPublisher.Found.Messages messages && !messages.messages().isEmpty()) {
            ChannelPublisher.OwnMessage newest = messages.messages().get(0);
            known.put(spec, newest);
            for (ChannelPublisher.OwnMessage older : messages.messages().subList(1, messages.messages().size())) {
                Optional<String> failed = publisher.delete(spec.channel(), older.id());
                LOG.info("{}: {} message {}, an older copy of message {}", describe,
                        failed.map(reason -> "could not delete (" + reason + ")").orElse("deleted"), older.id(),
                        newest.id());
            }
            return new ChannelPublisher.Found.Messages(List.of(newest));
        }
        return found;
    }

    /**
     * Shows {@code gif} in the schedule's message: edits it, or posts it with {@code nonce} when there is none
     * yet or it was deleted. What became of the attempt, as a post's outcome.
     */
    ChannelPublisher.Outcome show(ScheduleSpec spec, String describe, GifPipeline.RenderedGif gif, String nonce,
                                  String fileName) {
        synchronized (lockOf(spec)) {
            return showLocked(spec, describe, gif, nonce, fileName);
        }
    }

    private ChannelPublisher.Outcome showLocked(ScheduleSpec spec, String describe, GifPipeline.RenderedGif gif,
                                                String nonce, String fileName) {
        ChannelPublisher.Found current = find(spec, describe);
        if (current instanceof ChannelPublisher.Found.Unknown unknown) {
            return new ChannelPublisher.Outcome.Failed("cannot read the channel to find the message to edit: "
                    + unknown.reason());
        }
        List<ChannelPublisher.OwnMessage> messages = ((ChannelPublisher.Found.Messages) current).messages();
        if (!messages.isEmpty()) {
            long id = messages.get(0).id();
            ChannelPublisher.Edit edit = publisher.edit(spec.channel(), id, gif, fileName);
            if (edit instanceof ChannelPublisher.Edit.Edited) {
                known.put(spec, new ChannelPublisher.OwnMessage(id, fileName, gif.summary(), Instant.now()));
                return new ChannelPublisher.Outcome.Edited(id);
            }
            if (edit instanceof ChannelPublisher.Edit.Failed failed) {
                return failed.again() ? new ChannelPublisher.Outcome.Failed(failed.reason())
                        : new ChannelPublisher.Outcome.Refused(failed.reason());
            }
            known.remove(spec, messages.get(0));
            LOG.info("{}: message {} was deleted; posting a new one", describe, id);
        }
        ChannelPublisher.Outcome posted = publisher.post(spec.channel(), gif, spec.silent(), nonce, fileName,
                OptionalLong.empty());
        if (posted instanceof ChannelPublisher.Outcome.Posted made) {
            known.put(spec, new ChannelPublisher.OwnMessage(made.messageId(), fileName, gif.summary(), Instant.now()));
        }
        return posted;
    }
}

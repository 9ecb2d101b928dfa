package org.topgif.bot.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.TimeUtil;

import org.topgif.bot.failure.FailureCause;

/**
 * Posts a GIF as a message of its own in a text channel, and says whether to try again. Every attempt for
 * one post carries the caller's nonce, and Discord, told to enforce it, returns the message already made
 * instead of a second one: a post that Discord stored but answered with a 500 is not posted twice.
 * Thread-safe: it holds only the JDA client.
 */
public final class ChannelPublisher {

    /** What a channel needs to take a post with a GIF. */
    static final EnumSet<Permission> NEEDED = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_HISTORY);

    /** {@link #NEEDED} in words, for log lines. */
    public static final String NEEDED_IN_WORDS = String.join(", ",
            NEEDED.stream().map(Permission::getName).toList());

    private final JDA jda;

    public ChannelPublisher(JDA jda) {
        this.jda = jda;
    }

    /** What became of one attempt. */
    public sealed interface Outcome {
        /** The message is in the channel. */
        record Posted(long messageId) implements Outcome {
        }

        /** The message that was in the channel shows the new GIF. */
        record Edited(long messageId) implements Outcome {
        }

        /** Discord failed (5xx, a dropped connection); the same post may be sent again. */
        record Failed(String reason) implements Outcome {
        }

        /** The channel will not take it (unknown, no access, missing permissions); trying again now is no use. */
        record Refused(String reason) implements Outcome {
        }
    }

    /** What the channel's messages say of an earlier post. */
    public sealed interface Earlier {
        /** The bot's own message with that attachment is in the channel. */
        record Found(long messageId) implements Earlier {
        }

        /** The messages since then hold none of the bot's with that attachment. */
        record None() implements Earlier {
        }

        /** The channel could not be read (no Read Message History, a Discord fault); nothing is known. */
        record Unknown(String reason) implements Earlier {
        }
    }

    /** Messages read after {@code since}: Discord's most per request, far more than a channel gets in minutes. */
    static final int MESSAGES_READ = 100;

    /**
     * Whether the bot posted a message with an attachment named {@code fileName} in the channel since
     * {@code since}: the first {@link #MESSAGES_READ} messages after that time are read. Needs Read Message
     * History; a bot may read its own messages without the message-content intent.
     */
    public Earlier findOwnPost(long channelId, Instant since, String fileName) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return new Earlier.Unknown("unknown channel, or one the bot cannot see");
        }
        try {
            long after = TimeUtil.getDiscordTimestamp(since.toEpochMilli());
            List<Message> messages = MessageHistory.getHistoryAfter(channel, Long.toUnsignedString(after))
                    .limit(MESSAGES_READ).complete().getRetrievedHistory();
            long self = jda.getSelfUser().getIdLong();
            for (Message message : messages) {
                if (message.getAuthor().getIdLong() == self && message.getAttachments().stream()
                        .anyMatch(attachment -> attachment.getFileName().equals(fileName))) {
                    return new Earlier.Found(message.getIdLong());
                }
            }
            return new Earlier.None();
        } catch (InsufficientPermissionException missing) {
            return new Earlier.Unknown("missing permission " + missing.getPermission().getName());
        } catch (ErrorResponseException failed) {
            return new Earlier.Unknown(failed.getErrorCode() + " " + failed.getMeaning());
        } catch (RuntimeException failed) {
            return new Earlier.Unknown(FailureCause.describe(failed));
        }
    }

    /**
     * Sends {@code gif} with its summary as text and alt text, without mentions.
     *
     * @param nonce at most 25 characters; the same for every attempt at one post
     * @param fileName the attachment's name, which stays with the message (the nonce does not)
     * @param silent whether to send without a notification
     * @param mentionRole the one role the message may ping (its content must name it); empty pings nobody
     */
    public Outcome post(long channelId, GifPipeline.RenderedGif gif, boolean silent, String nonce, String fileName,
                        OptionalLong mentionRole) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return new Outcome.Refused("unknown channel, or one the bot cannot see");
        }
        try {
            var message = channel.sendMessage(gif.summary())
                    .setFiles(FileUpload.fromData(gif.gif(), fileName).setDescription(gif.altText()))
                    .setNonce(nonce)
                    .setSuppressedNotifications(silent)
                    .setComponents(TopButtons.rows(gif.buttons()))
                    .setAllowedMentions(ChatText.noMentions());
            if (mentionRole.isPresent()) {
                message = message.mentionRoles(Long.toUnsignedString(mentionRole.getAsLong()));
            }
            Message sent = message.complete();
            return new Outcome.Posted(sent.getIdLong());
        } catch (InsufficientPermissionException missing) {
            return new Outcome.Refused("missing permission " + missing.getPermission().getName());
        } catch (ErrorResponseException failed) {
            ErrorResponse error = failed.getErrorResponse();
            if (error == ErrorResponse.UNKNOWN_CHANNEL || error == ErrorResponse.MISSING_ACCESS
                    || error == ErrorResponse.MISSING_PERMISSIONS) {
                return new Outcome.Refused(failed.getErrorCode() + " " + failed.getMeaning());
            }
            if (failed.isServerError() || FailureCause.isNetwork(failed) || failed.getErrorCode() == -1) {
                return new Outcome.Failed(failed.isServerError() ? "HTTP 5xx: " + failed.getMeaning()
                        : FailureCause.describe(failed));
            }
            return new Outcome.Refused(failed.getErrorCode() + " " + failed.getMeaning());
        } catch (RuntimeException dropped) {
            return new Outcome.Failed(FailureCause.describe(dropped));
        }
    }

    /** What became of an edit. */
    public sealed interface Edit {
        /** The message now shows the new GIF. */
        record Edited() implements Edit {
        }

        /** The message is gone (deleted by someone); a new one must be posted. */
        record Gone() implements Edit {
        }

        /** Discord failed, or refused; {@code again} says whether trying again may help. */
        record Failed(String reason, boolean again) implements Edit {
        }
    }

    /**
     * Replaces the content and the GIF of the bot's message {@code messageId}, without mentions. An edit sent
     * twice leaves the same message, so a retry after a 5xx is safe.
     */
    public Edit edit(long channelId, long messageId, GifPipeline.RenderedGif gif, String fileName) {
        return edit(channelId, messageId, gif.summary(), Optional.of(FileUpload.fromData(gif.gif(), fileName)
                .setDescription(gif.altText())), Optional.of(gif.buttons()));
    }

    /** Replaces only the content of the bot's message {@code messageId}, keeping its GIF; without mentions. */
    public Edit editText(long channelId, long messageId, String content) {
        return edit(channelId, messageId, content, Optional.empty(), Optional.empty());
    }

    /** @param buttons the message's new buttons; empty keeps those it has */
    private Edit edit(long channelId, long messageId, String content, Optional<FileUpload> file,
                      Optional<List<TopButtons.Control>> buttons) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return new Edit.Failed("unknown channel, or one the bot cannot see", false);
        }
        try {
            var edit = channel.editMessageById(messageId, content).setAllowedMentions(ChatText.noMentions());
            if (file.isPresent()) {
                edit = edit.setAttachments(file.get());
            }
            if (buttons.isPresent()) {
                edit = edit.setComponents(TopButtons.rows(buttons.get()));
            }
            edit.complete();
            return new Edit.Edited();
        } catch (InsufficientPermissionException missing) {
            return new Edit.Failed("missing permission " + missing.getPermission().getName(), false);
        } catch (ErrorResponseException failed) {
            if (failed.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                return new Edit.Gone();
            }
            boolean again = failed.isServerError() || FailureCause.isNetwork(failed) || failed.getErrorCode() == -1;
            return new Edit.Failed(failed.isServerError() ? "HTTP 5xx: " + failed.getMeaning()
                    : again ? FailureCause.describe(failed) : failed.getErrorCode() + " " + failed.getMeaning(), again);
        } catch (RuntimeException dropped) {
            return new Edit.Failed(FailureCause.describe(dropped), true);
        }
    }

    /** The bot's messages whose attachment a name test accepts, or why the channel could not be read. */
    public sealed interface Found {
        /** Newest first. */
        record Messages(List<OwnMessage> messages) implements Found {
        }

        record Unknown(String reason) implements Found {
        }
    }

    /**
     * One of the bot's messages with the attachment a search asked for.
     *
     * @param changedAt when it was last edited, or made if never
     */
    public record OwnMessage(long id, String fileName, String content, Instant changedAt) {
    }

    /**
     * The bot's messages among the channel's last {@code pages} x {@link #MESSAGES_READ}, newest first, that
     * carry an attachment whose name {@code fileName} accepts. Needs Read Message History.
     */
    public Found findOwnMessages(long channelId, java.util.function.Predicate<String> fileName, int pages) {
        return find(channelId, pages, message -> message.getAttachments().stream()
                .map(Message.Attachment::getFileName).filter(fileName).findFirst());
    }

    /**
     * The same for messages whose content ends with {@code marker}, with or without an attachment; their file
     * name is the first attachment's, or "".
     */
    public Found findOwnMessagesMarked(long channelId, String marker, int pages) {
        return find(channelId, pages, message -> message.getContentRaw().endsWith(marker)
                ? Optional.of(message.getAttachments().isEmpty() ? "" : message.getAttachments().get(0).getFileName())
                : Optional.empty());
    }

    /** @param named the name a message is found under, or empty when it is not one of those sought */
    private Found find(long channelId, int pages, java.util.function.Function<Message, Optional<String>> named) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return new Found.Unknown("unknown channel, or one the bot cannot see");
        }
        try {
            MessageHistory history = channel.getHistory();
            long self = jda.getSelfUser().getIdLong();
            List<OwnMessage> found = new ArrayList<>();
            for (int page = 0; page < pages; page++) {
                List<Message> messages = history.retrievePast(MESSAGES_READ).complete();
                for (Message message : messages) {
                    if (message.getAuthor().getIdLong() != self) {
                        continue;
                    }
                    Instant changed = (message.getTimeEdited() != null ? message.getTimeEdited()
                            : message.getTimeCreated()).toInstant();
                    named.apply(message).ifPresent(name -> found.add(new OwnMessage(message.getIdLong(), name,
                            message.getContentRaw(), changed)));
                }
                if (messages.size() < MESSAGES_READ) {
                    break;
                }
            }
            return new Found.Messages(found);
        } catch (InsufficientPermissionException missing) {
            return new Found.Unknown("missing permission " + missing.getPermission().getName());
        } catch (ErrorResponseException failed) {
            return new Found.Unknown(failed.getErrorCode() + " " + failed.getMeaning());
        } catch (RuntimeException failed) {
            return new Found.Unknown(FailureCause.describe(failed));
        }
    }

    /** Sends a message of text alone, without mentions; with {@code nonce}, as {@link #post} does. */
    public Outcome postText(long channelId, String content, String nonce) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return new Outcome.Refused("unknown channel, or one the bot cannot see");
        }
        try {
            return new Outcome.Posted(channel.sendMessage(content).setNonce(nonce)
                    .setAllowedMentions(ChatText.noMentions()).complete().getIdLong());
        } catch (InsufficientPermissionException missing) {
            return new Outcome.Refused("missing permission " + missing.getPermission().getName());
        } catch (ErrorResponseException failed) {
            return failed.isServerError() || FailureCause.isNetwork(failed) || failed.getErrorCode() == -1
                    ? new Outcome.Failed(FailureCause.describe(failed))
                    : new Outcome.Refused(failed.getErrorCode() + " " + failed.getMeaning());
        } catch (RuntimeException dropped) {
            return new Outcome.Failed(FailureCause.describe(dropped));
        }
    }

    /** Deletes one of the bot's own messages, which needs no permission: why it could not, or empty. */
    public Optional<String> delete(long channelId, long messageId) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return Optional.of("unknown channel, or one the bot cannot see");
        }
        try {
            channel.deleteMessageById(messageId).complete();
            return Optional.empty();
        } catch (ErrorResponseException failed) {
            return failed.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE ? Optional.empty()
                    : Optional.of(failed.getErrorCode() + " " + failed.getMeaning());
        } catch (RuntimeException failed) {
            return Optional.of(FailureCause.describe(failed));
        }
    }

    /** What keeps the channel from taking posts, in words for a start-up line; empty when nothing does. */
    public Optional<String> problemWith(long channelId) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return Optional.of("unknown channel, or one the bot cannot see (is the bot in its server?)");
        }
        EnumSet<Permission> granted = channel.getGuild().getSelfMember().getPermissions(channel);
        List<String> missing = new ArrayList<>();
        for (Permission permission : NEEDED) {
            if (!granted.contains(permission)) {
                missing.add(permission.getName());
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("the bot lacks " + String.join(", ", missing) + " in #" + channel.getName());
    }

    /** The guild a channel belongs to, for log lines; 0 when unknown. */
    public long guildOf(long channelId) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        return channel == null ? 0 : channel.getGuild().getIdLong();
    }
}

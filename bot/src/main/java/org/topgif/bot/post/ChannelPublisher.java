package org.topgif.bot.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

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
     */
    public Outcome post(long channelId, GifPipeline.RenderedGif gif, boolean silent, String nonce, String fileName) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return new Outcome.Refused("unknown channel, or one the bot cannot see");
        }
        try {
            Message sent = channel.sendMessage(gif.summary())
                    .setFiles(FileUpload.fromData(gif.gif(), fileName).setDescription(gif.altText()))
                    .setNonce(nonce)
                    .setSuppressedNotifications(silent)
                    .setAllowedMentions(ChatText.noMentions())
                    .complete();
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

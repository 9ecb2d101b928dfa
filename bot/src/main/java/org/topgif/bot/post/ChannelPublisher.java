package org.topgif.bot.post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;

import org.topgif.bot.FailureCause;

/**
 * Posts a GIF as a message of its own in a text channel, and says whether to try again. Every attempt for
 * one post carries the caller's nonce, and Discord, told to enforce it, returns the message already made
 * instead of a second one: a post that Discord stored but answered with a 500 is not posted twice.
 * Thread-safe: it holds only the JDA client.
 */
public final class ChannelPublisher {

    /** What a channel needs to take a post with a GIF. */
    static final EnumSet<Permission> NEEDED = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_ATTACH_FILES);

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

    /**
     * Sends {@code gif} with its summary as text and alt text, without mentions.
     *
     * @param nonce at most 25 characters; the same for every attempt at one post
     * @param silent whether to send without a notification
     */
    public Outcome post(long channelId, GifPipeline.RenderedGif gif, boolean silent, String nonce) {
        GuildMessageChannel channel = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null) {
            return new Outcome.Refused("unknown channel, or one the bot cannot see");
        }
        try {
            Message sent = channel.sendMessage(gif.summary())
                    .setFiles(FileUpload.fromData(gif.gif(), "top.gif").setDescription(gif.summary()))
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

package org.topgif.bot.command;

import java.util.concurrent.CompletableFuture;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.FileUpload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.post.ChatText;
import org.topgif.bot.post.GifPipeline;

/** A /top reply edited through JDA's interaction hook, never mentioning anyone. Thread-safe, as the hook is. */
final class HookReply implements TopReply {

    private static final Logger LOG = LoggerFactory.getLogger(HookReply.class);

    private final InteractionHook hook;
    private final long guildId;

    HookReply(InteractionHook hook, long guildId) {
        this.hook = hook;
        this.guildId = guildId;
    }

    @Override
    public void show(String text) {
        hook.editOriginal(text).setAllowedMentions(ChatText.noMentions())
                .queue(null, failure -> LOG.debug("guild {}: progress edit failed", guildId, failure));
    }

    @Override
    public void deliver(GifPipeline.RenderedGif gif) throws Refused {
        try {
            hook.editOriginal(gif.summary())
                    .setFiles(FileUpload.fromData(gif.gif(), "top.gif").setDescription(gif.altText()))
                    .setAllowedMentions(ChatText.noMentions())
                    .complete();
        } catch (ErrorResponseException failed) {
            throw new Refused(failed.isServerError(), failed.getErrorCode(), failed.getMeaning());
        }
    }

    @Override
    public CompletableFuture<?> tell(String text) {
        return hook.editOriginal(text).setFiles().setAllowedMentions(ChatText.noMentions()).submit();
    }
}

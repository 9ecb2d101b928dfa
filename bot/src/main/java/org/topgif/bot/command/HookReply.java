package org.topgif.bot.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;


import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.FileUpload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.topgif.bot.post.ChatText;
import org.topgif.bot.post.GifPipeline;
import org.topgif.bot.post.TopButtons;

/**
 * A /top reply edited through JDA's interaction hook, never mentioning anyone; the GIF comes with the buttons
 * that ask again. For a button's click the message is the one clicked: it shows no progress, and what the user
 * is told goes to them alone, leaving the GIF in place. Thread-safe, as the hook is.
 */
final class HookReply implements TopReply {

    private static final Logger LOG = LoggerFactory.getLogger(HookReply.class);

    private final InteractionHook hook;
    private final long guildId;
    private final List<TopButtons.Control> buttons;
    private final boolean click;

    /** @param click whether it answers a button's click, which edits the message clicked */
    HookReply(InteractionHook hook, long guildId, List<TopButtons.Control> buttons, boolean click) {
        this.hook = hook;
        this.guildId = guildId;
        this.buttons = List.copyOf(buttons);
        this.click = click;
    }

    @Override
    public void show(String text) {
        if (click) {
            return;
        }
        hook.editOriginal(text).setAllowedMentions(ChatText.noMentions())
                .queue(null, failure -> LOG.debug("guild {}: progress edit failed", guildId, failure));
    }



    @Override
    public void deliver(GifPipeline.RenderedGif gif) throws Refused {
        try {
            hook.editOriginal(gif.summary())
                    .setFiles(FileUpload.fromData(gif.gif(), "top.gif").setDescription(gif.altText()))
                    .setComponents(TopButtons.rows(buttons))
                    .setAllowedMentions(ChatText.noMentions())
                    .complete();
        } catch (ErrorResponseException failed) {
            throw new Refused(failed.isServerError(), failed.getErrorCode(), failed.getMeaning());
        }
    }

    @Override
    public CompletableFuture<?> tell(String text) {
        if (click) {
            return hook.sendMessage(text).setEphemeral(true).setAllowedMentions(ChatText.noMentions()).submit();
        }
        return hook.editOriginal(text).setFiles().setAllowedMentions(ChatText.noMentions()).submit();
    }
}

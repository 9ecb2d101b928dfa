package org.topgif.bot.post;

import java.util.EnumSet;

import net.dv8tion.jda.api.entities.Message;

/**
 * The rule for putting text that a process chose (its name, the host's name) into a Discord message or alt
 * text: it must read as itself, never as markdown, a link, a mention or an emoji. Stateless and thread-safe.
 *
 * <p>Why not JDA's {@code MarkdownSanitizer}: it escapes emphasis and code marks but leaves {@code [x](url)},
 * {@code <@&id>}, {@code @everyone}, headings and list marks alone. Discord's markdown drops a backslash before
 * any ASCII punctuation and shows the character itself, so escaping all of them is both safe and invisible.
 */
public final class ChatText {

    /** Discord's limit for a message's content, in characters. */
    public static final int MESSAGE_MAX_LENGTH = 2000;

    private ChatText() {
    }

    /** {@code text} with every ASCII punctuation character escaped by a backslash. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && c > ' ' && !Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** The mentions a message of ours may make: none. A new set each time, since JDA keeps what it is given. */
    public static EnumSet<Message.MentionType> noMentions() {
        return EnumSet.noneOf(Message.MentionType.class);
    }
}

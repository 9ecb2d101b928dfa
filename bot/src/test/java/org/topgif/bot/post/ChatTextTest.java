package org.topgif.bot.post;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChatTextTest {

    @Test
    void linksMentionsAndMarkdownAreEscapedLettersAndDigitsAreNot() {
        assertEquals("\\[x\\]\\(http\\:\\/\\/evil\\)", ChatText.escape("[x](http://evil)"));
        assertEquals("\\@everyone \\@here \\<\\@\\&123\\>", ChatText.escape("@everyone @here <@&123>"));
        assertEquals("\\*\\*x\\*\\* \\_y\\_ \\~\\~z\\~\\~ \\`c\\` \\|\\|s\\|\\| \\# h \\> q \\\\",
                ChatText.escape("**x** _y_ ~~z~~ `c` ||s|| # h > q \\"));
        assertEquals("java postgres 12 é", ChatText.escape("java postgres 12 é"));
    }
}

/** The Discord bot: wiring JDA to the command, the rate limits and the recorder, and its life cycle. */
package org.topgif.bot;

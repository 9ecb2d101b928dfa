/** The /top slash command: its declaration, its options checked again on our side, and the reply flow. */
package org.topgif.bot.command;

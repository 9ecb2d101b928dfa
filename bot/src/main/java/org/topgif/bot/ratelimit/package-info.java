/** Fair use: a token bucket per guild, and a cap with a bounded queue on recordings across all guilds. */
package org.topgif.bot.ratelimit;

/** How a failure is said in one line, for log lines and users: at the bottom, so every package may use it. */
package org.topgif.bot.failure;

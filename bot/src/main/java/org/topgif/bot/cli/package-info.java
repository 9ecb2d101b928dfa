/** The {@code topgif} command line: subcommands, their options, and the one-line errors a user sees. */
package org.topgif.bot.cli;

/**
 * Which host a request is for: the bot's own, or one of the fleet's, with its samples read from the broker;
 * the host directory as /top's autocomplete and /top-hosts show it.
 */
package org.topgif.bot.hosts;

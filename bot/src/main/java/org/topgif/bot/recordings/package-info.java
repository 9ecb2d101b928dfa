/**
 * Where samples come from, for /top, scheduled posts and (later) the fleet alike: the bot's rolling history of
 * this host, or a recording per request without one. Below command and schedule, above the renderer.
 */
package org.topgif.bot.recordings;

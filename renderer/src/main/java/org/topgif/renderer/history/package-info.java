/**
 * The bot's one rolling history of samples: a sampler thread that takes one per interval for the bot's
 * whole life, and the ring it publishes them to, which any number of request threads read without locks.
 */
package org.topgif.renderer.history;

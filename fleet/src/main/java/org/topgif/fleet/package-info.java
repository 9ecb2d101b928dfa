/**
 * Many hosts, one bot: agents publish each host's samples to a NATS JetStream broker and the bot reads them
 * back. Data flows wire (the samples' bytes) → agent (sampling and publishing) → nats (the connection, the
 * stream, its reading) → directory (which hosts report). Without a broker configured none of it runs.
 */
package org.topgif.fleet;

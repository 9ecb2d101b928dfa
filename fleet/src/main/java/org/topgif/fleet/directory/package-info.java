/** The bot's copy of the host directory: which hosts report, and when each last did by the broker's clock. */
package org.topgif.fleet.directory;

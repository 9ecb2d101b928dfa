/** What ./topgif agent runs on each host: sampling, publishing each sample, renewing the host's entry. */
package org.topgif.fleet.agent;

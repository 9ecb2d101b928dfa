/** Which of several bots on one Discord token is the active one: a lease held in the fleet's broker. */
package org.topgif.fleet.lease;

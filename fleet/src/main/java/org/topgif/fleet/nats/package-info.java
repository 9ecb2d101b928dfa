/** The broker: one connection that survives it going away, the fleet's two stores, and reading samples back. */
package org.topgif.fleet.nats;

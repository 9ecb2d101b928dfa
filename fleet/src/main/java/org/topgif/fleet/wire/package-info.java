/** A sample and a directory entry as bytes: versioned CBOR, written within limits and read as untrusted. */
package org.topgif.fleet.wire;

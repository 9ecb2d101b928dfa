/**
 * Benchmarks that measure topgif against a reference in the same run and print the ratio; run with
 * {@code ./topgif bench NAME}, never as unit tests.
 */
package org.topgif.bench;

/**
 * Reads the host's process table and system counters into immutable {@link org.topgif.renderer.sample.SystemSample}s,
 * the first step of the renderer's one-way flow: sample, screen, frame, GIF bytes.
 */
package org.topgif.renderer.sample;

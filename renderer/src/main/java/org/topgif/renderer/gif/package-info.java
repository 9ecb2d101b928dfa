/**
 * Writes animated GIF89a files in memory from frames of palette indices: blocks as the spec lays them out,
 * an LZW encoder, and the frame differencing that keeps a mostly unchanged screen small.
 */
package org.topgif.renderer.gif;

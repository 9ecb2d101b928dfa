/**
 * Turns screens into frames of palette indices with a monospace font bundled in the jar, so it draws the
 * same on a headless JRE with no system fonts. AWT is used here and nowhere else.
 */
package org.topgif.renderer.raster;

/**
 * Lays a sample out as a top-like grid of styled text cells: a pure function, with no pixels in it.
 */
package org.topgif.renderer.screen;

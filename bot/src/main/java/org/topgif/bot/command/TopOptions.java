package org.topgif.bot.command;

import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.SortKey;

/** What one /top asked for, checked. Immutable. */
public record TopOptions(int seconds, SortKey sort, String filter, int rows, Theme theme) {
}

package org.topgif.bot.post;

import java.util.OptionalInt;

import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.Layout;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.SortKey;

/**
 * What one /top asked for, checked. Immutable.
 *
 * @param rows  process rows asked for; empty means as many as the default GIF size holds
 * @param order whether the rows stay in place through the recording
 * @param live  record the next {@code seconds} (the user waits) rather than show the last ones from the history
 * @param layout top's whole screen, or the compact one a phone shows unshrunk
 */
public record TopOptions(int seconds, SortKey sort, String filter, OptionalInt rows, Theme theme, RowOrder order,
                         boolean live, Layout layout) {

    /** Top's whole screen. */
    public TopOptions(int seconds, SortKey sort, String filter, OptionalInt rows, Theme theme, RowOrder order,
                      boolean live) {
        this(seconds, sort, filter, rows, theme, order, live, Layout.WIDE);
    }
}

package org.topgif.renderer.screen;

/** How a cell should look; the raster's theme turns each style into colours. */
public enum CellStyle {
    /** The summary lines at the top. */
    HEADER,
    /** The column titles above the process rows, drawn as a bar like top's. */
    COLUMN_HEADER,
    /** A process doing something. */
    NORMAL,
    /** A process using at least {@link ScreenLayout#HOG_PERCENT} % of a CPU. */
    HOG,
    /** A process that used no CPU since the previous sample; a theme may draw it quieter, or as normal text. */
    DIM,
    /** Something that stopped reporting, such as a silent host of a fleet: greyed, in a colour of its own. */
    MUTED
}

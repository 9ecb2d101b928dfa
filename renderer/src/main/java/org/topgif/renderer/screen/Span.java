package org.topgif.renderer.screen;

import java.util.Objects;

/** A run of text in one style. Immutable. */
public record Span(String text, CellStyle style) {

    public Span {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
    }
}

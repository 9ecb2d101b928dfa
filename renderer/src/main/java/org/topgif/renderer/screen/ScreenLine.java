package org.topgif.renderer.screen;

import java.util.List;

/** One line of the screen: styled spans laid end to end from column 0. Immutable. */
public record ScreenLine(List<Span> spans) {

    public ScreenLine {
        spans = List.copyOf(spans);
    }

    /** A line in one style. */
    public static ScreenLine of(String text, CellStyle style) {
        return new ScreenLine(List.of(new Span(text, style)));
    }

    /** The line's characters, without styles. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Span span : spans) {
            text.append(span.text());
        }
        return text.toString();
    }
}

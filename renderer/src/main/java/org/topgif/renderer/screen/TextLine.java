package org.topgif.renderer.screen;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Builds a fixed-column line the way printf would, without printf: String.format parses its pattern on
 * every call, and at one frame a second that made layout cost a fifth of a whole sample. Numbers round as
 * printf rounds them. One per line, on one thread.
 */
final class TextLine {

    private final StringBuilder text = new StringBuilder(96);

    TextLine text(String value) {
        text.append(value);
        return this;
    }

    TextLine text(char value) {
        text.append(value);
        return this;
    }

    /** Right-aligned in {@code width}, like %Nd or %Ns; never cut. */
    TextLine right(String value, int width) {
        for (int i = value.length(); i < width; i++) {
            text.append(' ');
        }
        text.append(value);
        return this;
    }

    TextLine right(long value, int width) {
        return right(Long.toString(value), width);
    }

    /** Like %N.Df for D = 1 or 2. */
    TextLine decimal(double value, int decimals, int width) {
        return right(decimal(value, decimals), width);
    }

    /** Rounded half up from the shortest decimal that names the double, exactly as printf rounds. */
    static String decimal(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** Like %02d. */
    TextLine twoDigits(long value) {
        if (value < 10) {
            text.append('0');
        }
        text.append(value);
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

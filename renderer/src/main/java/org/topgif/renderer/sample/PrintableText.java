package org.topgif.renderer.sample;

/**
 * The rule for what of a process's own text may be shown: anything a terminal or a chat would act on rather
 * than print (control characters such as a newline or ESC, format characters such as bidirectional overrides
 * and zero-width spaces, unpaired surrogates, and U+FFFD, which stands for bytes that were not UTF-8) becomes
 * {@code ?}, as top shows it. Stateless and thread-safe.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** {@code text} with every character that is not printable replaced by {@code ?}. */
    public static String of(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && isPlainAscii(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text; // the usual case: nothing to replace, nothing to copy
        }
        StringBuilder shown = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            int codePoint = text.codePointAt(i);
            shown.append(isPrintable(codePoint) ? Character.toString(codePoint) : "?");
            i += Character.charCount(codePoint);
        }
        return shown.toString();
    }

    private static boolean isPlainAscii(char c) {
        return c >= 0x20 && c < 0x7F;
    }

    private static boolean isPrintable(int codePoint) {
        if (codePoint == 0xFFFD) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}

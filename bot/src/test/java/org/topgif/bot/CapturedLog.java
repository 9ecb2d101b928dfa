package org.topgif.bot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The bot's log lines, which go to standard error, kept while each test runs; register it as an extension. */
final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        original = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(original);
    }

    /** The lines so far that hold {@code containing}. */
    List<String> lines(String containing) {
        return log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(containing)).toList();
    }
}

package org.topgif.bot.cli;

/** Work that could not be done (a file not written, a benchmark that failed); one line, then exit code 1. */
public final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message);
    }
}

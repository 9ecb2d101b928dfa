package org.topgif.bot.cli;

/** A command line that cannot be run; its message is the one line the user sees before exit code 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

package org.topgif.bot.failure;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

import javax.net.ssl.SSLException;

import org.topgif.renderer.sample.CommandLineRedactor;

/**
 * Says in a few words why a connection failed ("connection refused", "unknown host discord.example"), from a
 * chain of causes, for a one-line message instead of a stack trace; secrets in messages are masked.
 * Stateless and thread-safe.
 */
public final class FailureCause {

    private FailureCause() {
    }

    /** The first cause in the chain that says what happened on the network, in words. */
    public static String describe(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + CommandLineRedactor.redactText(String.valueOf(cause.getMessage()));
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
                return "timed out";
            }
            if (cause instanceof SSLException) {
                return "TLS failed: " + CommandLineRedactor.redactText(String.valueOf(cause.getMessage()));
            }
            if (cause.getClass().getSimpleName().equals("OpeningHandshakeException")) {
                return "the server refused the WebSocket handshake";
            }
            deepest = cause;
        }
        String message = deepest.getMessage();
        String name = deepest.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return CommandLineRedactor.redactText(message == null ? name : message.lines().findFirst().orElse(name));
    }

    /**
     * A failure that should not have happened, in one line for a log or stderr: its class, its message with
     * secrets masked, and where it was thrown. A stack trace is no use to an operator and splits a log.
     */
    public static String oneLine(Throwable bug) {
        StackTraceElement[] where = bug.getStackTrace();
        return bug.getClass().getName() + ": " + CommandLineRedactor.redactText(String.valueOf(bug.getMessage()))
                + (where.length > 0 ? " at " + where[0] : "");
    }

    /** Whether the chain holds a network failure rather than an answer from Discord. */
    public static boolean isNetwork(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** A file's I/O failure in words for a one-line message: "no such file or directory", "permission denied". */
    public static String ofFile(java.io.IOException failure) {
        if (failure instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (failure instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof java.nio.file.FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}

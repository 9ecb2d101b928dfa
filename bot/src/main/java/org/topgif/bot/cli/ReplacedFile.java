package org.topgif.bot.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.topgif.bot.failure.FailureCause;

/**
 * A file that is replaced whole or not at all: the bytes go to a temporary file beside it, which is renamed
 * over it only once complete and on disk. Preparing creates that temporary file, so a folder that cannot be
 * written is found before any work is done. Not thread-safe: one per output, used by one thread.
 */
final class ReplacedFile implements AutoCloseable {

    /** What writes the content; may fail half-way, which leaves the target as it was. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temporary;
    private boolean done;

    private ReplacedFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Creates the temporary file beside {@code target}.
     *
     * @throws IOException when the folder does not exist or cannot be written, or the target is a folder
     */
    static ReplacedFile prepare(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new FileSystemException(target.toString(), null, "is a directory");
        }
        Path folder = absolute.getParent();
        Path temporary = createBeside(folder, absolute.getFileName().toString());
        // Removed by the JVM if it is stopped (Ctrl-C) before the file is complete.
        temporary.toFile().deleteOnExit();
        return new ReplacedFile(target, temporary);
    }

    /**
     * A new, empty file in {@code folder} named after the target. Created as any file is, so the umask decides
     * its mode, as for a file that cp or a shell's {@code >} makes (a temporary file's would be 0600).
     */
    private static Path createBeside(Path folder, String name) throws IOException {
        while (true) {
            Path candidate = folder.resolve("." + name + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                // Another writer's; try another name.
            }
        }
    }

    /**
     * Writes the content, forces it to disk and renames it over the target in one step. A target that exists
     * keeps its mode, as cp and a shell's {@code >} keep it.
     */
    void replaceWith(Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
        if (Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException notPosix) {
                // A file system without modes keeps none to copy.
            }
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        done = true;
    }

    void replaceWith(byte[] bytes) throws IOException {
        replaceWith(out -> out.write(bytes));
    }

    /** Removes the temporary file unless it became the target. */
    @Override
    public void close() {
        if (!done) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Nothing more can be done; deleteOnExit tries again.
            }
        }
    }

    /** An I/O failure in words for a one-line message: "no such directory", "no space left on device". */
    static String describe(IOException failure) {
        return FailureCause.ofFile(failure);
    }
}

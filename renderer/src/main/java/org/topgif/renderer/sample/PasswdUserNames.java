package org.topgif.renderer.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names uids from /etc/passwd, re-read only when the file's size or modification time changes.
 *
 * <p>OSHI's {@code getUser()} runs {@code getent passwd UID} as a new process on every call, which costs
 * hundreds of forks per sample; top reads the password database itself, and so do we. Not thread-safe:
 * one sampler owns it.
 */
final class PasswdUserNames {

    /** Empty: no file names the users, and every user shows as its uid. */
    private final Optional<Path> passwd;
    private Map<Integer, String> names = Map.of();
    private FileTime loadedModified;
    private long loadedSize = -1;

    PasswdUserNames(Path passwd) {
        this(Optional.of(passwd));
    }

    PasswdUserNames(Optional<Path> passwd) {
        this.passwd = passwd;
    }

    /** Re-reads the file if it changed since it was last read; a missing file names nobody. */
    void refresh() {
        if (passwd.isEmpty()) {
            return;
        }
        Path passwd = this.passwd.get();
        try {
            BasicFileAttributes attributes = Files.readAttributes(passwd, BasicFileAttributes.class);
            if (attributes.lastModifiedTime().equals(loadedModified) && attributes.size() == loadedSize) {
                return;
            }
            names = parse(Files.readAllLines(passwd, StandardCharsets.UTF_8));
            loadedModified = attributes.lastModifiedTime();
            loadedSize = attributes.size();
        } catch (IOException unreadable) {
            names = Map.of();
            loadedModified = null;
            loadedSize = -1;
        }
    }

    /** The user's name, or the uid itself as top shows it when the name is unknown. */
    String nameOf(int uid) {
        String name = names.get(uid);
        return name != null ? PrintableText.of(name) : Integer.toString(uid);
    }

    private static Map<Integer, String> parse(List<String> lines) {
        Map<Integer, String> parsed = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.split(":", 4);
            if (fields.length < 3 || fields[0].isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                // The first entry for a uid wins, as with getpwuid().
                parsed.putIfAbsent(Integer.parseInt(fields[2]), fields[0]);
            } catch (NumberFormatException notAUid) {
                // Skip NIS "+" lines and other entries without a numeric uid.
            }
        }
        return Map.copyOf(parsed);
    }
}

package org.topgif.bot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplacedFileTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.toList();
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.write(dir.resolve("top.gif"), new byte[] {1, 2, 3});
        try (ReplacedFile file = ReplacedFile.prepare(target)) {
            assertThrows(IOException.class, () -> file.replaceWith(out -> {
                out.write(new byte[16_384]);
                throw new IOException("No space left on device");
            }));
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aCompleteWriteReplacesTheFileWhole() throws IOException {
        Path target = Files.write(dir.resolve("top.gif"), new byte[] {1, 2, 3});
        try (ReplacedFile file = ReplacedFile.prepare(target)) {
            file.replaceWith(new byte[] {9, 8});
        }
        assertArrayEquals(new byte[] {9, 8}, Files.readAllBytes(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesAndAnExistingOneKeepsItsOwn() throws IOException {
        // What any program that creates a file here gets, as cp or `top -b > f` would.
        Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(Files.createFile(dir.resolve("probe")));
        Path fresh = dir.resolve("new.gif");
        try (ReplacedFile file = ReplacedFile.prepare(fresh)) {
            file.replaceWith(new byte[] {1});
        }
        assertEquals(PosixFilePermissions.toString(umasked), PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh)));

        Path existing = Files.write(dir.resolve("old.gif"), new byte[] {1});
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
        try (ReplacedFile file = ReplacedFile.prepare(existing)) {
            file.replaceWith(new byte[] {2});
        }
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
    }

    @Test
    void aFolderThatIsMissingOrATargetThatIsAFolderIsFoundBeforeWriting() {
        IOException missing = assertThrows(IOException.class,
                () -> ReplacedFile.prepare(dir.resolve("nowhere").resolve("top.gif")));
        assertEquals("no such file or directory", ReplacedFile.describe(missing));
        IOException folder = assertThrows(IOException.class, () -> ReplacedFile.prepare(dir));
        assertEquals("is a directory", ReplacedFile.describe(folder));
    }
}

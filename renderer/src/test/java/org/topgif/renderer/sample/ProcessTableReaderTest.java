package org.topgif.renderer.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table reader against a procfs laid out in a temporary folder, with the odd entries real ones have. */
class ProcessTableReaderTest {

    @TempDir
    Path proc;
    @TempDir
    Path etc;
    private ProcessTableReader reader;

    @BeforeEach
    void setUp() throws IOException {
        Path passwd = etc.resolve("passwd");
        int uid = (Integer) Files.getAttribute(proc, "unix:uid");
        Files.writeString(passwd, "# comment\n+nis\nsomeone:x:" + uid + ":0::/:/bin/sh\n");
        reader = new ProcessTableReader(proc, new PasswdUserNames(passwd), CommandLineRedactor.ENABLED);
    }

    private void process(int pid, String stat, String statm, String cmdline) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        if (stat != null) {
            Files.writeString(dir.resolve("stat"), stat);
        }
        if (statm != null) {
            Files.writeString(dir.resolve("statm"), statm);
        }
        if (cmdline != null) {
            Files.writeString(dir.resolve("cmdline"), cmdline);
        }
    }

    private static String stat(int pid, String name, char state, long flags, long ticks) {
        return pid + " (" + name + ") " + state + " 1 1 1 0 -1 " + flags + " 0 0 0 0 " + ticks
                + " 0 0 0 20 0 1 0 100 0 0 0\n";
    }

    private Map<Integer, ProcessEntry> read() {
        return reader.read().stream().collect(Collectors.toMap(e -> e.stat().pid(), Function.identity()));
    }

    @Test
    void skipsEntriesThatVanishedOrAreMalformedAndKeepsTheRest() throws IOException {
        process(10, stat(10, "good", 'S', 0, 7), "300 200 100 0 0 0 0\n", "/usr/bin/good\0--password=x\0");
        process(11, "11 (trunc", null, null);
        process(12, null, null, null);                                // directory left, files gone
        process(13, "not a stat line at all", "1 1 1", "x");
        process(14, stat(14, "nostatm", 'S', 0, 1), null, "nostatm");  // exited between stat and statm
        process(15, stat(15, "zombie", 'Z', 0, 3), null, null);       // zombies have no memory and no cmdline
        process(16, stat(16, "kworker/0:1", 'I', 0x00200000, 0), null, null);
        Files.createDirectories(proc.resolve("self"));
        Files.writeString(proc.resolve("uptime"), "1.0 1.0\n");

        Map<Integer, ProcessEntry> entries = read();

        assertEquals(List.of(10, 15, 16), entries.keySet().stream().sorted().collect(Collectors.toList()));
        ProcessEntry good = entries.get(10);
        assertEquals("someone", good.user());
        assertEquals("/usr/bin/good --password=***", good.commandLine());
        assertEquals(300, good.sizePages());
        assertEquals(200, good.residentPages());
        assertEquals(100, good.sharedPages());
        assertEquals("", entries.get(15).commandLine());
        assertEquals(0, entries.get(16).residentPages());
    }

    @Test
    void remembersTicksOfTheSameProcessAndForgetsOnesThatAreGone() throws IOException {
        process(20, stat(20, "worker", 'R', 0, 50), "1 1 1\n", "worker");
        read();
        Files.writeString(proc.resolve("20/stat"), stat(20, "worker", 'R', 0, 80));
        assertEquals(50, read().get(20).previousCpuTicks());

        deleteProcess(20);
        assertTrue(read().isEmpty());
        process(20, stat(20, "worker", 'R', 0, 5), "1 1 1\n", "worker");
        assertEquals(0, read().get(20).previousCpuTicks(), "a pid seen again after it was gone is a new process");
    }

    @Test
    void rereadsTheCommandLineAfterAnExecButKeepsTheProcessTicks() throws IOException {
        process(30, stat(30, "sh", 'S', 0, 10), "1 1 1\n", "sh\0-c\0exec app");
        assertEquals("sh -c exec app", read().get(30).commandLine());
        Files.writeString(proc.resolve("30/stat"), stat(30, "app", 'S', 0, 12));
        Files.writeString(proc.resolve("30/cmdline"), "app\0--token\0t");
        ProcessEntry after = read().get(30);
        assertEquals("app --token ***", after.commandLine());
        assertEquals(10, after.previousCpuTicks());
    }

    @Test
    void readsOnlyTheStartOfAHugeCommandLineAndDropsTheWordTheCutFallsIn() throws IOException {
        String huge = "/usr/bin/app\0--token\0tok-1\0" + "word ".repeat(600) + "https://user:pw@host"
                + "\0" + "L".repeat(2_000_000) + "\0";
        process(20, stat(20, "app", 'S', 0, 1), "1 1 1", huge);

        String shown = read().get(20).commandLine();

        assertTrue(shown.startsWith("/usr/bin/app --token *** word word "), shown);
        assertTrue(shown.endsWith("word https://user:***@host …"), shown.substring(shown.length() - 40));
        assertTrue(shown.length() < ProcessTableReader.COMMAND_LINE_BYTES, "length " + shown.length());
        assertFalse(shown.contains("tok-1"), shown);
    }

    @Test
    void aCutThatFallsInsideAUrlNeverShowsItsPassword() {
        byte[] cmdline = new byte[ProcessTableReader.COMMAND_LINE_BYTES];
        byte[] start = ("app\0" + "x".repeat(ProcessTableReader.COMMAND_LINE_BYTES - 30) + " https://u:secret")
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, cmdline, 0, start.length);
        java.util.Arrays.fill(cmdline, start.length, cmdline.length, (byte) 'X');

        String shown = ProcessTableReader.commandLine(cmdline, cmdline.length, CommandLineRedactor.ENABLED);

        assertFalse(shown.contains("secret"), shown.substring(shown.length() - 30));
        assertTrue(shown.endsWith("x …"), shown.substring(shown.length() - 10));
    }

    @Test
    void controlCharactersInNamesAndArgumentsShowAsQuestionMarks() throws IOException {
        process(21, stat(21, "evil\u001b[2J", 'S', 0, 1), "1 1 1",
                "evil\0line\nforged row\0\u001b[31mred\0\u202eliar\0");
        ProcessEntry entry = read().get(21);
        assertEquals("evil?[2J", entry.stat().name());
        assertEquals("evil line?forged row ?[31mred ?liar", entry.commandLine());
    }

    @Test
    void invalidUtf8ShowsAsQuestionMarks() throws IOException {
        Path dir = Files.createDirectories(proc.resolve("23"));
        Files.writeString(dir.resolve("stat"), stat(23, "bad", 'S', 0, 1));
        Files.writeString(dir.resolve("statm"), "1 1 1");
        Files.write(dir.resolve("cmdline"), new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF, 0});
        assertEquals("bad?( ?", read().get(23).commandLine());
    }

    @Test
    void namesAnUnknownUidByItsNumber() throws IOException {
        Files.writeString(etc.resolve("passwd"), "nobody:x:65534:65534::/:/bin/false\n");
        process(40, stat(40, "x", 'S', 0, 0), "1 1 1\n", "x");
        int uid = (Integer) Files.getAttribute(proc, "unix:uid");
        assertEquals(Integer.toString(uid), read().get(40).user());
    }

    private void deleteProcess(int pid) throws IOException {
        Path dir = proc.resolve(Integer.toString(pid));
        try (var files = Files.list(dir)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Test
    void withoutAPasswdFileEveryUserShowsAsItsUid() throws IOException {
        process(30, stat(30, "app", 'S', 0, 1), "1 1 1", "app\0");
        int uid = (Integer) Files.getAttribute(proc, "unix:uid");
        ProcessTableReader numeric = new ProcessTableReader(proc, new PasswdUserNames(java.util.Optional.empty()),
                CommandLineRedactor.ENABLED);
        assertEquals(Integer.toString(uid), numeric.read().get(0).user());
        numeric.close();
    }
}

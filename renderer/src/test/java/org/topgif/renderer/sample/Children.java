package org.topgif.renderer.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real child processes for a test, all destroyed when it ends. */
final class Children implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();

    Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        started.add(process);
        return process;
    }

    /** Like {@link #start}, without the test's environment, which would take room from the arguments. */
    Process startWithEmptyEnvironment(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** A JVM running {@link DutyCycleMain}: one CPU busy {@code percent} % of the time. */
    Process startDutyCycle(int percent) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return start(java, "-Xmx16m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), DutyCycleMain.class.getName(), Integer.toString(percent));
    }

    @Override
    public void close() {
        for (Process process : started) {
            process.destroyForcibly();
        }
        for (Process process : started) {
            process.onExit().join();
        }
    }
}

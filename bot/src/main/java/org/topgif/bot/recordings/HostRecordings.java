package org.topgif.bot.recordings;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.topgif.renderer.Pacer;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.RecordingProgress;
import org.topgif.renderer.TopGifRecorder;
import org.topgif.renderer.sample.CommandLineRedactor;
import org.topgif.renderer.sample.ProcessSampler;
import org.topgif.renderer.sample.SystemSample;

/** Records this host with a sampler of its own per recording, closed when done. Thread-safe. */
public final class HostRecordings implements Recordings {

    private final CommandLineRedactor redactor;
    private final Optional<Path> passwd;

    /** @param passwd the file that names users; empty shows numeric ids */
    public HostRecordings(CommandLineRedactor redactor, Optional<Path> passwd) {
        this.redactor = redactor;
        this.passwd = passwd;
    }

    @Override
    public List<SystemSample> record(RecordingPlan plan, RecordingProgress progress) throws InterruptedException {
        try (ProcessSampler sampler = ProcessSampler.forThisHost(redactor, passwd)) {
            return new TopGifRecorder(sampler::sample, Pacer.SYSTEM).recordSamples(plan, progress);
        }
    }
}

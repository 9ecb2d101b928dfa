package org.topgif.renderer;

import java.time.Duration;

import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.screen.ScreenOptions;

/** Records 60 frames at 800x400 from synthetic samples as fast as it can; run under -Xmx64m by a test. */
public final class SixtyFrameRecordingMain {

    private SixtyFrameRecordingMain() {
    }

    public static void main(String[] args) throws Exception {
        RecordingPlan plan = new RecordingPlan(Duration.ofSeconds(60), Duration.ofSeconds(1), 800, 400, Theme.DARK,
                0, ScreenOptions.defaults().withRows(1000));
        byte[] gif = new TopGifRecorder(new SyntheticSamples(7), Pacer.instant()).record(plan, RecordingProgress.NONE);
        Runtime runtime = Runtime.getRuntime();
        System.out.println(gif.length + " bytes, max heap " + runtime.maxMemory() / (1024 * 1024) + " MiB");
    }
}

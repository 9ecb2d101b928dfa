package org.topgif.bot.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.ScreenOptions;
import org.topgif.renderer.screen.SortKey;

class SharedRendersTest {

    private static final RecordingPlan PLAN = new RecordingPlan(Duration.ofSeconds(6), Duration.ofSeconds(1), 650, 300,
            Theme.DARK, 0, ScreenOptions.defaults());

    @Test
    @Timeout(60)
    void thirtyTwoSimultaneousRequestsForTheSameGifDrawItOnce() throws Exception {
        SharedRenders renders = new SharedRenders(10 << 20, System::nanoTime);
        List<SystemSample> samples = MadeUpSamples.of(6);
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch together = new CountDownLatch(32);
            List<Future<Optional<byte[]>>> gifs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                gifs.add(threads.submit(() -> {
                    together.countDown();
                    together.await();
                    // Each request copies the window it drew from the history: equal lists of the same samples.
                    return renders.fit(List.copyOf(samples), PLAN);
                }));
            }
            byte[] first = gifs.get(0).get().orElseThrow();
            for (Future<Optional<byte[]>> gif : gifs) {
                assertSame(first, gif.get().orElseThrow(), "every request uploads the one GIF");
            }
            assertEquals(1, renders.drawn());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void otherOptionsOrOtherSamplesAreDrawnApart() {
        SharedRenders renders = new SharedRenders(10 << 20, System::nanoTime);
        List<SystemSample> samples = MadeUpSamples.of(6);
        byte[] cpu = renders.fit(samples, PLAN).orElseThrow();
        RecordingPlan byMemory = new RecordingPlan(PLAN.duration(), PLAN.interval(), PLAN.width(), PLAN.height(),
                PLAN.theme(), PLAN.plays(), PLAN.screen().withSort(SortKey.MEM));
        assertNotSame(cpu, renders.fit(samples, byMemory).orElseThrow());
        // Equal in content, but not the same samples: a recording of its own, which nobody else asked for.
        assertNotSame(cpu, renders.fit(MadeUpSamples.of(6), PLAN).orElseThrow());
        assertEquals(3, renders.drawn());
    }

    @Test
    void aRenderIsForgottenTwoIntervalsAfterItWasAskedFor() {
        AtomicLong now = new AtomicLong();
        SharedRenders renders = new SharedRenders(10 << 20, now::get);
        List<SystemSample> samples = MadeUpSamples.of(6);
        byte[] first = renders.fit(samples, PLAN).orElseThrow();
        now.set(Duration.ofSeconds(2).toNanos());
        assertSame(first, renders.fit(samples, PLAN).orElseThrow());
        now.set(Duration.ofSeconds(2).toNanos() + 1);
        assertNotSame(first, renders.fit(samples, PLAN).orElseThrow());
        assertEquals(2, renders.drawn());
    }
}

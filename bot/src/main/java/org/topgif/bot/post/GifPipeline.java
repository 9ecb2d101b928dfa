package org.topgif.bot.post;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.topgif.renderer.RecordingPlan;
import org.topgif.renderer.raster.FrameRasterizer;
import org.topgif.renderer.raster.Theme;
import org.topgif.renderer.sample.SystemSample;
import org.topgif.renderer.screen.RowOrder;
import org.topgif.renderer.screen.Layout;
import org.topgif.renderer.screen.ScreenOptions;

/**
 * The one path from what was asked for to what is posted, for /top and scheduled posts alike: the recording
 * plan for a request's options, then the recorded samples drawn into a GIF that fits the upload limit,
 * with its summary line. Where the GIF goes is the publishers' business. Thread-safe: requests that want
 * the same GIF at the same time share one render.
 */
public final class GifPipeline {

    private final RecordingPlan defaults;
    private final SharedRenders renders;
    private final String host;
    /** Frame height without text lines, and per line: to grow the GIF when more rows are asked for. */
    private final int frameMargins;
    private final int lineHeight;

    /** @param host the name the summaries give this host */
    public GifPipeline(RecordingPlan defaults, long uploadLimitBytes, String host) {
        this.defaults = defaults;
        this.renders = new SharedRenders(uploadLimitBytes, System::nanoTime);
        this.host = host;
        FrameRasterizer sizes = new FrameRasterizer(defaults.width(), defaults.height(), defaults.theme());
        this.frameMargins = sizes.heightFor(0);
        this.lineHeight = sizes.heightFor(1) - frameMargins;
    }

    /** The name the summaries give this host. */
    public String host() {
        return host;
    }

    /** How the configured screen orders a recording's rows, for requests that do not say. */
    public RowOrder defaultOrder() {
        return defaults.screen().order();
    }

    /** The configured theme, for posts that do not say. */
    public Theme defaultTheme() {
        return defaults.theme();
    }

    /** The configured screen's layout, for requests that do not say. */
    public Layout defaultLayout() {
        return defaults.screen().layout();
    }

    /** The recording asked for: the default one, as tall as the rows asked for need, if any were. */
    public RecordingPlan plan(TopOptions options) {
        int height = defaults.height();
        Layout layout = options.layout();
        ScreenOptions screen = defaults.screen().withSort(options.sort()).withFilter(options.filter())
                .withOrder(options.order()).withLayout(layout);
        if (options.rows().isPresent()) {
            int rows = options.rows().getAsInt();
            height = Math.min(RecordingPlan.MAX_SIDE,
                    Math.max(height, frameMargins + (layout.linesAbove() + rows) * lineHeight));
            screen = screen.withRows(rows);
        }
        return new RecordingPlan(Duration.ofSeconds(options.seconds()), defaults.interval(),
                layout.frameWidth(defaults.width()), height, options.theme(), defaults.plays(), screen);
    }

    /**
     * The GIF of {@code shown} and its summary, naming {@code slot} when it is a scheduled post's; empty when
     * not even one frame fits the upload limit.
     */
    public Optional<RenderedGif> render(Shown shown, RecordingPlan plan, Optional<String> slot) {
        if (shown instanceof Shown.Fleet fleet) {
            TopSummary summary = TopSummary.ofFleet(fleet.hosts(), fleet.notShown(), slot);
            return GifFitter.fitFleet(fleet.hosts(), fleet.notShown(), plan, renders.limitBytes())
                    .map(gif -> new RenderedGif(gif, summary.message(), summary.altText()));
        }
        Shown.OneHost one = (Shown.OneHost) shown;
        SystemSample last = one.samples().get(one.samples().size() - 1);
        TopSummary summary = slot.map(label -> TopSummary.at(one.name(), label, last))
                .orElseGet(() -> TopSummary.of(one.name(), last));
        return renders.fit(one.samples(), plan).map(gif -> new RenderedGif(gif, summary.message(), summary.altText()));
    }

    /** This host's samples, as the summary names it. */
    public Shown.OneHost own(List<SystemSample> samples) {
        return new Shown.OneHost(host, samples);
    }

    /** How many GIFs were drawn since start, as opposed to shared with a request that wanted the same one. */
    public long gifsDrawn() {
        return renders.drawn();
    }

    /**
     * A GIF ready to post, with the line that goes with it as message and as alt text.
     *
     * @param gif the GIF's bytes, shared by every request that wanted the same one: read them, never write
     * @param summary the message's content, escaped for markdown
     * @param altText the same line for the attachment's description, plain
     * @param buttons under the message: what a click asks for again
     */
    public record RenderedGif(byte[] gif, String summary, String altText, List<TopButtons.Control> buttons) {

        public RenderedGif {
            buttons = List.copyOf(buttons);
        }

        /** Without buttons. */
        public RenderedGif(byte[] gif, String summary, String altText) {
            this(gif, summary, altText, List.of());
        }

        /** The same GIF and lines, with {@code more} under it. */
        public RenderedGif withButtons(List<TopButtons.Control> more) {
            return new RenderedGif(gif, summary, altText, more);
        }
    }
}

package org.topgif.renderer.raster;

/**
 * The original script's little pie: a full light disc, and a slice in the accent colour growing clockwise from twelve
 * o'clock with each frame shown, so a looping GIF shows where its loop is. Immutable.
 */
final class ProgressPie {

    private final int centreX;
    private final int centreY;
    private final int radius;
    /**
     * Each pixel of the disc's bounding square: its angle clockwise from twelve o'clock (0 to 2 pi), or NaN
     * outside the disc. Worked out once, not with an atan2 for every pixel of every frame.
     */
    private final double[] angles;

    ProgressPie(int centreX, int centreY, int radius) {
        this.centreX = centreX;
        this.centreY = centreY;
        this.radius = radius;
        int side = 2 * radius + 1;
        this.angles = new double[side * side];
        long r2 = (long) radius * radius;
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                double angle = Double.NaN;
                if ((long) dx * dx + (long) dy * dy <= r2) {
                    angle = Math.atan2(dx, -dy);
                    if (angle < 0) {
                        angle += 2 * Math.PI;
                    }
                }
                angles[(dy + radius) * side + dx + radius] = angle;
            }
        }
    }

    /** Draws the pie with {@code shown} of {@code total} frames filled. */
    void draw(byte[] pixels, int width, int shown, int total) {
        double filled = total <= 0 ? 0 : 2 * Math.PI * shown / total;
        int height = pixels.length / width;
        int side = 2 * radius + 1;
        for (int dy = -radius; dy <= radius; dy++) {
            int y = centreY + dy;
            if (y < 0 || y >= height) {
                continue;
            }
            for (int dx = -radius; dx <= radius; dx++) {
                int x = centreX + dx;
                double angle = angles[(dy + radius) * side + dx + radius];
                if (x < 0 || x >= width || Double.isNaN(angle)) {
                    continue;
                }
                pixels[y * width + x] = angle < filled || shown >= total ? Theme.ACCENT : Theme.TEXT;
            }
        }
    }
}

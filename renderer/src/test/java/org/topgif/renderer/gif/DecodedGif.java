package org.topgif.renderer.gif;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.gif.GifImageMetadata;
import org.apache.commons.imaging.formats.gif.GifImageMetadataItem;
import org.w3c.dom.NodeList;

/** A GIF decoded by an independent decoder and composed frame by frame as a viewer shows it; test code. */
record DecodedGif(List<int[]> composedFrames, List<Integer> delaysCentis, int loopCount, int width, int height) {

    /** Decodes with javax.imageio; loopCount is -1 when there is no NETSCAPE2.0 extension. */
    static DecodedGif withImageIo(byte[] gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            IIOMetadataNode stream = (IIOMetadataNode) reader.getStreamMetadata()
                    .getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode screen = (IIOMetadataNode) stream.getElementsByTagName("LogicalScreenDescriptor").item(0);
            int width = Integer.parseInt(screen.getAttribute("logicalScreenWidth"));
            int height = Integer.parseInt(screen.getAttribute("logicalScreenHeight"));
            int[] canvas = new int[width * height];
            List<int[]> frames = new ArrayList<>();
            List<Integer> delays = new ArrayList<>();
            int loops = -1;
            for (int i = 0; i < count; i++) {
                BufferedImage image = reader.read(i);
                IIOMetadata metadata = reader.getImageMetadata(i);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode descriptor = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(control.getAttribute("delayTime")));
                NodeList applications = root.getElementsByTagName("ApplicationExtension");
                for (int a = 0; a < applications.getLength(); a++) {
                    IIOMetadataNode application = (IIOMetadataNode) applications.item(a);
                    if ("NETSCAPE".equals(application.getAttribute("applicationID"))) {
                        byte[] data = (byte[]) application.getUserObject();
                        loops = (data[1] & 0xFF) | (data[2] & 0xFF) << 8;
                    }
                }
                compose(canvas, width, image, Integer.parseInt(descriptor.getAttribute("imageLeftPosition")),
                        Integer.parseInt(descriptor.getAttribute("imageTopPosition")));
                frames.add(canvas.clone());
            }
            return new DecodedGif(frames, delays, loops, width, height);
        } finally {
            reader.dispose();
        }
    }

    /** Decodes with Apache Commons Imaging: its images and its per-frame metadata. */
    static DecodedGif withCommonsImaging(byte[] gif) throws IOException {
        List<BufferedImage> images = Imaging.getAllBufferedImages(gif);
        GifImageMetadata metadata = (GifImageMetadata) Imaging.getMetadata(gif);
        int width = metadata.getWidth();
        int height = metadata.getHeight();
        int[] canvas = new int[width * height];
        List<int[]> frames = new ArrayList<>();
        List<Integer> delays = new ArrayList<>();
        List<GifImageMetadataItem> items = metadata.getItems();
        for (int i = 0; i < images.size(); i++) {
            GifImageMetadataItem item = items.get(i);
            delays.add(item.getDelay());
            compose(canvas, width, images.get(i), item.getLeftPosition(), item.getTopPosition());
            frames.add(canvas.clone());
        }
        return new DecodedGif(frames, delays, -2, width, height);
    }

    private static void compose(int[] canvas, int width, BufferedImage image, int left, int top) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) != 0) {
                    canvas[(top + y) * width + left + x] = argb & 0xFFFFFF;
                }
            }
        }
    }
}

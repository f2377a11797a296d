package org.tokenspace.io;

import org.tokenspace.model.TokenSpaceException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** PNG pictures, written atomically. */
public final class Png {
    /** The smallest picture, in points: room for a stage's title, a table and a legend. */
    public static final int MIN_WIDTH = 200;
    public static final int MIN_HEIGHT = 150;
    /** Pixels per point, above 0 and at most this. */
    public static final double MAX_SCALE = 4;
    /** The most pixels a picture may have in all (width x height x scale squared): 256 MB of ARGB. */
    public static final double MAX_PIXELS = 64e6;

    private Png() {
    }

    /**
     * Throws a {@link TokenSpaceException} unless a picture of {@code width x height} points at {@code scale} pixels
     * per point is within the limits every command and figure shares.
     */
    public static void requireSize(int width, int height, double scale) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT || !(scale > 0) || scale > MAX_SCALE
                || width * scale * height * scale > MAX_PIXELS) {
            throw new TokenSpaceException("the picture must be at least " + MIN_WIDTH + "x" + MIN_HEIGHT
                    + ", with a scale above 0 and up to 4, and at most 64 megapixels in all; got " + width + "x"
                    + height + " at scale " + scale);
        }
    }

    public static void write(Path file, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new TokenSpaceException("no PNG writer is available in this Java installation");
            }
        } catch (IOException e) {
            throw new TokenSpaceException("cannot encode the PNG for " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}

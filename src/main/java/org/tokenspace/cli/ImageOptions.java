package org.tokenspace.cli;

import org.tokenspace.io.Png;
import picocli.CommandLine.Option;

/**
 * The size of a picture: width and height in points, and pixels per point. Each command gives its own defaults
 * (a new instance); the limits are {@link Png#requireSize}'s for all.
 */
final class ImageOptions {
    @Option(names = "--width", paramLabel = "W", description = "The picture's width in points, at least "
            + Png.MIN_WIDTH + " (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "H", description = "The picture's height in points, at least "
            + Png.MIN_HEIGHT + " (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--scale", paramLabel = "X", description = "Pixels per point, above 0 and up to 4; the picture"
            + " has at most 64 megapixels in all (default: ${DEFAULT-VALUE}).")
    double scale;

    /** Picocli's instance, for a command that declares its defaults. */
    ImageOptions() {
        this(1440, 900, 1);
    }

    ImageOptions(int width, int height, double scale) {
        this.width = width;
        this.height = height;
        this.scale = scale;
    }

    /** Checks the limits, then returns this. */
    ImageOptions checked() {
        Png.requireSize(width, height, scale);
        return this;
    }

    /** Width in pixels. */
    int pixelWidth() {
        return (int) Math.round(width * scale);
    }

    /** Height in pixels. */
    int pixelHeight() {
        return (int) Math.round(height * scale);
    }
}

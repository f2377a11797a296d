package org.tokenspace.cli;

import org.tokenspace.model.MemoryBudget;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.projection.VocabularyCloud;
import javafx.scene.Scene;
import org.tokenspace.view.Camera;
import org.tokenspace.view.HeadlessFx;
import org.tokenspace.view.PointCloudView;
import org.tokenspace.view.PointRaster;
import org.tokenspace.view.ViewMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Draws a rotating cloud off-screen through the point view's rasterizer (the code behind every picture the view
 * shows), or with {@code --view} through the whole view on the headless platform, and prints frames per second. Up to
 * vocabSize points are the seeded token table's vocabulary cloud (its rows in their first three principal
 * components); more are a synthetic Gaussian table of the same spread.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the frames per second of the point view's rasterizer drawing a rotating cloud.")
final class BenchRenderCommand implements Callable<Integer> {
    private static final int WARMUP_FRAMES = 30;
    /** One degree of orbit, in the camera's drag pixels. */
    private static final double DEGREE = Math.toRadians(1) / 0.01;

    @Option(names = "--points", required = true, paramLabel = "P", description = "The cloud's size: up to"
            + " vocabSize, the token table's vocabulary cloud; above it, a synthetic Gaussian cloud.")
    int points;

    @Option(names = "--frames", paramLabel = "F", description = "Frames to time (default: ${DEFAULT-VALUE}).")
    int frames = 300;

    @Mixin
    ImageOptions image = new ImageOptions(1280, 800, 1);

    @Mixin
    TableSizeOptions table;

    @Option(names = "--threads", paramLabel = "N", description = "Drawing threads (default: every core, at most 8).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--view", description = "Time the whole point view on the headless JavaFX platform, not the"
            + " rasterizer alone.")
    boolean view;

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeConverter.class,
            description = "The projection: perspective, orthographic or flat_2d (default: ${DEFAULT-VALUE}).")
    ViewMode mode = ViewMode.PERSPECTIVE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (points < 1 || frames < 1) {
            throw new TokenSpaceException("--points and --frames must be at least 1");
        }
        image.checked();
        int width = image.pixelWidth();
        int height = image.pixelHeight();
        MemoryBudget.requireFloats("the " + points + "-point cloud", 3L * points);
        var out = spec.commandLine().getOut();
        String source;
        float[] xyz;
        if (points <= table.vocabSize) {
            VocabularyCloud cloud = VocabularyCloud.of(table.seeded());
            xyz = java.util.Arrays.copyOf(cloud.points(), 3 * points); // [P, 3]
            source = "seed-" + Long.toUnsignedString(table.seed()) + " token table's vocabulary cloud";
        } else {
            xyz = synthetic(points);
            source = "synthetic Gaussian table";
        }
        double seconds = view ? timeView(xyz, width, height) : timeRaster(xyz, width, height);
        out.printf(Locale.ROOT, "render%s: %d points (%s), %d frames at %dx%d %s, %d threads: %.1f fps"
                        + " (%.2f ms a frame)%n", view ? " --view" : "", points, source, frames, width, height,
                mode.name().toLowerCase(Locale.ROOT), view ? Runtime.getRuntime().availableProcessors() : threads,
                frames / seconds, 1000 * seconds / frames);
        out.flush();
        return 0;
    }

    /** Seconds for {@code frames} frames of the rasterizer alone, one degree of orbit a frame. */
    private double timeRaster(float[] xyz, int width, int height) {
        PointRaster raster = new PointRaster(threads);
        raster.setPoints(xyz, points);
        raster.resize(width, height);
        Camera camera = new Camera();
        camera.setMode(mode);
        camera.lookAt(0, 0, 0, raster.extent());
        for (int i = 0; i < WARMUP_FRAMES; i++) {
            camera.orbit(DEGREE, 0);
            raster.render(camera.frame(width, height));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            camera.orbit(DEGREE, 0);
            raster.render(camera.frame(width, height));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * Seconds for {@code frames} frames of the whole point view on the headless platform: rasterizer, the image's
     * upload and the overlay (axes, grid labels, legend), as each change on screen draws it.
     */
    private double timeView(float[] xyz, int width, int height) {
        HeadlessFx.start();
        return HeadlessFx.call(() -> {
            PointCloudView v = new PointCloudView();
            v.setCloud(xyz, i -> "", null);
            v.setAxisNames("PC1", "PC2", "PC3");
            v.setMode(mode);
            new Scene(v, width, height);
            v.applyCss();
            v.layout();
            for (int i = 0; i < WARMUP_FRAMES; i++) {
                v.getCamera().orbit(DEGREE, 0);
                v.renderNow();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                v.getCamera().orbit(DEGREE, 0);
                v.renderNow();
            }
            return (System.nanoTime() - t0) / 1e9;
        });
    }

    /** A seeded Gaussian cloud {@code [points, 3]} with standard deviations about 1.07 (like the table's PCs). */
    private static float[] synthetic(int points) {
        SplittableRandom rng = new SplittableRandom(123);
        float[] xyz = new float[3 * points];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = (float) (gaussian(rng) * 1.07);
        }
        return xyz;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** {@code perspective}, {@code orthographic} or {@code flat_2d}, any case. */
    static final class ModeConverter implements CommandLine.ITypeConverter<ViewMode> {
        @Override
        public ViewMode convert(String value) {
            try {
                return ViewMode.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("mode '" + value
                        + "' is not one of perspective, orthographic, flat_2d");
            }
        }
    }
}

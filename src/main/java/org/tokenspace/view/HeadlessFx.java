package org.tokenspace.view;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.transform.Scale;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * JavaFX without a screen (Monocle's headless platform, software rendering), for pictures from the command line:
 * start it once, build nodes on its thread, snapshot them.
 */
public final class HeadlessFx {
    /** Held so that its level stays set: JavaFX warns on the class path about running outside modules. */
    private static final java.util.logging.Logger FX_LOG = java.util.logging.Logger.getLogger("javafx");
    private static boolean started;

    private HeadlessFx() {
    }

    /** Starts the headless platform unless JavaFX already runs. Call before any other JavaFX use. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        // a screen larger than any window drawn on it
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "3840x2400-32"));
        System.setProperty("prism.text", System.getProperty("prism.text", "t2k"));
        System.setProperty("java.awt.headless", "true");
        FX_LOG.setLevel(java.util.logging.Level.SEVERE);
        CompletableFuture<Void> up = new CompletableFuture<>();
        try {
            Platform.startup(() -> up.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            up.complete(null);
        }
        up.join();
        Platform.setImplicitExit(false);
        call(Fonts::load); // the bundled fonts, so that a snapshot looks the same on every machine
        started = true;
    }

    /** Runs {@code task} on the JavaFX thread and returns its result. */
    public static <T> T call(Supplier<T> task) {
        if (Platform.isFxApplicationThread()) {
            return task.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("drawing took more than two minutes", e);
        }
    }

    /**
     * Lays {@code root} out at {@code width x height} (in a scene of its own if it has none) and draws it at
     * {@code scale} (2 for sharp figures on high-density screens and in print). Call on the JavaFX thread.
     */
    public static BufferedImage render(Parent root, int width, int height, double scale) {
        if (root.getScene() == null) {
            new Scene(root, width, height);
        }
        root.resize(width, height);
        root.applyCss();
        root.layout();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(new Scale(scale, scale));
        WritableImage img = new WritableImage((int) Math.round(width * scale), (int) Math.round(height * scale));
        return SwingFXUtils.fromFXImage(root.snapshot(p, img), null);
    }

    /** The node as it is drawn, as an image (call on the JavaFX thread). */
    public static BufferedImage snapshot(Node node) {
        WritableImage image = node.snapshot(null, null);
        return SwingFXUtils.fromFXImage(image, null);
    }
}

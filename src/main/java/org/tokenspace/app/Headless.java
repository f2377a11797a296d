package org.tokenspace.app;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Scale;
import org.tokenspace.io.AtomicFiles;
import org.tokenspace.model.TokenSpaceException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * JavaFX without a display or GPU (the Monocle headless platform and the software pipeline), and the one renderer
 * that turns a view into a PNG: used by the {@code snapshot} command, the app's Export PNG and the tests.
 */
public final class Headless {
    private static boolean started;

    private Headless() {
    }

    /** Starts the headless platform once; call before any other JavaFX use in this JVM. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", System.getProperty("headless.geometry", "3840x2400-32"));
        System.setProperty("java.awt.headless", "true");
        System.setProperty("testfx.headless", "true");
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // a toolkit is already up (inside the app or a test): use it
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    public static <T> T onFx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Lays {@code root} out at {@code width x height} (in a scene of its own if it has none) and draws it. */
    public static BufferedImage render(Parent root, int width, int height, double scale) {
        return onFx(() -> {
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
        });
    }

    /** Writes a PNG through the one file writer. */
    public static void writePng(BufferedImage image, Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new TokenSpaceException("cannot encode the PNG for " + file + ": " + e.getMessage());
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}

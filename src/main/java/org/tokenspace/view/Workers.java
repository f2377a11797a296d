package org.tokenspace.view;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** The rasterizer's worker threads (daemons, one fewer than the parts: the caller runs part 0). */
final class Workers {
    /** The most parts worth running at once: every core, at most 8. */
    static final int MAX = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, MAX - 1), r -> {
        Thread t = new Thread(r, "point-raster");
        t.setDaemon(true);
        return t;
    });

    private Workers() {
    }

    /** Runs {@code task(0 .. parts-1)}, part 0 on the calling thread. */
    static void run(int parts, IntConsumer task) {
        if (parts == 1) {
            task.accept(0);
            return;
        }
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int part = t;
            futures[t - 1] = POOL.submit(() -> task.accept(part));
        }
        task.accept(0);
        for (Future<?> fu : futures) {
            try {
                fu.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rendering interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("rendering failed", e.getCause());
            }
        }
    }
}

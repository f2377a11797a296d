package org.tokenspace.app;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tokenspace.Logs;
import org.tokenspace.i18n.I18n;
import org.tokenspace.io.Progress;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.TokenSpaceException;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs the app's long jobs one at a time on a worker thread of its own, with progress and Cancel, and hands each
 * result to the FX thread. A new job replaces the one still running (that one is cancelled and its result dropped),
 * so what arrives is always the newest. A failure becomes a one-line {@link #problemProperty() problem}; whatever
 * state the caller keeps stays as it was. Use it from the FX thread.
 */
public final class TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** A long job: it reports its progress and polls for Cancel through {@code progress}. */
    @FunctionalInterface
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ExecutorService worker;
    private Task<?> running;

    /** @param name the worker thread's name */
    public TaskRunner(String name) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code job}, replacing any job still running. When it succeeds {@code done} gets its value on the FX
     * thread; when it fails, {@link #problemProperty()} names the failure, starting with {@code what} for anything
     * that is not a user's problem, and {@code failed} (may be null) is told.
     */
    public <T> void run(String what, Job<T> job, Consumer<T> done, Runnable failed) {
        if (running != null) {
            running.cancel();
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return job.run(new Progress(f -> updateProgress(f, 1), this::isCancelled));
            }
        };
        task.setOnSucceeded(e -> {
            if (finish(task)) {
                done.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (finish(task)) {
                problem.set(message(task.getException(), what));
                if (failed != null) {
                    failed.run();
                }
            }
        });
        running = task;
        busy.set(true);
        progress.unbind();
        progress.bind(task.progressProperty()); // -1 (indeterminate) until the job reports a fraction
        worker.submit(task);
    }

    /** True when {@code task} is the newest job: it is then no longer running. */
    private boolean finish(Task<?> task) {
        if (running != task) {
            return false;
        }
        running = null;
        busy.set(false);
        return true;
    }

    /** The user's Cancel: stops the running job, if any, and says that the last good state is shown. */
    public void cancel() {
        if (running != null) {
            running.cancel();
            running = null;
            busy.set(false);
            problem.set(I18n.tr("task.cancelled"));
        }
    }

    /** Shows a one-line problem the user can fix, or clears it with "". */
    public void setProblem(String message) {
        problem.set(message);
    }

    /** The one line shown for a failure: the user's problem as it is; anything else logged and named. */
    static String message(Throwable ex, String what) {
        if (ex instanceof TokenSpaceException) {
            return ex.getMessage();
        }
        if (ex instanceof Pipeline.Cancelled) {
            return I18n.tr("task.cancelled");
        }
        LOG.error(what, ex);
        return I18n.tr("task.failed", what, ex.getClass().getSimpleName(),
                Logs.file() == null ? I18n.tr("task.standardError") : Logs.file().toString());
    }

    /**
     * Blocks until none of {@code runners} runs a job, as seen at one moment on the FX thread (a job that starts
     * another when it ends counts as running). For tests and the snapshot command; call from another thread.
     */
    public static void awaitIdle(TaskRunner... runners) throws InterruptedException {
        while (true) {
            CountDownLatch checked = new CountDownLatch(1);
            boolean[] idle = {true};
            Platform.runLater(() -> {
                for (TaskRunner r : runners) {
                    idle[0] &= !r.busy.get();
                }
                checked.countDown();
            });
            checked.await();
            if (idle[0]) {
                return;
            }
            Thread.sleep(20);
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The fraction of the running job done, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last failure or user's problem as one line, "" when there is none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

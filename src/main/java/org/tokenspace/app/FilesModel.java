package org.tokenspace.app;

import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.i18n.I18n;
import org.tokenspace.io.Exports;
import org.tokenspace.io.Png;
import org.tokenspace.io.SessionFile;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Files out and sessions in and out, each in the background with progress and Cancel (a 50257 x 256 CSV takes
 * seconds): the window stays responsive and the state on screen is what gets written.
 */
public final class FilesModel {
    /** The extension of session files. */
    public static final String SESSION_EXTENSION = ".tokenspace.json";

    private final WalkthroughModel model;
    private final TaskRunner runner = new TaskRunner("tokenspace-files");

    FilesModel(WalkthroughModel model) {
        this.model = model;
    }

    /** Writes {@code what} of the state on screen into {@code dir} in {@code format}. */
    public void export(Exports.What what, Exports.Format format, Path dir) {
        Walkthrough w = model.walkthroughProperty().get();
        if (w == null) {
            return;
        }
        runner.setProblem("");
        runner.run(I18n.tr("task.export", what.id()), p -> Exports.write(what, w.result().tables(), w::result,
                        () -> Nd4j.create(w.cloud().points(), new long[] {w.cloud().size(), 3}, 'c'), format, dir),
                (List<Path> written) -> model.reportStatus(I18n.tr("status.wrote", written.size(), dir)), null);
    }

    /** Writes a picture drawn on the FX thread as a PNG, in the background. */
    public void writePng(Path file, BufferedImage picture) {
        runner.setProblem("");
        runner.run(I18n.tr("task.writePng", file.getFileName()), p -> {
            Png.write(file, picture);
            return file;
        }, f -> model.reportStatus(I18n.tr("status.wroteFile", f)), null);
    }

    /** Saves the session; a name without {@value #SESSION_EXTENSION} gets it, so Open finds the file. */
    public void saveSession(Path file) {
        Path target = withExtension(file);
        SessionFile.Session s = model.session();
        runner.setProblem("");
        runner.run(I18n.tr("task.saveSession"), p -> {
            SessionFile.write(target, s);
            return target;
        }, f -> model.reportStatus(I18n.tr("status.sessionSaved", f)), null);
    }

    /** Reads a session in the background, then reopens it. */
    public void openSession(Path file) {
        runner.setProblem("");
        runner.run(I18n.tr("task.openSession", file.getFileName()), p -> SessionFile.read(file), model::restore,
                null);
    }

    /** Any other writing job, in the background like the exports; {@code done} gets its result. */
    <T> void write(String what, TaskRunner.Job<T> job, java.util.function.Consumer<T> done) {
        runner.setProblem("");
        runner.run(what, job, done, null);
    }

    /** {@code file} ending in {@value #SESSION_EXTENSION}. */
    static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(SESSION_EXTENSION)) {
            return file;
        }
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return file.resolveSibling(stem + SESSION_EXTENSION);
    }

    TaskRunner runner() {
        return runner;
    }
}

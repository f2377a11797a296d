package org.tokenspace.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.tokenspace.Logs;
import org.tokenspace.i18n.I18n;
import org.tokenspace.io.Exports;
import org.tokenspace.io.TableFiles;
import org.tokenspace.io.TensorInfo;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.view.HeadlessFx;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The menus. File: texts and tables in, pictures and data out, sessions, About, Quit. View: zoom, full screen, the
 * settings panel. They ask the user (file choosers, dialogs) and hand the answers to the view models, which do the
 * work in the background.
 */
final class AppMenu extends MenuBar {
    private final WalkthroughModel model;
    private final Supplier<Node> currentView;

    AppMenu(WalkthroughModel model, Supplier<Node> currentView) {
        this.model = model;
        this.currentView = currentView;
        setId("menu-bar");
        Menu file = new Menu(I18n.tr("menu.file"));
        file.setId("file-menu");
        MenuItem seeded = item("menu.useSeeded", model::useSeededTables);
        seeded.disableProperty().bind(model.loadedProperty().isNull());
        MenuItem quit = item("menu.quit", javafx.application.Platform::exit);
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        file.getItems().addAll(item("menu.openTables", this::openTables), seeded, new SeparatorMenuItem(),
                item("menu.exportPng", this::exportPng),
                item("menu.copyPicture", this::copyPicture),
                item("menu.exportTokenTable", () -> exportData(Exports.What.TOKEN_TABLE)),
                item("menu.exportPositionTable", () -> exportData(Exports.What.POSITION_TABLE)),
                item("menu.exportBatch", () -> exportData(Exports.What.BATCH)),
                item("menu.exportProjection", () -> exportData(Exports.What.PROJECTION)),
                new SeparatorMenuItem(),
                item("menu.saveSession", this::saveSession),
                item("menu.openSession", this::openSession),
                new SeparatorMenuItem(),
                item("menu.about", this::about), new SeparatorMenuItem(), quit);
        getMenus().addAll(file, viewMenu(model.display()));
    }

    private Menu viewMenu(DisplayModel display) {
        Menu view = new Menu(I18n.tr("menu.view"));
        view.setId("view-menu");
        MenuItem in = item("menu.zoomIn", display::zoomIn);
        in.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        MenuItem out = item("menu.zoomOut", display::zoomOut);
        out.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem actual = item("menu.zoomReset", display::resetZoom);
        actual.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        CheckMenuItem full = new CheckMenuItem(I18n.tr("menu.fullScreen"));
        full.setAccelerator(new KeyCodeCombination(KeyCode.F11));
        full.selectedProperty().bindBidirectional(display.fullScreenProperty());
        CheckMenuItem settings = new CheckMenuItem(I18n.tr("menu.showSettings"));
        settings.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        settings.selectedProperty().bindBidirectional(display.settingsShownProperty());
        CheckMenuItem code = new CheckMenuItem(I18n.tr("menu.showCode"));
        code.setId("show-code");
        code.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        code.selectedProperty().bindBidirectional(model.code().shownProperty());
        Menu language = new Menu(I18n.tr("menu.language"));
        language.setId("language-menu");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (java.util.Locale l : I18n.LANGUAGES) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    l.getDisplayLanguage(l).substring(0, 1).toUpperCase(l) + l.getDisplayLanguage(l).substring(1));
            item.setId("language-" + l.getLanguage());
            item.setToggleGroup(group);
            item.setSelected(l.getLanguage().equals(display.languageProperty().get().getLanguage()));
            item.setOnAction(e -> display.languageProperty().set(l));
            language.getItems().add(item);
        }
        view.getItems().addAll(in, out, actual, new SeparatorMenuItem(), full, settings, code, new SeparatorMenuItem(),
                language);
        return view;
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem m = new MenuItem(I18n.tr(key));
        m.setOnAction(e -> guarded(action));
        return m;
    }

    /** A user's problem becomes the inline message; the app stays as it was. */
    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (TokenSpaceException e) {
            model.reportProblem(e.getMessage());
        }
    }

    private Window window() {
        return getScene().getWindow();
    }


    private void openTables() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.tr("menu.openTablesTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.tr("menu.tablesFilter"), "*.safetensors", "*.npy", "*.tsv"),
                new FileChooser.ExtensionFilter(I18n.tr("menu.allFiles"), "*.*"));
        File f = chooser.showOpenDialog(window());
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        if (TableFiles.format(file) != TableFiles.Format.SAFETENSORS) {
            model.loadTables(file, null, null);
            return;
        }
        List<String> names = TableFiles.tables(file).stream().map(TensorInfo::name).toList();
        Optional<String> token = choose(I18n.tr("menu.tokenTensorTitle"), I18n.tr("menu.tokenTensorQuestion"), names,
                names.stream().filter(n -> n.endsWith("wte.weight")).findFirst().orElse(names.get(0)));
        if (token.isEmpty()) {
            return;
        }
        String seededPositions = I18n.tr("menu.seededPositions");
        List<String> others = new ArrayList<>(List.of(seededPositions));
        others.addAll(names.stream().filter(n -> !n.equals(token.get())).toList());
        Optional<String> position = choose(I18n.tr("menu.positionTensorTitle"),
                I18n.tr("menu.positionTensorQuestion"), others,
                others.stream().filter(n -> n.endsWith("wpe.weight")).findFirst().orElse(others.get(0)));
        position.ifPresent(p -> model.loadTables(file, token.get(), p.equals(seededPositions) ? null : p));
    }

    private static Optional<String> choose(String title, String question, List<String> options, String initial) {
        ChoiceDialog<String> d = new ChoiceDialog<>(initial, options);
        d.setTitle(title);
        d.setHeaderText(question);
        return d.showAndWait();
    }

    /** The current stage drawn at twice its size (drawing needs the FX thread; writing it does not). */
    private BufferedImage picture() {
        javafx.scene.Parent view = (javafx.scene.Parent) currentView.get();
        Figures.clean(view, true); // a figure for course notes: the point views without their controls
        try {
            return HeadlessFx.render(view, (int) view.getLayoutBounds().getWidth(),
                    (int) view.getLayoutBounds().getHeight(), 2);
        } finally {
            Figures.clean(view, false);
        }
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.tr("menu.exportPngTitle"));
        chooser.setInitialFileName(model.stepper().stepProperty().get().cliName() + ".png");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            model.files().writePng(f.toPath(), picture());
        }
    }

    private void copyPicture() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(picture(), null));
        Clipboard.getSystemClipboard().setContent(content);
        model.reportStatus(I18n.tr("status.copiedPicture", Step.name(model.stepper().stepProperty().get())));
    }

    private void exportData(Exports.What what) {
        Optional<String> format = choose(I18n.tr("menu.exportTitle"), I18n.tr("menu.exportFormatQuestion"),
                List.of("npy", "csv", "projector-tsv", "safetensors"), "npy");
        if (format.isEmpty()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(I18n.tr("menu.exportFolderTitle"));
        File dir = chooser.showDialog(window());
        if (dir != null) {
            model.files().export(what, Exports.Format.parse(format.get()), dir.toPath());
        }
    }

    private void saveSession() {
        FileChooser chooser = sessionChooser(I18n.tr("menu.saveSessionTitle"));
        chooser.setInitialFileName("session" + FilesModel.SESSION_EXTENSION);
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            model.files().saveSession(f.toPath());
        }
    }

    private void openSession() {
        File f = sessionChooser(I18n.tr("menu.openSessionTitle")).showOpenDialog(window());
        if (f != null) {
            model.files().openSession(f.toPath());
        }
    }

    private static FileChooser sessionChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(I18n.tr("menu.sessionsFilter"),
                        "*" + FilesModel.SESSION_EXTENSION, "*.json"),
                new FileChooser.ExtensionFilter(I18n.tr("menu.allFiles"), "*.*"));
        return chooser;
    }

    private void about() {
        aboutDialog().showAndWait();
    }

    /** The About dialog, in the window's fonts (a dialog has a scene of its own, which inherits nothing). */
    static Alert aboutDialog() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        MainView.style(a.getDialogPane());
        a.setTitle(I18n.tr("about.title"));
        a.setHeaderText(I18n.tr("about.header", "0.1.0"));
        a.setContentText(I18n.tr("about.text", Logs.file() == null ? I18n.tr("task.standardError")
                : Logs.file().toString()));
        return a;
    }
}

package org.tokenspace.cli;

import org.tokenspace.app.Figures;
import org.tokenspace.app.SampleText;
import org.tokenspace.app.Step;
import org.tokenspace.io.Png;
import org.tokenspace.model.Preset;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.projection.VocabularyCloud;
import org.tokenspace.view.ViewMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Any view as a PNG, with no display and no GPU; {@code --all} writes every figure the README shows. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Draw a stage, the whole window or the vocabulary cloud as a PNG without a display; --all writes"
                + " every figure of the README.")
final class SnapshotCommand implements Callable<Integer> {
    /** The README's figures: each stage at the course's defaults and at the book's Embedding(6, 3). */
    static final List<String> README_FIGURES = List.of("window", "default-tokenize", "default-lookup",
            "default-position", "default-batch", "default-projection", "book-lookup", "book-position",
            "book-batch", "cloud-3d", "cloud-2d");

    @Option(names = "--view", paramLabel = "VIEW", description = "What to draw: tokenize, lookup, position, batch,"
            + " projection, window, cloud-3d or cloud-2d.")
    String view;

    @Option(names = "--all", description = "Write every figure of the README into the --out folder.")
    boolean all;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The PNG to write (with --all:"
            + " a folder).")
    Path out;

    @Mixin
    ImageOptions image = new ImageOptions(1440, 900, 2);

    @Option(names = "--lang", paramLabel = "LANG", description = "The window's language: en, el, fr, tr, ko or ja"
            + " (default: ${DEFAULT-VALUE}).")
    String lang = "en";

    @Option(names = "--code", description = "With --view window: show the stage's PyTorch code beside it.")
    boolean code;

    @Option(names = "--map", paramLabel = "MAP", description = "The Explore stage's map of the text's tokens: pca,"
            + " tsne or umap (default: ${DEFAULT-VALUE}).")
    String map = "pca";

    @Option(names = "--use-trained", description = "With --train-steps: every stage uses the trained tables.")
    boolean useTrained;

    @Option(names = "--position-kind", paramLabel = "KIND", description = "What the Position stage adds, also the"
            + " Schemes stage's first scheme: learned, sinusoidal, rope, t5 or alibi (default: ${DEFAULT-VALUE}).")
    String positionKind = "learned";

    @Option(names = "--zoom", paramLabel = "Z", description = "The window's zoom, as View > Zoom in sets it: 0.8 to 3"
            + " (default: ${DEFAULT-VALUE}).")
    double zoom = 1;

    @Option(names = "--train-steps", paramLabel = "N", description = "Train this many steps first, for the Train"
            + " stage's figures; with --embedding-dim 64 or less at the learn-visibly preset's lr 4e-3 (default:"
            + " ${DEFAULT-VALUE}).")
    int trainSteps;

    @Option(names = "--file", paramLabel = "FILE", description = "The UTF-8 text, or - for standard input"
            + " (default: the app's sample text).")
    Path file;

    @Option(names = "--book", description = "The book's Embedding(6, 3) example: the ids 2, 3, 5, 1 and its"
            + " settings.")
    boolean book;

    @Option(names = "--step", paramLabel = "STAGE", description = "The stage the window shows, with --view window"
            + " (default: ${DEFAULT-VALUE}).")
    String step = "tokenize";

    @Option(names = "--row", paramLabel = "B", description = "The selected token's row in the batch (default:"
            + " ${DEFAULT-VALUE}).")
    int row;

    @Option(names = "--position", paramLabel = "T", description = "The selected token's position in its row"
            + " (default: ${DEFAULT-VALUE}).")
    int position;

    @Option(names = "--id", paramLabel = "ID", description = "Select this token id instead of a place in the"
            + " batch.")
    Integer id;

    @Mixin
    SettingsOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (org.tokenspace.i18n.I18n.parse(lang) == null) {
            throw new TokenSpaceException("unknown language '" + lang + "': use en, el, fr, tr, ko or ja");
        }
        org.tokenspace.i18n.I18n.setLocale(org.tokenspace.i18n.I18n.parse(lang));
        if (!(zoom >= 0.8 && zoom <= 3)) {
            throw new TokenSpaceException("--zoom " + zoom + " is outside 0.8 to 3: use 1 for the normal size, 2 for"
                    + " twice as large");
        }
        image.checked();
        if (all == (view != null)) {
            throw new TokenSpaceException("give either --view V or --all");
        }
        if (all) {
            for (String name : README_FIGURES) {
                Path file = out.resolve(name + ".png");
                Png.write(file, figure(name));
                spec.commandLine().getOut().println("wrote " + file);
            }
        } else {
            Png.write(out, single());
            spec.commandLine().getOut().println("wrote " + out);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private BufferedImage single() throws InterruptedException {
        if (view.startsWith("cloud")) {
            return cloud(view);
        }
        Preset start = book ? Preset.BOOK : new Preset(options.settings(),
                file == null ? SampleText.TEXT : TextInput.read(file, System.in), -1);
        boolean window = view.trim().equalsIgnoreCase("window");
        Integer chosen = id == null && book && window ? Integer.valueOf(Preset.BOOK.selectedId()) : id; // the book's id 3
        Figures.Pick pick = chosen != null ? new Figures.Pick(-1, -1, chosen) : new Figures.Pick(row, position, -1);
        return Figures.render(parseStep(window ? step : view, window ? "step" : "view"), window, start, pick,
                image.width, image.height, image.scale, zoom, trainSteps, m -> {
                    m.code().shownProperty().set(code);
                    org.tokenspace.positions.PositionKind k = org.tokenspace.positions.PositionKind.parse(positionKind);
                    m.positionKindProperty().set(k);
                    m.schemes().leftProperty().set(k);
                    m.explore().methodProperty().set(switch (map.strip().toLowerCase(java.util.Locale.ROOT)) {
                        case "pca" -> org.tokenspace.app.ExploreModel.Method.PCA;
                        case "tsne", "t-sne" -> org.tokenspace.app.ExploreModel.Method.TSNE;
                        case "umap" -> org.tokenspace.app.ExploreModel.Method.UMAP;
                        default -> throw new TokenSpaceException("--map " + map + " is not a map: use pca, tsne or umap");
                    });
                    if (useTrained && trainSteps > 0) {
                        m.train().useInWalkthrough();
                    } else {
                        m.explore().map();
                    }
                });
    }

    private BufferedImage figure(String name) throws InterruptedException {
        if (name.startsWith("cloud")) {
            return cloud(name);
        }
        if (name.equals("window")) {
            return Figures.render(Step.LOOKUP, true, Preset.course(SampleText.TEXT), new Figures.Pick(0, 1, -1),
                    image.width, image.height, image.scale, zoom);
        }
        boolean isBook = name.startsWith("book-");
        Step stage = parseStep(name.substring(name.indexOf('-') + 1), "view");
        return Figures.render(stage, false, isBook ? Preset.BOOK : Preset.course(SampleText.TEXT),
                new Figures.Pick(0, 1, -1), image.width, image.height, image.scale, zoom);
    }

    private BufferedImage cloud(String name) {
        ViewMode mode = switch (name) {
            case "cloud-3d" -> ViewMode.PERSPECTIVE;
            case "cloud-2d" -> ViewMode.FLAT_2D;
            default -> throw new TokenSpaceException("unknown view '" + name + "': use cloud-3d or cloud-2d");
        };
        org.tokenspace.model.Tables tables = options.table.seeded();
        return CloudCommand.picture(VocabularyCloud.of(tables), tables.labels(), mode, CloudCommand.DEFAULT_MARKS, "",
                image);
    }

    private static Step parseStep(String name, String option) {
        return Step.find(name).orElseThrow(() -> new TokenSpaceException("unknown " + option + " '" + name
                + "': use tokenize, lookup, position, batch, projection" + (option.equals("view")
                ? ", window, cloud-3d or cloud-2d" : "")));
    }
}

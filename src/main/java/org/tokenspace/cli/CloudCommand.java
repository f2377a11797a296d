package org.tokenspace.cli;

import javafx.scene.paint.Color;
import org.tokenspace.io.Png;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.RowLabels;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.projection.VocabularyCloud;
import org.tokenspace.view.HeadlessFx;
import org.tokenspace.view.Marker;
import org.tokenspace.view.PointCloudView;
import org.tokenspace.view.Vec3;
import org.tokenspace.view.ViewMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A picture of the whole seeded token table in its first three principal components (the vocabulary cloud the app
 * shows), drawn by the point view without a screen and written as PNG.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
        description = "Draw the token table's vocabulary cloud, its rows in their first three principal components,"
                + " as a PNG; no screen is needed.")
final class CloudCommand implements Callable<Integer> {
    private static final Color[] MARK_COLORS = {Color.web("#ffd84a"), Color.web("#4ff0ff"), Color.web("#ff9a4a"),
        Color.web("#b99cff"), Color.web("#7dff8a"), Color.web("#ff6b8b")};

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "The PNG to write.")
    Path out;

    @Option(names = "--mode", converter = BenchRenderCommand.ModeConverter.class, paramLabel = "MODE",
            description = "The projection: perspective, orthographic or flat_2d (default: ${DEFAULT-VALUE}).")
    ViewMode mode = ViewMode.PERSPECTIVE;

    @Option(names = "--mark", paramLabel = "TOKEN",
            description = "A text that is one GPT-2 token, marked and labeled; repeat it to mark several.")
    List<String> marks = new ArrayList<>();

    @Option(names = "--search", paramLabel = "TEXT", description = "Highlight the tokens that contain this text.")
    String search = "";

    @Mixin
    TableSizeOptions table;

    @Mixin
    ImageOptions image = new ImageOptions(1600, 1000, 1);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The tokens the README's clouds mark. */
    static final List<Integer> DEFAULT_MARKS = List.of(262, 15496, 2746, 11241, 13, 50256); // ·the Hello ·model ·token . <|endoftext|>

    /** {@code cloud}'s points drawn headless, rows named by {@code labels}, {@code markIds} marked. */
    static BufferedImage picture(VocabularyCloud cloud, RowLabels labels, ViewMode mode, List<Integer> markIds,
                                 String search, ImageOptions image) {
        image.checked();
        for (int id : markIds) {
            if (id >= cloud.size()) {
                throw new TokenSpaceException("token " + id + " ('" + labels.of(id) + "') is outside the token table"
                        + " of vocabSize " + cloud.size() + ": raise --vocab-size or mark another token");
            }
        }
        HeadlessFx.start();
        return HeadlessFx.call(() -> {
            PointCloudView view = new PointCloudView();
            view.setCloud(cloud.points(), labels::of, null); // [V, 3]
            view.setAxisNames(cloud.axes().axisNames());
            view.setMode(mode);
            for (int k = 0; k < markIds.size(); k++) {
                int id = markIds.get(k);
                float[] p = cloud.point(id);
                view.getMarkers().add(new Marker(new Vec3(p[0], p[1], p[2]), MARK_COLORS[k % MARK_COLORS.length],
                        "\u201c" + labels.of(id) + "\u201d  " + id));
            }
            view.setSearch(search);
            view.setFigure(true);
            return HeadlessFx.render(view, image.width, image.height, image.scale);
        });
    }

    @Override
    public Integer call() {
        image.checked();
        Gpt2Tokenizer tokenizer = Gpt2Tokenizer.get();
        List<Integer> markIds = new ArrayList<>();
        for (String m : marks) {
            int[] ids = tokenizer.encode(m);
            if (ids.length != 1) {
                throw new TokenSpaceException("--mark '" + m + "' is " + ids.length + " GPT-2 tokens: give a text"
                        + " that is exactly one token (e.g. ' the', 'Hello')");
            }
            markIds.add(ids[0]);
        }
        Tables tables = table.seeded();
        BufferedImage picture = picture(VocabularyCloud.of(tables), tables.labels(), mode, markIds, search, image);
        Png.write(out, picture);
        spec.commandLine().getOut().printf("wrote %s (%dx%d, %s)%n", out, picture.getWidth(), picture.getHeight(),
                mode.name().toLowerCase(java.util.Locale.ROOT));
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package org.tokenspace.cli;

import javafx.scene.Scene;
import javafx.scene.paint.Color;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.io.Png;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.projection.Pca;
import org.tokenspace.projection.PcaAxes;
import org.tokenspace.view.HeadlessFx;
import org.tokenspace.view.Marker;
import org.tokenspace.view.PointCloudView;
import org.tokenspace.view.Vec3;
import org.tokenspace.view.ViewMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A picture of the whole seeded token table in its first three principal components, drawn by the point view
 * without a screen and written as PNG.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true, description = "Draw the token table's PCA cloud as a PNG (no screen needed).")
final class CloudCommand implements Callable<Integer> {
    private static final Color[] MARK_COLORS = {Color.web("#ffd84a"), Color.web("#4ff0ff"), Color.web("#ff9a4a"),
        Color.web("#b99cff"), Color.web("#7dff8a"), Color.web("#ff6b8b")};

    @Option(names = "--out", required = true, description = "output .png")
    Path out;

    @Option(names = "--seed", converter = Converters.Seed.class, description = "torch.manual_seed (default 123)")
    long seed = 123;

    @Option(names = "--mode", converter = BenchRenderCommand.ModeConverter.class,
            description = "perspective (default), orthographic or flat_2d")
    ViewMode mode = ViewMode.PERSPECTIVE;

    @Option(names = "--mark", description = "a text that is one GPT-2 token, marked and labeled; repeatable")
    List<String> marks = new ArrayList<>();

    @Option(names = "--search", description = "highlight the tokens containing this text")
    String search = "";

    @Option(names = "--width", description = "picture width (default 1600)")
    int width = 1600;

    @Option(names = "--height", description = "picture height (default 1000)")
    int height = 1000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The tokens the README's clouds mark. */
    static final List<Integer> DEFAULT_MARKS = List.of(262, 15496, 2746, 11241, 13, 50256); // ·the Hello ·model ·token . <|endoftext|>

    /** The seeded token table's cloud in its first three principal components, drawn headless. */
    static BufferedImage picture(long seed, ViewMode mode, List<Integer> markIds, String search, int width,
                                 int height, double scale) {
        Gpt2Tokenizer tokenizer = Gpt2Tokenizer.get();
        INDArray table = Tables.seeded(seed, Gpt2Tokenizer.VOCAB_SIZE, 256, 4, NormalKernel.AVX2).tokenTable();
        PcaAxes axes = Pca.fit(table, 3);
        float[] xyz = axes.transform(table); // [50257, 3]
        HeadlessFx.start();
        return HeadlessFx.call(() -> {
            PointCloudView view = new PointCloudView();
            view.setCloud(xyz, tokenizer::tokenText, null);
            view.setAxisNames(axes.axisNames());
            view.setMode(mode);
            for (int k = 0; k < markIds.size(); k++) {
                int id = markIds.get(k);
                view.getMarkers().add(new Marker(new Vec3(xyz[3 * id], xyz[3 * id + 1], xyz[3 * id + 2]),
                        MARK_COLORS[k % MARK_COLORS.length], "\u201c" + tokenizer.tokenText(id) + "\u201d  " + id));
            }
            view.setSearch(search);
            view.setFigure(true);
            return HeadlessFx.render(view, width, height, scale);
        });
    }

    @Override
    public Integer call() {
        if (width < 200 || height < 150 || (long) width * height > 40_000_000L) {
            throw new TokenSpaceException("the picture must be at least 200x150 and at most 40 megapixels");
        }
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
        BufferedImage picture = picture(seed, mode, markIds, search, width, height, 1);
        Png.write(out, picture);
        spec.commandLine().getOut().printf("wrote %s (%dx%d, %s)%n", out, width, height,
                mode.name().toLowerCase(java.util.Locale.ROOT));
        spec.commandLine().getOut().flush();
        return 0;
    }
}

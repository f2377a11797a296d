package org.tokenspace.cli;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.explore.Projection;
import org.tokenspace.explore.Trustworthiness;
import org.tokenspace.explore.Tsne;
import org.tokenspace.explore.TsneSettings;
import org.tokenspace.explore.Umap;
import org.tokenspace.explore.UmapSettings;
import org.tokenspace.explore.Vectors;
import org.tokenspace.io.Npy;
import org.tokenspace.io.Progress;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.projection.Pca;
import org.tokenspace.projection.PcaAxes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A table's rows (or some of them) mapped to 2 or 3 dimensions by PCA, t-SNE or UMAP: the coordinates as .npy; for
 * PCA the explained variance per component is printed.
 */
@Command(name = "project", mixinStandardHelpOptions = true, description = {
        "Map the rows of a .npy table [N, D] to a few coordinates: PCA (its principal components, explained variance"
                + " printed), t-SNE (Barnes-Hut, scikit-learn's defaults) or UMAP (umap-learn's defaults).",
        "With --rows only the listed rows are mapped, each once, in the order first listed (e.g. the output of"
                + " 'tokenspace tokenize' for the distinct tokens of a text)."})
final class ProjectCommand implements Callable<Integer> {
    @Option(names = "--method", paramLabel = "pca|tsne|umap",
            description = "How to map the rows (default: ${DEFAULT-VALUE}).")
    String method = "pca";

    @Option(names = "--in", paramLabel = "FILE.npy", required = true,
            description = "The float32 or float64 .npy table [N, D].")
    Path in;

    @Option(names = "--rows", paramLabel = "IDS.json",
            description = "A JSON array of row ids to map instead of every row; repeats are mapped once.")
    Path rows;

    @Option(names = "--components", paramLabel = "K",
            description = "Number of coordinates k: 1 to D for pca (default 3), 2 or 3 for"
                    + " tsne and umap (default 2).")
    Integer components;

    @Option(names = "--perplexity", paramLabel = "P",
            description = "t-SNE: the effective number of neighbours of each point"
                    + " (default 30).")
    Double perplexity;

    @Option(names = "--learning-rate", paramLabel = "LR",
            description = "t-SNE: the step size, or 0 for scikit-learn's auto,"
                    + " max(N / 48, 50) (default 0).")
    Double learningRate;

    @Option(names = "--iterations", paramLabel = "N",
            description = "t-SNE: gradient steps, at least 250 (default 1000); UMAP:"
                    + " epochs (default 500 up to 10,000 rows, else 200).")
    Integer iterations;

    @Option(names = "--neighbors", paramLabel = "K",
            description = "UMAP: the neighbourhood size, the point itself included"
                    + " (default 15).")
    Integer neighbors;

    @Option(names = "--min-dist", paramLabel = "D",
            description = "UMAP: how tightly points may pack, 0 to 1 (default 0.1).")
    Double minDist;

    @Option(names = "--init", paramLabel = "pca|random", description = "t-SNE and UMAP: start from the first"
            + " principal components or from random positions drawn with --seed (default pca).")
    String init;

    @Option(names = "--seed", paramLabel = "SEED", converter = Converters.Seed.class,
            description = "t-SNE and UMAP: the seed of a"
                    + " random start and of UMAP's negative samples, so that a run repeats exactly (default 0).")
    Long seed;

    @Option(names = "--trustworthiness", description = "Also print scikit-learn's trustworthiness (k = 10) of the"
            + " result; it costs N^2 distances.")
    boolean trustworthiness;

    @Option(names = "--out", paramLabel = "FILE.npy", required = true,
            description = "The output .npy: float32 coordinates [N, k].")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String m = method.toLowerCase(Locale.ROOT);
        if (!m.equals("pca") && !m.equals("tsne") && !m.equals("umap")) {
            throw new TokenSpaceException("--method must be pca, tsne or umap, got '" + method + "'");
        }
        checkOptionsFit(m);
        INDArray table = Npy.read(in);
        if (table.rank() != 2) {
            throw new TokenSpaceException(in + " holds an array of shape " + Arrays.toString(table.shape())
                    + ": project needs a 2-D table [N, D]");
        }
        if (rows != null) {
            table = Nd4j.pullRows(table, 1, RowList.read(rows, Math.toIntExact(table.rows()))); // [n, D]
        }
        if (m.equals("pca")) {
            return pca(table);
        }
        Vectors x = Vectors.of(table);
        int k = components == null ? 2 : components;
        long t0 = System.nanoTime();
        Projection p = m.equals("tsne") ? Tsne.prepare(x, tsneSettings(k), Progress.NONE)
                : Umap.prepare(x, umapSettings(k), Progress.NONE);
        long t1 = System.nanoTime();
        float[] coords = p.run(Progress.NONE);
        long t2 = System.nanoTime();
        Npy.write(out, Nd4j.create(coords, new long[] {x.rows(), k}, 'c'));
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s of %d x %d rows to %d components in %.2f s (%s %.2f s, %d %s %.2f s) -> %s [%d, %d]%n",
                m.equals("tsne") ? "t-SNE" : "UMAP", x.rows(), x.dim(), k, (t2 - t0) / 1e9,
                m.equals("tsne") ? "neighbours and affinities" : "neighbours and graph", (t1 - t0) / 1e9,
                p.iterations(), m.equals("tsne") ? "iterations" : "epochs", (t2 - t1) / 1e9, out, x.rows(), k);
        if (trustworthiness) {
            w.printf(Locale.ROOT, "trustworthiness(k=10) %.4f%n",
                    Trustworthiness.of(x, new Vectors(coords, x.rows(), k), 10));
        }
        w.flush();
        return 0;
    }

    /** An option that only another method reads is a mistake worth one line, not a silent no-op. */
    private void checkOptionsFit(String m) {
        Map<String, Object> tsneOnly = new LinkedHashMap<>();
        tsneOnly.put("--perplexity", perplexity);
        tsneOnly.put("--learning-rate", learningRate);
        Map<String, Object> umapOnly = new LinkedHashMap<>();
        umapOnly.put("--neighbors", neighbors);
        umapOnly.put("--min-dist", minDist);
        Map<String, Object> notPca = new LinkedHashMap<>();
        notPca.put("--iterations", iterations);
        notPca.put("--init", init);
        notPca.put("--seed", seed);
        notPca.put("--trustworthiness", trustworthiness ? true : null);
        for (var e : tsneOnly.entrySet()) {
            if (e.getValue() != null && !m.equals("tsne")) {
                throw new TokenSpaceException(e.getKey() + " applies to --method tsne only");
            }
        }
        for (var e : umapOnly.entrySet()) {
            if (e.getValue() != null && !m.equals("umap")) {
                throw new TokenSpaceException(e.getKey() + " applies to --method umap only");
            }
        }
        for (var e : notPca.entrySet()) {
            if (e.getValue() != null && m.equals("pca")) {
                throw new TokenSpaceException(e.getKey() + " applies to --method tsne and umap, not pca");
            }
        }
        if (init != null && !init.equalsIgnoreCase("pca") && !init.equalsIgnoreCase("random")) {
            throw new TokenSpaceException("--init must be pca or random, got '" + init + "'");
        }
    }

    private boolean randomInit() {
        return init != null && init.equalsIgnoreCase("random");
    }

    private TsneSettings tsneSettings(int k) {
        TsneSettings s = TsneSettings.DEFAULTS.withComponents(k);
        s = perplexity == null ? s : s.withPerplexity(perplexity);
        s = iterations == null ? s : s.withIterations(iterations);
        s = learningRate == null ? s : s.withLearningRate(learningRate);
        return randomInit() ? s.withRandomInit(seed == null ? 0 : seed) : s;
    }

    private UmapSettings umapSettings(int k) {
        UmapSettings s = UmapSettings.DEFAULTS.withComponents(k).withRandomInit(randomInit());
        s = neighbors == null ? s : s.withNeighbors(neighbors);
        s = minDist == null ? s : s.withMinDist(minDist);
        s = iterations == null ? s : s.withEpochs(iterations);
        if (iterations != null && iterations < 1) {
            throw new TokenSpaceException("--iterations must be at least 1, got " + iterations);
        }
        return seed == null ? s : s.withSeed(seed);
    }

    private Integer pca(INDArray table) {
        int k = components == null ? 3 : components;
        long t0 = System.nanoTime();
        PcaAxes axes = Pca.fit(table, k);
        INDArray projected = axes.transformArray(table); // [N, k]
        double ms = (System.nanoTime() - t0) / 1e6;
        Npy.write(out, projected);
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "PCA of %d x %d rows to %d components in %.0f ms -> %s %s%n", table.rows(),
                table.columns(), k, ms, out, Arrays.toString(projected.shape()));
        double[] v = axes.variances();
        double[] r = axes.explainedRatio();
        double cumulative = 0;
        w.println("component  variance      explained  cumulative");
        for (int c = 0; c < k; c++) {
            cumulative += r[c];
            w.printf(Locale.ROOT, "PC%-8d %-13.6g %8.4f%% %10.4f%%%n", c + 1, v[c], 100 * r[c], 100 * cumulative);
        }
        w.printf(Locale.ROOT, "total variance %.6g (covariance eigenvalues, divided by n - 1)%n", axes.totalVariance());
        w.flush();
        return 0;
    }
}

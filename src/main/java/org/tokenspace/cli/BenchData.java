package org.tokenspace.cli;

import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.explore.Clusters;
import org.tokenspace.explore.Vectors;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The input of the projection benchmarks: Gaussian clusters (known structure) or the seed-123 token table, written
 * with {@code --save} as {@code input.npy} so that the peers ({@code src/jmh/python/tsne_peer.py},
 * {@code src/jmh/js/umap_peer.js}) read the very same rows.
 */
final class BenchData {
    @Option(names = "--data", paramLabel = "clusters|tokens",
            description = "The rows: clusters (Gaussian clusters, a known structure) or tokens (the"
                    + " seed-123 50257 x 256 token table, its first --points rows) (default: ${DEFAULT-VALUE}).")
    String data = "clusters";

    @Option(names = "--points", paramLabel = "N", description = "How many rows (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--dim", paramLabel = "D", description = "Dimensions of the clusters (default: ${DEFAULT-VALUE}).")
    int dim = 50;

    @Option(names = "--clusters", paramLabel = "N", description = "Number of clusters (default: ${DEFAULT-VALUE}).")
    int clusters = 10;

    @Option(names = "--save", paramLabel = "DIR", description = "Write the input as DIR/input.npy and TokenSpace's"
            + " coordinates as DIR/<method>.npy, for the peer scripts.")
    Path save;

    BenchData(int defaultPoints) {
        points = defaultPoints;
    }

    /** The rows, and a one-line description of them. */
    Vectors load() {
        if (points < 4) {
            throw new TokenSpaceException("--points must be at least 4, got " + points);
        }
        switch (data.toLowerCase(Locale.ROOT)) {
            case "clusters" -> {
                if (dim < 1 || clusters < 1 || clusters > points) {
                    throw new TokenSpaceException("--dim must be at least 1 and --clusters 1 to --points");
                }
                int per = (points + clusters - 1) / clusters;
                Vectors all = Clusters.gaussian(clusters, per, dim, 1.0, 0.35, 42).vectors();
                return all.rows() == points ? all : all.select(java.util.stream.IntStream.range(0, points).toArray());
            }
            case "tokens" -> {
                if (points > Gpt2Tokenizer.VOCAB_SIZE) {
                    throw new TokenSpaceException("--points must be at most 50257 for --data tokens");
                }
                Vectors table = Vectors.of(new Pipeline().tablesFor(Settings.DEFAULTS).tokenTable()); // the course's
                return points == table.rows() ? table
                        : table.select(java.util.stream.IntStream.range(0, points).toArray());
            }
            default -> throw new TokenSpaceException("--data must be clusters or tokens, got '" + data + "'");
        }
    }

    String describe(Vectors x) {
        return "tokens".equalsIgnoreCase(data)
                ? String.format(Locale.ROOT, "the seed-123 token table's first %d rows x %d", x.rows(), x.dim())
                : String.format(Locale.ROOT, "%d Gaussian clusters, %d points x %d (seed 42)", clusters, x.rows(),
                x.dim());
    }

    void saveInput(Vectors x) {
        if (save != null) {
            write(save.resolve("input.npy"), x.data(), x.rows(), x.dim());
        }
    }

    void saveCoordinates(String method, float[] coords, int rows, int components) {
        if (save != null) {
            write(save.resolve(method + ".npy"), coords, rows, components);
        }
    }

    private static void write(Path file, float[] data, int rows, int cols) {
        Npy.write(file, Nd4j.create(data, new long[] {rows, cols}, 'c'));
    }
}

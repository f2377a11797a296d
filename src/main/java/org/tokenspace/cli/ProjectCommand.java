package org.tokenspace.cli;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.io.Npy;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.projection.Pca;
import org.tokenspace.projection.PcaAxes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** PCA of a table's rows: the projected coordinates as .npy, the explained variance per component printed. */
@Command(name = "project", description = "Project the rows of a .npy table onto its principal components.")
final class ProjectCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "float32 or float64 .npy table [N, D]")
    Path in;

    @Option(names = "--components", description = "number of components k (default 3)")
    int components = 3;

    @Option(names = "--out", required = true, description = "output .npy: float32 coordinates [N, k]")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        INDArray table = Npy.read(in);
        if (table.rank() != 2) {
            throw new TokenSpaceException(in + " holds an array of shape " + Arrays.toString(table.shape())
                    + ": project needs a 2-D table [N, D]");
        }
        long t0 = System.nanoTime();
        PcaAxes axes = Pca.fit(table, components);
        INDArray projected = axes.transformArray(table); // [N, k]
        double ms = (System.nanoTime() - t0) / 1e6;
        Npy.write(out, projected);
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "PCA of %d x %d rows to %d components in %.0f ms -> %s %s%n", table.rows(),
                table.columns(), components, ms, out, Arrays.toString(projected.shape()));
        double[] v = axes.variances();
        double[] r = axes.explainedRatio();
        double cumulative = 0;
        w.println("component  variance      explained  cumulative");
        for (int c = 0; c < components; c++) {
            cumulative += r[c];
            w.printf(Locale.ROOT, "PC%-8d %-13.6g %8.4f%% %10.4f%%%n", c + 1, v[c], 100 * r[c], 100 * cumulative);
        }
        w.printf(Locale.ROOT, "total variance %.6g (covariance eigenvalues, divided by n - 1)%n", axes.totalVariance());
        w.flush();
        return 0;
    }
}

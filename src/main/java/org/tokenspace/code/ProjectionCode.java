package org.tokenspace.code;

import org.tokenspace.model.PipelineResult;
import org.tokenspace.projection.Pca;
import org.tokenspace.projection.PcaAxes;
import org.tokenspace.projection.VocabularyCloud;

/**
 * Stage "projection": how much of the token table's variance the cloud's three axes carry, from the covariance's
 * eigenvalues as the stage labels its axes ({@code PC1 · 0.45%}). The axes themselves are not printed: a seeded
 * table's eigenvalues are nearly tied, so float32 rounding in the covariance turns its eigenvectors, and with them
 * every point's coordinates, while leaving the eigenvalues as they are.
 */
final class ProjectionCode implements StageCode {
    @Override
    public String name() {
        return "projection";
    }

    @Override
    public String summary() {
        return "the token table's principal components and the share of the variance each carries.";
    }

    @Override
    public Transcript write(CodeInput in) {
        PipelineResult r = in.result();
        PcaAxes axes = Pca.fit(r.tables().tokenTable(), VocabularyCloud.COMPONENTS);
        double[] share = axes.explainedRatio();
        PyScript s = new PyScript();
        Blocks.header(s, in, this, true);
        Blocks.tables(s, in.withPositionKind(org.tokenspace.positions.PositionKind.LEARNED), false, null);
        s.code("table = token_embedding_layer.weight.detach().double()  # [vocab_size, output_dim]",
                "cov = torch.cov(table.T)  # [output_dim, output_dim], the sample covariance of the rows",
                "eigenvalues = torch.linalg.eigvalsh(cov).flip(0)  # the variance along each axis, largest first",
                "share = eigenvalues / eigenvalues.sum()",
                "# The axes (eigenvectors) are what the stage projects onto. A seeded table's eigenvalues are",
                "# nearly tied, so the smallest rounding difference turns its axes; their shares stay put.",
                "");
        s.say("The variance of the " + r.tables().vocabSize() + " rows along the cloud's axes:");
        s.code("for c in range(" + share.length + "):",
                "    print(f\"PC{c + 1} · {100 * share[c].item():.2f}%\")");
        double sum = 0;
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int c = 0; c < share.length; c++) {
            lines.add("PC" + (c + 1) + " · " + PyText.fixed(100 * share[c], 2) + "%");
            sum += share[c];
        }
        s.printedByCode(lines);
        s.print("f\"together {100 * share[:" + share.length + "].sum().item():.2f}% of "
                        + "{share.numel()} dimensions' variance\"",
                "together " + PyText.fixed(100 * sum, 2) + "% of " + r.tables().embeddingDim()
                        + " dimensions' variance");
        return s.done();
    }
}

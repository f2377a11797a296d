package org.tokenspace.app;

import org.tokenspace.model.PipelineResult;
import org.tokenspace.projection.PcaAxes;

/**
 * One computed state of the walkthrough: the pipeline's intermediates, and the PCA axes fitted once on the token
 * table, with the vocabulary and the batch already projected (no view fits or projects on the FX thread).
 *
 * @param vocabulary   the whole token table in the fitted axes, {@code [V, 3]} row-major
 * @param tokenPoints  the batch's token embeddings in those axes, {@code [B * T, 3]} row-major
 * @param inputPoints  the batch's input embeddings (token + position) in those axes, {@code [B * T, 3]}
 */
public record Walkthrough(PipelineResult result, PcaAxes axes, float[] vocabulary, float[] tokenPoints,
                          float[] inputPoints) {
    /** The point of batch place {@code [b, t]} in {@code points}. */
    public static float[] at(float[] points, int maxLength, int b, int t) {
        int i = 3 * (b * maxLength + t);
        return new float[] {points[i], points[i + 1], points[i + 2]};
    }
}

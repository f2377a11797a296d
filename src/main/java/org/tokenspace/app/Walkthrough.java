package org.tokenspace.app;

import org.tokenspace.model.PipelineResult;
import org.tokenspace.projection.VocabularyCloud;

/**
 * What the walkthrough shows, in one value: the pipeline's intermediates, the vocabulary cloud (the token table in
 * PCA axes fitted once on it), the batch already projected into those axes (no view fits or projects on the FX
 * thread), and the token the user selected in it. Views never see a state without its selection.
 *
 * @param tokenPoints  the batch's token embeddings in the cloud's axes, {@code [B * T, 3]} row-major
 * @param inputPoints  the batch's input embeddings (token + position) in those axes, {@code [B * T, 3]}
 * @param selection    the selected token; it always {@link Selection#fits fits} {@code result}
 */
public record Walkthrough(PipelineResult result, VocabularyCloud cloud, float[] tokenPoints, float[] inputPoints,
                          Selection selection) {
    public Walkthrough {
        if (!selection.fits(result)) {
            throw new IllegalArgumentException("selection " + selection + " does not fit this state");
        }
    }

    /** The same state with another selection. */
    public Walkthrough select(Selection s) {
        return new Walkthrough(result, cloud, tokenPoints, inputPoints, s);
    }

    /** The point of batch place {@code [b, t]} in {@code points}. */
    public static float[] at(float[] points, int maxLength, int b, int t) {
        int i = 3 * (b * maxLength + t);
        return new float[] {points[i], points[i + 1], points[i + 2]};
    }
}

package org.tokenspace.app;

import org.tokenspace.model.PipelineResult;
import org.tokenspace.projection.PcaAxes;

/**
 * One computed state of the walkthrough: the pipeline's intermediates, and the PCA axes fitted once on the token
 * table, with the vocabulary already projected (so no view fits or projects 50,257 vectors on the FX thread).
 *
 * @param vocabulary the whole token table in the fitted axes, {@code [V, 3]} row-major
 */
public record Walkthrough(PipelineResult result, PcaAxes axes, float[] vocabulary) {
}

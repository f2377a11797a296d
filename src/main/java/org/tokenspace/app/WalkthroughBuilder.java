package org.tokenspace.app;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.io.Progress;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;
import org.tokenspace.projection.VocabularyCloud;

/**
 * Computes walkthrough states: the one pipeline, then the vocabulary cloud (fitted again only when the token table
 * changes) and the batch in its axes. No JavaFX; one caller at a time (the walkthrough's worker thread).
 */
final class WalkthroughBuilder {
    private final Pipeline pipeline = new Pipeline();
    private VocabularyCloud cloud;

    /**
     * The state for {@code text} and {@code settings} on {@code given} tables (null: seeded ones), with
     * {@code selection} chosen in it (null: the previous selection carried over, or the batch's first token).
     */
    Walkthrough build(String text, Settings settings, Tables given, Selection previous, Progress progress) {
        PipelineResult r = pipeline.run(text, settings, given, progress.fraction(), progress.cancelled());
        if (cloud == null || cloud.table() != r.tables().tokenTable()) {
            cloud = VocabularyCloud.of(r.tables());
        }
        long rows = r.tokenEmbeddings().size(0) * r.tokenEmbeddings().size(1);
        long dim = r.tokenEmbeddings().size(2);
        INDArray tokens = r.tokenEmbeddings().reshape('c', rows, dim); // [B, T, D] -> [B*T, D]
        INDArray inputs = r.inputEmbeddings().reshape('c', rows, dim);
        Selection s = previous == null ? Selection.first(r) : previous.carriedTo(r);
        return new Walkthrough(r, cloud, cloud.axes().transform(tokens), cloud.axes().transform(inputs), s); // [B*T, 3]
    }

    /** The seeded tables of {@code settings}, shared with the pipeline's cache. */
    Tables seededTables(Settings settings) {
        return pipeline.tablesFor(settings.validate());
    }
}

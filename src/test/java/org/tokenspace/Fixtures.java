package org.tokenspace;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;
import org.tokenspace.projection.VocabularyCloud;

/**
 * Values many tests share, built once per test JVM when first asked for. Tests only read them: a test that changes
 * a table works on a {@code dup()}.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** The course's tables, {@code torch.manual_seed(123)}: token table [50257, 256], positional table [4, 256]. */
    public static Tables courseTables() {
        return Course.TABLES;
    }

    /** The course's token table in its first three principal components, as the app and the exports build it. */
    public static VocabularyCloud courseCloud() {
        return Cloud.CLOUD;
    }

    /** Uniform [0, 1) float32 values of {@code shape}, the same on every run for the same {@code seed}. */
    public static INDArray rand(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, shape);
    }

    private static final class Course {
        static final Tables TABLES = Tables.seeded(Settings.DEFAULTS.seed(), Settings.DEFAULTS.vocabSize(),
                Settings.DEFAULTS.embeddingDim(), Settings.DEFAULTS.contextLength(), Settings.DEFAULTS.kernel());
    }

    private static final class Cloud {
        static final VocabularyCloud CLOUD = VocabularyCloud.of(Course.TABLES);
    }
}

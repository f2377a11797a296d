package org.tokenspace.projection;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.TokenSpaceException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcaTest {
    private static final double S2 = Math.sqrt(0.5);

    @Test
    void eigenDecompositionOfAKnownMatrix() {
        // [[2,1,0],[1,2,0],[0,0,5]] = 5 e3 e3^T + 3 u u^T + 1 v v^T, u = (1,1,0)/√2, v = (1,-1,0)/√2
        double[] cov = {2, 1, 0, 1, 2, 0, 0, 0, 5};
        PcaAxes axes = Pca.fromCovariance(new double[3], cov, 3, 3, 10);
        assertArrayEquals(new double[] {5, 3, 1}, axes.variances(), 1e-12);
        assertArrayEquals(new double[] {5 / 9.0, 3 / 9.0, 1 / 9.0}, axes.explainedRatio(), 1e-12);
        assertArrayEquals(new float[] {0, 0, 1}, axes.component(0), 1e-6f);
        assertArrayEquals(new float[] {(float) S2, (float) S2, 0}, axes.component(1), 1e-6f);
        // largest-magnitude loading positive; on a tie the first one wins
        assertArrayEquals(new float[] {(float) S2, (float) -S2, 0}, axes.component(2), 1e-6f);
    }

    @Test
    void fitGivesTheSampleCovarianceEigenvalues() {
        // rows (±3, 0) and (0, ±1), shifted by (10, -4): covariance diag(18/3, 2/3), mean (10, -4)
        INDArray rows = Nd4j.create(new float[] {13, -4, 7, -4, 10, -3, 10, -5}, new long[] {4, 2}, 'c');
        PcaAxes axes = Pca.fit(rows, 2);
        assertArrayEquals(new double[] {6, 2 / 3.0}, axes.variances(), 1e-6);
        assertArrayEquals(new float[] {10, -4}, axes.mean().toFloatVector(), 1e-6f);
        assertArrayEquals(new float[] {1, 0}, axes.component(0), 1e-6f);
        assertArrayEquals(new float[] {0, 1}, axes.component(1), 1e-6f);
        assertArrayEquals(new float[] {3, 0, -3, 0, 0, 1, 0, -1}, axes.transform(rows), 1e-5f);
        assertEquals("PC1 · 90.00%", axes.axisName(0));
    }

    @Test
    void transformOfOneVectorMatchesTheRowTransform() {
        INDArray rows = org.tokenspace.Fixtures.rand(1, 50, 8);
        PcaAxes axes = Pca.fit(rows, 3);
        float[] all = axes.transform(rows);
        float[] row7 = axes.transform(rows.getRow(7).toFloatVector());
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 21, 24), row7, 1e-6f);
        assertArrayEquals(all, axes.transformArray(rows).data().asFloat(), 1e-6f);
    }

    @Test
    void aBatchIsFittedOnItsVectorsAndTheDistinctRowsOfATable() {
        INDArray table = org.tokenspace.Fixtures.rand(2, 20, 6);
        INDArray batch = table.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 12),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup().reshape(3, 4, 6); // [B, T, D]
        PcaAxes fromBatch = Pca.fit(batch, 2);
        PcaAxes fromRows = Pca.fitOnRows(table, new int[] {11, 0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 0}, 2);
        assertArrayEquals(fromRows.variances(), fromBatch.variances(), 1e-6);
        assertArrayEquals(fromRows.component(1), fromBatch.component(1), 1e-5f);
        assertEquals(12, fromRows.fittedRows());
        assertArrayEquals(fromBatch.transform(batch.reshape(12, 6)), fromBatch.transform(batch), 0f);
    }

    @Test
    void refusesBadInput() {
        INDArray one = Nd4j.create(new float[] {1, 2}, new long[] {1, 2}, 'c');
        assertThrows(TokenSpaceException.class, () -> Pca.fit(one, 1));
        INDArray rows = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
        assertThrows(TokenSpaceException.class, () -> Pca.fit(rows, 3));
        PcaAxes axes = Pca.fit(rows, 1);
        assertThrows(TokenSpaceException.class, () -> axes.transform(new float[3]));
    }
}

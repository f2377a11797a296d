package org.tokenspace.app.widgets;

import org.junit.jupiter.api.Test;
import org.tokenspace.model.TorchFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window's short printouts pad as PyTorch does (TorchFormat is checked against PyTorch itself). */
class NumbersTest {
    @Test
    void shortVectorsPrintAsPyTorchPrintsThem() {
        float[][] cases = {{0.3374f, -0.1778f, -0.1690f}, {-0.4015f, 0.9666f, -1.1481f}, {12.5f, -0.25f, 3f},
            {0.5f, 0.25f}};
        for (float[] v : cases) {
            assertEquals(TorchFormat.tensor(v), Numbers.tensor(v, 8));
        }
    }

    @Test
    void longVectorsKeepThePaddingAroundTheEllipsis() {
        float[] v = new float[256];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i) * 1.5f;
        }
        assertEquals("tensor([ 0.0000,  1.2622,  1.3639,  ...,  1.4922,  0.6780, -0.7596])", Numbers.tensor(v, 6));
    }
}

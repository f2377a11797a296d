package org.tokenspace.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The step's loss where float32 cannot hold the target's probability (a model sure of another token). */
class StageStepTest {
    private static final float[] SCALE = {1f, 1f};
    private static final float[] SHIFT = {0f, 0f};

    /** The course's LayerNorm of a 2-vector, in double: (h - mean) / sqrt(var + 1e-5). */
    private static double[] norm(double a, double b) {
        double mean = (a + b) / 2;
        double var = ((a - mean) * (a - mean) + (b - mean) * (b - mean)) / 2;
        double s = Math.sqrt(var + 1e-5);
        return new double[] {(a - mean) / s, (b - mean) / s};
    }

    private static double crossEntropy(double[] normed, float[] head, int target) {
        int vocab = head.length / 2;
        double[] logits = new double[vocab];
        double max = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < vocab; v++) {
            logits[v] = normed[0] * head[2 * v] + normed[1] * head[2 * v + 1];
            max = Math.max(max, logits[v]);
        }
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l - max);
        }
        return max + Math.log(sum) - logits[target];
    }

    private static float loss(float[] head, float[] token, int[] x, int[] y) {
        try (StageStep step = new StageStep(head.length / 2, 2, x.length)) {
            step.outHeadNative.position(0).put(head);
            return step.run(x, y, x.length, token, new float[2 * x.length], SCALE, SHIFT);
        }
    }

    @Test
    void aTargetTooUnlikelyForFloat32StillGetsItsExactLoss() {
        // token 0 normalizes to about [1, -1]: logits [200, -200, 0, 0], so p(1) = exp(-400), zero in float32
        float[] head = {100f, -100f, -100f, 100f, 0f, 0f, 0f, 0f};
        float[] token = {3f, 1f, 0f, 0f, 0f, 0f, 0f, 0f};
        double expected = crossEntropy(norm(3, 1), head, 1);
        assertEquals(400.0, expected, 0.01);
        assertEquals(expected, loss(head, token, new int[] {0}, new int[] {1}), expected * 1e-6);
    }

    @Test
    void likelyAndUnlikelyTargetsAverageTogether() {
        float[] head = {100f, -100f, -100f, 100f, 0.5f, 0.25f, 0f, 0f};
        float[] token = {3f, 1f, 0f, 2f, 0f, 0f, 0f, 0f};
        double unlikely = crossEntropy(norm(3, 1), head, 1);
        double likely = crossEntropy(norm(0, 2), head, 1);
        double expected = (unlikely + likely) / 2;
        assertEquals(expected, loss(head, token, new int[] {0, 1}, new int[] {1, 1}), expected * 1e-6);
    }
}

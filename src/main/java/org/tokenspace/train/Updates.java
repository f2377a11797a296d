package org.tokenspace.train;

/**
 * One optimizer step's element-wise update, in the order and precision of PyTorch 1.13's single-tensor code
 * ({@code torch/optim/adamw.py}, {@code sgd.py}): scalars computed in double and used as float32, every tensor
 * operation in float32.
 * <pre>
 *   AdamW: p *= 1 - lr*wd;  m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g*g;  p += (-lr/bc1) * m / (sqrt(v)/sqrt(bc2) + eps)
 *   SGD:   p += -lr * (g + wd*p)
 * </pre>
 */
record Updates(boolean adamw, float decay, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2,
               float bc2Sqrt, float eps, float negStepSize, float negLr, float weightDecay) {

    /** The scalars of step {@code step} (1 is the first). */
    static Updates of(Optimizer o, long step) {
        if (o.kind() == Optimizer.Kind.SGD) {
            return new Updates(false, 1, 0, 0, 0, 0, 1, 0, 0, (float) -o.lr(), (float) o.weightDecay());
        }
        double bc1 = 1 - Math.pow(Optimizer.BETA1, step);
        double bc2 = 1 - Math.pow(Optimizer.BETA2, step);
        return new Updates(true, (float) (1 - o.lr() * o.weightDecay()), (float) Optimizer.BETA1,
                (float) (1 - Optimizer.BETA1), (float) Optimizer.BETA2, (float) (1 - Optimizer.BETA2),
                (float) Math.sqrt(bc2), (float) Optimizer.EPS, (float) -(o.lr() / bc1), 0, 0);
    }

    /**
     * Updates {@code [from, to)} of values {@code p} and moments {@code m, v} (null for SGD) in place (one array per
     * tensor, one induction variable: the loops vectorize). {@code g} null is a zero gradient; {@code gOffset} is
     * {@code g}'s index of {@code from}.
     *
     * @return the largest new value's size: NaN or infinite when one is not finite
     */
    float apply(float[] p, float[] m, float[] v, float[] g, int gOffset, int from, int to) {
        float largest = 0;
        if (!adamw) {
            int shift = gOffset - from; // one induction variable: the loop vectorizes
            for (int i = from; i < to; i++) {
                float d = (g == null ? 0f : g[i + shift]) + weightDecay * p[i];
                float value = p[i] + negLr * d;
                p[i] = value;
                largest = Math.max(largest, Math.abs(value));
            }
            return largest;
        }
        if (g == null) {
            for (int i = from; i < to; i++) {
                float mi = m[i] * beta1;
                float vi = v[i] * beta2;
                float value = p[i] * decay + negStepSize * mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps);
                m[i] = mi;
                v[i] = vi;
                p[i] = value;
                largest = Math.max(largest, Math.abs(value));
            }
            return largest;
        }
        int shift = gOffset - from; // one induction variable: the loop vectorizes
        for (int i = from; i < to; i++) {
            float gi = g[i + shift];
            float mi = m[i] * beta1 + oneMinusBeta1 * gi;
            float vi = v[i] * beta2 + oneMinusBeta2 * (gi * gi);
            float value = p[i] * decay + negStepSize * mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps);
            m[i] = mi;
            v[i] = vi;
            p[i] = value;
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    /** True when a zero gradient leaves a value as it is (SGD without weight decay): lazy rows need no replay. */
    boolean zeroGradientIsIdentity() {
        return !adamw && weightDecay == 0;
    }
}

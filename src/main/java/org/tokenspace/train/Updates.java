package org.tokenspace.train;

/**
 * The optimizers' element-wise updates over a range of one parameter, current arrays in, next arrays out, in the
 * order and precision of PyTorch 1.13's single-tensor code ({@code torch/optim/adamw.py}, {@code sgd.py}): scalars
 * computed in double and used as float32, every tensor operation in float32. Each returns a value that is NaN when
 * any new value is not finite (a sum of {@code value * 0}).
 */
final class Updates {
    private Updates() {
    }

    /** AdamW's scalars for one step (1 is the first). */
    record AdamW(float decay, float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float bc2Sqrt,
                 float eps, float negStepSize) {
        static AdamW of(Optimizer o, long step) {
            double bc1 = 1 - Math.pow(Optimizer.BETA1, step);
            double bc2 = 1 - Math.pow(Optimizer.BETA2, step);
            return new AdamW((float) (1 - o.lr() * o.weightDecay()), (float) Optimizer.BETA1,
                    (float) (1 - Optimizer.BETA1), (float) Optimizer.BETA2, (float) (1 - Optimizer.BETA2),
                    (float) Math.sqrt(bc2), (float) Optimizer.EPS, (float) -(o.lr() / bc1));
        }
    }

    /**
     * {@code p.mul_(1 - lr*wd); m.mul_(b1).add_(g, alpha=1-b1); v.mul_(b2).addcmul_(g, g, value=1-b2);
     * p.addcdiv_(m, v.sqrt() / sqrt(bc2) + eps, value=-lr/bc1)} over {@code [from, to)}; {@code g} null means a zero
     * gradient (rows of the token table the batch did not use), {@code gOffset} is {@code g}'s index of {@code from}.
     */
    static float adamw(Param p, float[] g, int gOffset, int from, int to, AdamW s) {
        float[] pv = p.value;
        float[] mv = p.m;
        float[] vv = p.v;
        float[] np = p.nextValue;
        float[] nm = p.nextM;
        float[] nv = p.nextV;
        float check = 0;
        if (g == null) {
            for (int i = from; i < to; i++) {
                float m = mv[i] * s.beta1();
                float v = vv[i] * s.beta2();
                float denom = (float) Math.sqrt(v) / s.bc2Sqrt() + s.eps();
                float value = pv[i] * s.decay() + s.negStepSize() * m / denom;
                nm[i] = m;
                nv[i] = v;
                np[i] = value;
                check += value * 0f;
            }
            return check;
        }
        for (int i = from, k = gOffset; i < to; i++, k++) {
            float gi = g[k];
            float m = mv[i] * s.beta1() + s.oneMinusBeta1() * gi;
            float v = vv[i] * s.beta2() + s.oneMinusBeta2() * (gi * gi);
            float denom = (float) Math.sqrt(v) / s.bc2Sqrt() + s.eps();
            float value = pv[i] * s.decay() + s.negStepSize() * m / denom;
            nm[i] = m;
            nv[i] = v;
            np[i] = value;
            check += value * 0f;
        }
        return check;
    }

    /** {@code d = g.add(p, alpha=wd); p.add_(d, alpha=-lr)} over {@code [from, to)}; {@code g} null: zero. */
    static float sgd(Param p, float[] g, int gOffset, int from, int to, float lr, float wd) {
        float[] pv = p.value;
        float[] np = p.nextValue;
        float check = 0;
        for (int i = from, k = gOffset; i < to; i++, k++) {
            float d = (g == null ? 0f : g[k]) + wd * pv[i];
            float value = pv[i] + -lr * d;
            np[i] = value;
            check += value * 0f;
        }
        return check;
    }
}

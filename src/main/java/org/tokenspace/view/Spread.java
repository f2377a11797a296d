package org.tokenspace.view;

/** Center and spread of a cloud {@code [n, 3]}. */
final class Spread {
    private Spread() {
    }

    /**
     * {@code {meanX, meanY, meanZ, sdX, sdY, sdZ, extent}}, with extent three standard deviations of the widest
     * coordinate (1 for an empty or flat cloud).
     */
    static double[] of(float[] xyz, int count) {
        double[] sum = new double[3];
        double[] sq = new double[3];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                double v = xyz[3 * i + c];
                sum[c] += v;
                sq[c] += v * v;
            }
        }
        double[] out = new double[7];
        double widest = 0;
        for (int c = 0; c < 3; c++) {
            double mean = count == 0 ? 0 : sum[c] / count;
            double var = count == 0 ? 0 : Math.max(0, sq[c] / count - mean * mean);
            out[c] = mean;
            out[3 + c] = Math.sqrt(var);
            widest = Math.max(widest, out[3 + c]);
        }
        out[6] = widest > 0 ? 3 * widest : 1;
        return out;
    }
}

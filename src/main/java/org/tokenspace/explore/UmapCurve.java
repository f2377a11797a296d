package org.tokenspace.explore;

/**
 * UMAP's low-dimensional similarity {@code 1 / (1 + a d^(2b))}, with {@code a} and {@code b} fitted by least squares
 * to {@code 1} below {@code minDist} and {@code exp(-(d - minDist) / spread)} above it, on 300 points from 0 to
 * {@code 3 spread}: umap-learn's {@code find_ab_params}, which calls scipy's {@code curve_fit} (Levenberg-Marquardt
 * from a = b = 1). The fit here is Levenberg-Marquardt too, on the same points from the same start.
 */
final class UmapCurve {
    private UmapCurve() {
    }

    /** {@code {a, b}}. */
    static double[] fit(double spread, double minDist) {
        int m = 300;
        double[] x = new double[m];
        double[] target = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = spread * 3 * i / (m - 1);
            target[i] = x[i] < minDist ? 1 : Math.exp(-(x[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double cost = cost(x, target, a, b);
        for (int iter = 0; iter < 500; iter++) {
            // normal equations J^T J [da, db] = -J^T r of the residuals r = f - target
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 0; i < m; i++) {
                if (x[i] == 0) {
                    continue; // f = 1 whatever a and b are
                }
                double p = Math.pow(x[i], 2 * b);
                double f = 1 / (1 + a * p);
                double dfa = -p * f * f;
                double dfb = -a * p * 2 * Math.log(x[i]) * f * f;
                double r = f - target[i];
                jaa += dfa * dfa;
                jab += dfa * dfb;
                jbb += dfb * dfb;
                ga += dfa * r;
                gb += dfb * r;
            }
            double haa = jaa * (1 + lambda);
            double hbb = jbb * (1 + lambda);
            double det = haa * hbb - jab * jab;
            double da = -(hbb * ga - jab * gb) / det;
            double db = -(haa * gb - jab * ga) / det;
            double next = cost(x, target, a + da, b + db);
            if (next < cost) {
                boolean converged = cost - next <= 1e-15 * cost && Math.abs(da) <= 1e-12 * Math.abs(a)
                        && Math.abs(db) <= 1e-12 * Math.abs(b);
                a += da;
                b += db;
                cost = next;
                lambda /= 10;
                if (converged) {
                    break;
                }
            } else {
                lambda *= 10;
                if (lambda > 1e12) {
                    break;
                }
            }
        }
        return new double[] {a, b};
    }

    private static double cost(double[] x, double[] target, double a, double b) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double f = x[i] == 0 ? 1 : 1 / (1 + a * Math.pow(x[i], 2 * b));
            s += (f - target[i]) * (f - target[i]);
        }
        return s;
    }
}

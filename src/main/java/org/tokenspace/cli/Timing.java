package org.tokenspace.cli;

import java.util.Arrays;
import java.util.Locale;

/** The one way the benchmarks report a set of timed runs, as the peer scripts do. */
final class Timing {
    private Timing() {
    }

    /** "median 1.234 s (min 1.200, max 1.300, runs 3)". */
    static String summary(double[] seconds) {
        double[] s = seconds.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return String.format(Locale.ROOT, "median %.3f s (min %.3f, max %.3f, runs %d)", median, s[0],
                s[s.length - 1], s.length);
    }
}

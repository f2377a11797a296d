package org.tokenspace.positions;

import org.junit.jupiter.api.Assumptions;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.Golden;
import org.tokenspace.Python;
import org.tokenspace.io.Npy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code shared/golden/tools/positions_reference.py} run by python3 with numpy: through its command line where it
 * has one, through its functions otherwise. Tests that use it are skipped, with a message, without numpy.
 */
public final class Reference {
    private Reference() {
    }

    public static Path script() {
        return Golden.shared().resolve("golden").resolve("tools").resolve("positions_reference.py").toAbsolutePath();
    }

    public static String python() {
        String python = Python.withNumpy();
        Assumptions.assumeTrue(python != null, "skipped: no python3 with numpy on this machine, needed to run "
                + "positions_reference.py (apt-get install python3-numpy)");
        return python;
    }

    /** {@code positions_reference.py ARGS...}: its own command line, as if run from a shell. */
    public static void cli(String... args) {
        List<String> all = new ArrayList<>(List.of(script().toString()));
        all.addAll(List.of(args));
        run("import runpy, sys\nsys.argv = sys.argv[1:]\nrunpy.run_path(sys.argv[0], run_name='__main__')",
                all.toArray(String[]::new));
    }

    /**
     * Runs {@code code} with the reference imported as {@code R} and numpy as {@code np}; {@code sys.argv[1:]} are
     * {@code args}. Returns what it printed.
     */
    public static String call(String code, String... args) {
        String prelude = "import sys, math\nimport numpy as np\nsys.path.insert(0, " + pyString(
                script().getParent().toString()) + ")\nimport positions_reference as R\n";
        return run(prelude + code, args);
    }

    /** The float32 array a reference run saved. */
    public static INDArray floats(Path npy) {
        return Npy.read(npy);
    }

    private static String run(String code, String... args) {
        try {
            Python.Result r = Python.run(python(), code, args);
            assertEquals(0, r.exit(), "the reference failed: " + r.output());
            return r.output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Every value within {@code tolerance} of the reference, the shapes equal; the largest difference otherwise. */
    public static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()),
                what + ": shape");
        float[] e = expected.dup('c').data().asFloat();
        float[] a = actual.dup('c').data().asFloat();
        double worst = 0;
        int at = -1;
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs((double) e[i] - a[i]);
            if (!(d <= worst)) {
                worst = d;
                at = i;
            }
        }
        if (!(worst <= tolerance)) {
            throw new AssertionError(what + ": element " + at + " is " + a[at] + ", the reference " + e[at]
                    + " (difference " + worst + " > " + tolerance + ")");
        }
    }

    /** The raw float bits of a float32 array, for exact comparisons (-0.0 and -inf included). */
    public static int[] bits(INDArray a) {
        float[] f = a.dup('c').data().asFloat();
        int[] b = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            b[i] = Float.floatToRawIntBits(f[i]);
        }
        return b;
    }
}

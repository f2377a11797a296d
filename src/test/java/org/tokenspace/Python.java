package org.tokenspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python with numpy (and, where installed, PyTorch or scikit-learn), for tests that check against the peers
 * themselves; absent on machines without one, where such tests are skipped with a message.
 */
public final class Python {
    private static final String[] CANDIDATES = {"/usr/bin/python3", "python3"};
    private static final java.util.Map<String, String> FOUND = new java.util.HashMap<>();

    private Python() {
    }

    /** The first Python on this machine that imports numpy, or null. */
    public static String withNumpy() {
        return with("numpy");
    }

    /** The first Python on this machine that imports torch (Debian's python3-torch), or null. */
    public static String withTorch() {
        return with("torch");
    }

    /** The first Python on this machine that imports sklearn (Debian's python3-sklearn), or null. */
    public static String withSklearn() {
        return with("sklearn");
    }

    private static synchronized String with(String module) {
        String exe = FOUND.computeIfAbsent(module, Python::find);
        return exe.isEmpty() ? null : exe;
    }

    /** The first candidate that imports {@code module}, or "" when none does. */
    private static String find(String module) {
        for (String exe : CANDIDATES) {
            try {
                if (run(exe, "import " + module).exit == 0) {
                    return exe;
                }
            } catch (IOException e) {
                // not installed under that name
            }
        }
        return "";
    }

    public record Result(int exit, String output) {
    }

    /** Runs a script file with arguments (up to five minutes: a reference computation can take a while). */
    public static Result runFile(String exe, List<String> scriptAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(exe));
        cmd.addAll(scriptAndArgs);
        return await(new ProcessBuilder(cmd).redirectErrorStream(true).start(), 300);
    }

    public static Result run(String exe, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(exe, "-c", script));
        cmd.addAll(List.of(args));
        return await(new ProcessBuilder(cmd).redirectErrorStream(true).start(), 60);
    }

    private static Result await(Process p, int seconds) throws IOException {
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> { // read while it runs: a full pipe would stall it
            try {
                output[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = new byte[0];
            }
        });
        reader.start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(p.exitValue(), new String(output[0], StandardCharsets.UTF_8));
    }
}

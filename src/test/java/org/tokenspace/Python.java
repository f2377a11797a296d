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

    public static Result run(String exe, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(exe, "-c", script));
        cmd.addAll(List.of(args));
        return run(new ProcessBuilder(cmd));
    }

    /** {@code exe script} with these variables added to the environment, as a user runs a saved script. */
    public static Result runFile(String exe, java.nio.file.Path script, java.util.Map<String, String> env)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(exe, script.toString());
        pb.environment().putAll(env);
        return run(pb);
    }

    private static Result run(ProcessBuilder pb) throws IOException {
        Process p = pb.redirectErrorStream(true).start();
        // read while it runs: a process that prints more than the pipe holds would wait for a reader
        java.util.concurrent.CompletableFuture<byte[]> output = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return p.getInputStream().readAllBytes();
                    } catch (IOException e) {
                        return ("cannot read the output: " + e).getBytes(StandardCharsets.UTF_8);
                    }
                });
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(output.get(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Result(-1, "cannot read the output: " + e.getCause());
        }
    }
}

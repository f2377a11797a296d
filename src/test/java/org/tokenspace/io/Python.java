package org.tokenspace.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Python with numpy, for tests that check files against numpy itself; absent on machines without one. */
final class Python {
    private static final String[] CANDIDATES = {"/usr/bin/python3", "python3"};
    private static String found;
    private static boolean searched;

    private Python() {
    }

    /** The first Python on this machine that imports numpy, or null. */
    static synchronized String withNumpy() {
        if (!searched) {
            searched = true;
            for (String exe : CANDIDATES) {
                try {
                    if (run(exe, "import numpy").exit == 0) {
                        found = exe;
                        break;
                    }
                } catch (IOException e) {
                    // not installed under that name
                }
            }
        }
        return found;
    }

    record Result(int exit, String output) {
    }

    static Result run(String exe, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(exe, "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}

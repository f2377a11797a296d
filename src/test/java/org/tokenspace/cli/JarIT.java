package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.Golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged {@code target/tokenspace.jar}, run as a user runs it, from another working directory. */
class JarIT {
    @TempDir
    Path workDir;

    record Result(int code, String out, String err) {
    }

    Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("tokenspace.jar")).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("out.txt").toFile())
                .redirectError(workDir.resolve("err.txt").toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the jar did not finish");
        return new Result(p.exitValue(), Files.readString(workDir.resolve("out.txt")),
                withoutJvmNotices(Files.readString(workDir.resolve("err.txt"))));
    }

    /**
     * Standard error without the lines the JVM itself prints before main runs ("Picked up JAVA_TOOL_OPTIONS: ..."
     * whenever that variable, _JAVA_OPTIONS or JDK_JAVA_OPTIONS is set): only TokenSpace's own lines are counted.
     */
    static String withoutJvmNotices(String err) {
        return err.lines().filter(l -> !l.matches("(NOTE: )?Picked up (JAVA_TOOL_OPTIONS|_JAVA_OPTIONS"
                + "|JDK_JAVA_OPTIONS): .*")).map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
    }

    @Test
    void initFromAnotherDirectoryPrintsTheBooksLayer() throws Exception {
        Result r = run("", "init", "--seed", "123", "--layer", "6x3", "--out", "layers", "--print");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[-0.4015,  0.9666, -1.1481]"), r.out());
        assertTrue(Files.size(workDir.resolve("layers").resolve("layer0.npy")) == 128 + 18 * 4);
    }

    @Test
    void tokenizeReadsStandardInput() throws Exception {
        Result r = run("Hello, do you like tea?", "tokenize");
        assertEquals(0, r.code(), r.err());
        assertEquals("[15496, 11, 466, 345, 588, 8887, 30]", r.out().strip());
    }

    @Test
    void theJvmsNoticesAreNotTokenSpacesLines() {
        assertEquals("tokenspace: a problem\n", withoutJvmNotices("Picked up JAVA_TOOL_OPTIONS: -Dx=y\n"
                + "NOTE: Picked up JDK_JAVA_OPTIONS: -Dz=1\ntokenspace: a problem\n"));
    }

    @Test
    void aBadArgumentIsOneLineWithoutATrace() throws Exception {
        Result r = run("", "batches", "--file", Golden.shared().resolve("nope.txt").toString(), "--batch-size", "8",
                "--max-length", "4", "--stride", "4");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nope.txt: the file does not exist"), r.err());
    }
}

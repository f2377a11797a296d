package org.tokenspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.cli.Cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log keeps what earlier runs wrote ("details are in the log" must still be true after the next command), and
 * stays bounded. Each run is a child JVM with its own home folder, as the app and the command line start.
 */
class LogsTest {
    @TempDir
    Path home;

    /** The child: starts logging as {@code Main} does, then runs a command whose output fails with an Error. */
    public static void main(String[] args) {
        Logs.init();
        org.slf4j.LoggerFactory.getLogger(LogsTest.class).warn("run " + args[0] + " started");
        Writer failing = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                throw new InternalError("run " + args[0] + " failed");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"tokenize", "--file", args[1]}, new PrintWriter(failing),
                new PrintWriter(err));
        System.out.print(err);
        System.exit(code);
    }

    private String run(int n) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + home, LogsTest.class.getName(),
                Integer.toString(n), Golden.verdict().toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not end");
        assertEquals(1, p.exitValue(), printed);
        return printed;
    }

    @Test
    void theLogIsAppendedToAcrossRuns() throws Exception {
        Path log = home.resolve(".tokenspace").resolve("tokenspace.log");
        String first = run(1);
        run(2);
        String text = Files.readString(log);
        assertTrue(text.contains("run 1 started"), "the second run wiped the log: " + text);
        assertTrue(text.contains("run 2 started"), text);
        assertEquals("tokenspace: internal error (InternalError: run 1 failed); details are in " + log + "\n", first);
        assertTrue(text.contains("java.lang.InternalError: run 1 failed"), text);
        assertTrue(text.contains("java.lang.InternalError: run 2 failed"), text);
        assertTrue(text.contains("\tat org.tokenspace.cli.Cli.run"), "the trace is in the log: " + text);
    }

    @Test
    void aFullLogIsRotatedAtStart() throws Exception {
        Path dir = Files.createDirectories(home.resolve(".tokenspace"));
        Path log = dir.resolve("tokenspace.log");
        Files.writeString(log, "x".repeat(4_000_000) + "\nthe oldest run\n");
        run(3);
        assertTrue(Files.readString(dir.resolve("tokenspace.log.1")).endsWith("the oldest run\n"));
        String text = Files.readString(log);
        assertTrue(text.contains("run 3 failed") && text.length() < 100_000, text);
    }
}

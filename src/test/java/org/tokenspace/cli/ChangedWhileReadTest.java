package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.Golden;
import org.tokenspace.io.CutWhileRead;
import org.tokenspace.io.Npy;
import org.tokenspace.io.Safetensors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 256 MB table cut to half its size (as another program rewriting it would) while {@code project --in} or
 * {@code embed --tables} reads it: one line naming the file and that it changed, exit code 1, no trace. Each run is
 * a child JVM, since a fault in a memory-mapped read is signalled to the whole process.
 */
class ChangedWhileReadTest {
    @TempDir
    Path dir;

    /**
     * The child: runs the command line {@code args[1..]} on a thread, cuts {@code args[0]} while that thread copies
     * its data, and prints whether the cut landed, the exit code and what the command printed on standard error.
     */
    public static void main(String[] args) throws Exception {
        Path victim = Path.of(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Thread run = new Thread(() -> exit[0] = Cli.run(command, new PrintWriter(new StringWriter()),
                new PrintWriter(err)), "command");
        run.start();
        boolean cut = CutWhileRead.cut(run, victim, 60_000);
        run.join();
        System.out.println("cut " + cut);
        System.out.println("exit " + exit[0]);
        System.out.print(err);
        System.out.flush();
    }

    private List<String> child(Path victim, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dtokenspace.shared=" + Golden.shared().toAbsolutePath(), ChangedWhileReadTest.class.getName(),
                victim.toString()));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not end");
        assertEquals(0, p.exitValue(), printed);
        return printed.lines().toList();
    }

    private static void assertOneLineNamingTheChange(Path victim, List<String> printed) {
        assertEquals("cut true", printed.get(0), "the cut did not land inside the read: " + printed);
        assertEquals("exit 1", printed.get(1), String.join("\n", printed));
        assertEquals(3, printed.size(), "one line, no trace: " + String.join("\n", printed));
        String line = printed.get(2);
        assertTrue(line.startsWith("tokenspace: " + victim), line);
        assertTrue(line.contains("changed while it was being read"), line);
        assertFalse(line.contains("Exception") || line.contains("Error"), line);
    }

    @Test
    void aNpyTableCutWhileProjectReadsIt() throws Exception {
        Path table = dir.resolve("big.npy");
        Npy.write(table, org.tokenspace.Fixtures.rand(1, 65536, 1024)); // 256 MB
        assertOneLineNamingTheChange(table, child(table, "project", "--in", table.toString(), "--out",
                dir.resolve("p.npy").toString()));
    }

    @Test
    void aCheckpointCutWhileEmbedReadsIt() throws Exception {
        Path checkpoint = dir.resolve("big.safetensors");
        Safetensors.write(checkpoint, List.of(
                Safetensors.Tensor.of("wte.weight", org.tokenspace.Fixtures.rand(2, 65536, 1024)),
                Safetensors.Tensor.of("wpe.weight", org.tokenspace.Fixtures.rand(3, 1024, 1024))));
        assertOneLineNamingTheChange(checkpoint, child(checkpoint, "embed", "--file", Golden.verdict().toString(),
                "--tables", checkpoint.toString(), "--out", dir.resolve("out").toString()));
    }
}

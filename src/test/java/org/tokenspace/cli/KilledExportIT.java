package org.tokenspace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tokenspace.Golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch export is five files; killed at a random moment, or run twice at once into one folder, it must leave the
 * five files of one export (the old set or the new one), never a mix. The exports run in child JVMs, as a user's
 * would; each generation {@code g} is {@code export --seed g --shuffle}, so every one of its files differs from
 * those of the generations beside it.
 */
class KilledExportIT {
    static final List<String> FILES = List.of("inputs.csv", "targets.csv", "token_embeddings.csv",
            "position_embeddings.csv", "input_embeddings.csv");
    static final int KILLS = 5;

    @TempDir
    Path dir;

    private final Map<Long, Map<String, String>> references = new HashMap<>();

    /** The export of generation {@code seed} into {@code out}: two CSVs of a million numbers among its five. */
    static String[] export(Path out, long seed) {
        return new String[] {"export", "--what", "batch", "--format", "csv", "--file", Golden.verdict().toString(),
            "--batch-size", "64", "--max-length", "64", "--context-length", "64", "--stride", "64", "--shuffle",
            "--seed", Long.toString(seed), "--out", out.toString()};
    }

    /**
     * The child: exports generations {@code args[1]}, {@code args[1] + 1}, ... ({@code args[2]} of them, or forever);
     * with a fourth argument {@code wait}, it first warms up, prints "ready" and waits for a line on its input, so that
     * two children start exporting at the same moment.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        long count = Long.parseLong(args[2]);
        if (args.length > 3) {
            org.tokenspace.model.Gpt2Tokenizer.get().encode("warm up");
            org.nd4j.linalg.factory.Nd4j.ones(2, 2).addi(1);
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        for (long g = first; count < 0 || g < first + count; g++) {
            System.out.println("writing " + g);
            System.out.flush();
            StringWriter err = new StringWriter();
            int code = Cli.run(export(out, g), new PrintWriter(new StringWriter()), new PrintWriter(err));
            if (code != 0) {
                System.out.println("failed " + err.toString().strip());
                System.exit(code);
            }
            System.out.println("wrote " + g);
            System.out.flush();
        }
    }

    private static Process child(Path out, long first, long count, String... wait) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g",
                "-Dtokenspace.shared=" + Golden.shared().toAbsolutePath(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", KilledExportIT.class.getName(),
                out.toString(), Long.toString(first), Long.toString(count)));
        cmd.addAll(List.of(wait));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aKilledBatchExportLeavesTheOldSetOrTheNewOne() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.of(export(out, 0)).exitCode());
        Random random = new Random(7);
        long start = 1;
        int midSet = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = child(out, start, -1);
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = lines.readLine();
            assertTrue(line != null && line.startsWith("writing "), "the child did not start: " + line);
            long t0 = System.nanoTime();
            line = lines.readLine();
            assertTrue(line != null && line.startsWith("wrote "), "the child did not export: " + line);
            long exportMillis = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
            lines.readLine(); // writing the next one
            Thread.sleep(random.nextInt((int) exportMillis + 1));
            child.toHandle().destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child did not die");
            long lastReported = start;
            for (line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("wrote ")) {
                    lastReported = Long.parseLong(line.substring(6));
                }
            }
            if (!temporaries(out).isEmpty()) {
                midSet++;
            }
            // a kill between the moves of a committed set leaves its journal, and the next write into the folder
            // completes the set (AtomicFiles.writeSet); without a journal that write only removes temporary files
            boolean committed = temporaries(out).stream().anyMatch(p -> p.toString().endsWith(".journal"));
            org.tokenspace.io.AtomicFiles.writeString(out.resolve("next.txt"), "the next write\n");
            assertEquals(List.of(), temporaries(out));
            long found = generationOf(out, lastReported, lastReported + 1);
            assertTrue(found == lastReported || found == lastReported + 1, "generation " + found);
            if (committed) {
                assertEquals(lastReported + 1, found, "a committed set was not completed");
            }
            start = lastReported + 10;
        }
        System.out.println("kills that came while a set was being written: " + midSet + " of " + KILLS);
        assertTrue(midSet > 0, "no kill landed inside an export: the test checked nothing");
    }

    @Test
    void twoExportsIntoOneFolderAtOnceLeaveOneWholeSet() throws Exception {
        Path out = dir.resolve("shared");
        for (int round = 0; round < 4; round++) {
            long a = 100 + 10 * round;
            long b = 200 + 10 * round;
            List<Process> writers = List.of(child(out, a, 1, "wait"), child(out, b, 1, "wait"));
            List<BufferedReader> printed = new ArrayList<>();
            for (Process p : writers) {
                printed.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
                assertEquals("ready", printed.get(printed.size() - 1).readLine());
            }
            for (Process p : writers) {
                p.getOutputStream().write('\n');
                p.getOutputStream().flush();
            }
            for (int i = 0; i < writers.size(); i++) {
                StringBuilder lines = new StringBuilder();
                for (String line = printed.get(i).readLine(); line != null; line = printed.get(i).readLine()) {
                    lines.append(line).append('\n');
                }
                assertTrue(writers.get(i).waitFor(120, TimeUnit.SECONDS), "an export did not end");
                assertEquals(0, writers.get(i).exitValue(), lines.toString());
            }
            long found = generationOf(out, a, b);
            assertTrue(found == a || found == b, "generation " + found);
            assertEquals(List.of(), temporaries(out));
        }
    }

    /** The generation whose five files {@code out} holds, all five byte for byte; fails on a mix. */
    private long generationOf(Path out, long... candidates) throws IOException {
        Map<String, String> now = read(out);
        List<String> mix = new ArrayList<>();
        for (long g : candidates) {
            Map<String, String> ref = reference(g);
            List<String> same = FILES.stream().filter(f -> ref.get(f).equals(now.get(f))).toList();
            if (same.size() == FILES.size()) {
                return g;
            }
            mix.add("generation " + g + ": " + same);
        }
        throw new AssertionError("the folder holds no one export's five files; the files equal to each: " + mix);
    }

    private Map<String, String> reference(long g) {
        return references.computeIfAbsent(g, k -> {
            Path ref = dir.resolve("reference-" + k);
            CliRun r = CliRun.of(export(ref, k));
            assertEquals(0, r.exitCode(), r.err());
            try {
                return read(ref);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The SHA-256 of each of the five files. */
    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new HashMap<>();
        for (String f : FILES) {
            try {
                files.put(f, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(folder.resolve(f)))));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return files;
    }

    /** Hidden temporary files: what a write that did not finish leaves. */
    private static List<Path> temporaries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")
                    && !p.getFileName().toString().equals(".tokenspace.lock")).toList();
        }
    }
}

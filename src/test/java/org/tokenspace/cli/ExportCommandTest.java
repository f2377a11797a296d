package org.tokenspace.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.io.Npy;
import org.tokenspace.io.Progress;
import org.tokenspace.io.ProjectorTsv;
import org.tokenspace.io.Safetensors;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every export read back bit-identical to what the pipeline computed. */
class ExportCommandTest {
    private static final String TEXT = "Hello, do you like tea?\tIn the sunlit terraces\nof someunknownPlace."
            + " It was a bright cold day in April, and the clocks were striking thirteen.";
    /** Small tables so that CSV and TSV stay quick: the batch still uses GPT-2 ids. */
    private static final String[] SIZES = {"--embedding-dim", "6", "--context-length", "5", "--max-length", "5",
        "--stride", "3", "--batch-size", "3", "--seed", "7"};
    private static final Settings SETTINGS = Settings.builder().seed(7).embeddingDim(6).contextLength(5)
            .batchSize(3).maxLength(5).stride(3).build();

    @TempDir
    static Path dir;
    static Path text;
    static PipelineResult expected;

    @BeforeAll
    static void run() throws IOException {
        text = dir.resolve("text.txt");
        Files.writeString(text, TEXT);
        expected = new Pipeline().run(TEXT, SETTINGS);
    }

    private static Path export(String what, String format) {
        Path out = dir.resolve(what + "-" + format);
        List<String> args = new ArrayList<>(List.of("export", "--what", what, "--format", format, "--out",
                out.toString(), "--file", text.toString()));
        args.addAll(List.of(SIZES));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    private static INDArray rows(INDArray a) {
        return a.rank() == 3 ? a.reshape('c', a.size(0) * a.size(1), a.size(2)) : a;
    }

    @Test
    void npyBatch() {
        Path out = export("batch", "npy");
        assertArrayEquals(expected.batch().inputs(), Npy.readIds(out.resolve("inputs.npy")));
        assertArrayEquals(expected.batch().targets(), Npy.readIds(out.resolve("targets.npy")));
        same(expected.tokenEmbeddings(), Npy.read(out.resolve("token_embeddings.npy")));
        same(expected.positionEmbeddings(), Npy.read(out.resolve("position_embeddings.npy")));
        same(expected.inputEmbeddings(), Npy.read(out.resolve("input_embeddings.npy")));
    }

    @Test
    void npyAndSafetensorsTables() {
        same(expected.tables().tokenTable(), Npy.read(export("token-table", "npy").resolve("token_table.npy")));
        same(expected.tables().positionTable(),
                Npy.read(export("position-table", "npy").resolve("position_table.npy")));
        Path st = export("token-table", "safetensors").resolve("token_table.safetensors");
        same(expected.tables().tokenTable(), Safetensors.read(st, "token_table"));
    }

    @Test
    void projectionIsTheTokenTableInItsFittedAxes() {
        INDArray expectedCoordinates = org.tokenspace.projection.Pca.fit(expected.tables().tokenTable(), 3)
                .transformArray(expected.tables().tokenTable()); // [V, 3]
        INDArray written = Npy.read(export("projection", "npy").resolve("projection.npy"));
        assertArrayEquals(new long[] {expected.tables().vocabSize(), 3}, written.shape());
        same(expectedCoordinates, written);
    }

    @Test
    void safetensorsBatch() {
        Path f = export("batch", "safetensors").resolve("batch.safetensors");
        same(expected.tokenEmbeddings(), Safetensors.read(f, "token_embeddings"));
        same(expected.positionEmbeddings(), Safetensors.read(f, "position_embeddings"));
        same(expected.inputEmbeddings(), Safetensors.read(f, "input_embeddings"));
        CliRun inspect = CliRun.of("inspect", f.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        long b = expected.batch().batchSize();
        assertEquals(List.of("inputs\tI64\t[" + b + ", 5]\t" + b * 5 * 8 + " bytes",
                "targets\tI64\t[" + b + ", 5]\t" + b * 5 * 8 + " bytes",
                "token_embeddings\tF32\t[" + b + ", 5, 6]\t" + b * 5 * 6 * 4 + " bytes",
                "position_embeddings\tF32\t[5, 6]\t120 bytes",
                "input_embeddings\tF32\t[" + b + ", 5, 6]\t" + b * 5 * 6 * 4 + " bytes"), inspect.out().lines().toList());
    }

    @Test
    void projectorTsvTablesAndBatch() {
        Path table = export("token-table", "projector-tsv").resolve("token_table.tsv");
        same(expected.tables().tokenTable(), ProjectorTsv.readVectors(table, Progress.NONE));
        List<String> labels = ProjectorTsv.readLabels(ProjectorTsv.metadataFor(table), Gpt2Tokenizer.VOCAB_SIZE);
        assertEquals("Hello", labels.get(15496));
        assertEquals("·the", labels.get(262));

        Path out = export("batch", "projector-tsv");
        same(rows(expected.inputEmbeddings()), ProjectorTsv.readVectors(out.resolve("input_embeddings.tsv"),
                Progress.NONE));
        same(rows(expected.tokenEmbeddings()), ProjectorTsv.readVectors(out.resolve("token_embeddings.tsv"),
                Progress.NONE));
        same(expected.positionEmbeddings(), ProjectorTsv.readVectors(out.resolve("position_embeddings.tsv"),
                Progress.NONE));
        int[] flat = Arrays.stream(expected.batch().inputs()).flatMapToInt(Arrays::stream).toArray();
        List<String> tokens = ProjectorTsv.readLabels(out.resolve("input_embeddings_metadata.tsv"), flat.length);
        for (int i = 0; i < flat.length; i++) {
            assertEquals(Gpt2Tokenizer.get().tokenText(flat[i]), tokens.get(i));
        }
    }

    @Test
    void csvTablesAndBatch() throws IOException {
        Path table = export("token-table", "csv").resolve("token_table.csv");
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        assertEquals("id,token,d0,d1,d2,d3,d4,d5", lines.get(0));
        assertEquals(Gpt2Tokenizer.VOCAB_SIZE + 1, lines.size());
        assertTrue(lines.get(12).startsWith("11,\",\","), lines.get(12)); // the comma token is quoted
        same(expected.tables().tokenTable(), csvValues(lines, 6));

        Path out = export("batch", "csv");
        same(rows(expected.inputEmbeddings()), csvValues(Files.readAllLines(out.resolve("input_embeddings.csv")), 6));
        same(expected.positionEmbeddings(), csvValues(Files.readAllLines(out.resolve("position_embeddings.csv")), 6));
        List<String> ids = Files.readAllLines(out.resolve("inputs.csv"));
        assertEquals("t0,t1,t2,t3,t4", ids.get(0));
        assertEquals(Arrays.toString(expected.batch().inputs()[0]).replaceAll("[\\[\\] ]", ""), ids.get(1));
    }

    /** The last {@code dim} cells of each data line (label cells may be quoted, values never are). */
    private static INDArray csvValues(List<String> lines, int dim) {
        float[] v = new float[(lines.size() - 1) * dim];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            for (int c = 0; c < dim; c++) {
                v[(r - 1) * dim + c] = Float.parseFloat(cells[cells.length - dim + c]);
            }
        }
        return Nd4j.create(v, new long[] {lines.size() - 1, dim}, 'c');
    }

    @Test
    void embedRunsOnTablesFromASafetensorsFile() throws IOException {
        Path tables = dir.resolve("gpt2-like.safetensors");
        INDArray wte = org.tokenspace.Fixtures.rand(1, Gpt2Tokenizer.VOCAB_SIZE, 4);
        INDArray wpe = org.tokenspace.Fixtures.rand(2, 16, 4);
        Safetensors.write(tables, List.of(Safetensors.Tensor.of("wte.weight", wte),
                Safetensors.Tensor.of("wpe.weight", wpe)));
        Path out = dir.resolve("embed-loaded");
        CliRun r = CliRun.of("embed", "--file", text.toString(), "--tables", tables.toString(), "--out", out.toString(),
                "--max-length", "8", "--stride", "8", "--batch-size", "2");
        assertEquals(0, r.exitCode(), r.err());
        INDArray tokens = Npy.read(out.resolve("token_embeddings.npy")); // [2, 8, 4]
        INDArray inputs = Npy.read(out.resolve("input_embeddings.npy"));
        int[] ids = Gpt2Tokenizer.get().encode(TEXT);
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 8; t++) {
                INDArray row = wte.getRow(ids[b * 8 + t]);
                assertEquals(row, tokens.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t), org.nd4j.linalg.indexing.NDArrayIndex.all()));
                assertEquals(row.add(wpe.getRow(t)), inputs.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t), org.nd4j.linalg.indexing.NDArrayIndex.all()));
            }
        }
        CliRun missing = CliRun.of("embed", "--file", text.toString(), "--tables", tables.toString(),
                "--token-tensor", "wte", "--out", out.toString());
        assertEquals(Cli.USER_ERROR, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("no tensor 'wte'; it has wte.weight, wpe.weight"), missing.err());
    }

    @Test
    void badFilesAndOptionsGiveOneLine() throws IOException {
        Path bad = dir.resolve("bad.npy");
        Files.writeString(bad, "not numpy");
        CliRun r = CliRun.of("inspect", bad.toString());
        assertEquals(Cli.USER_ERROR, r.exitCode());
        assertEquals("tokenspace: " + bad + ": not a .npy file (the magic string \\x93NUMPY is missing)",
                r.err().strip());
        r = CliRun.of("export", "--what", "tables", "--format", "npy", "--out", dir.toString());
        assertEquals(Cli.USAGE_ERROR, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        r = CliRun.of("export", "--what", "batch", "--format", "xlsx", "--out", dir.toString());
        assertEquals(Cli.USAGE_ERROR, r.exitCode());
        assertTrue(r.err().contains("use npy, csv, projector-tsv or safetensors"), r.err());
    }

    private static void same(INDArray expected, INDArray actual) {
        assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()));
        float[] e = expected.dup('c').data().asFloat();
        float[] a = actual.dup('c').data().asFloat();
        for (int i = 0; i < e.length; i++) {
            assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), "element " + i);
        }
    }
}

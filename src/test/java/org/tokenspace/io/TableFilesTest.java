package org.tokenspace.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.LabeledTable;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableFilesTest {
    @TempDir
    Path dir;

    @Test
    void labelsComeFromMetadataElseGpt2TokenTexts() throws IOException {
        Path full = dir.resolve("full.npy");
        Npy.write(full, Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, Gpt2Tokenizer.VOCAB_SIZE, 2));
        LabeledTable t = TableFiles.open(full, null, null, Progress.NONE);
        assertFalse(t.labels().fromMetadata());
        assertEquals("Hello", t.label(15496));
        assertEquals("<|endoftext|>", t.label(50256));

        Path small = dir.resolve("small.npy");
        Npy.write(small, Bits.awkward(3, 2, 9));
        LabeledTable rows = TableFiles.open(small, null, null, Progress.NONE);
        assertEquals("#", rows.label(2)); // ids index any table: row 2 is the token of GPT-2 id 2
        assertEquals(org.tokenspace.model.Gpt2Tokenizer.get().tokenText(2), rows.label(2));

        Path meta = dir.resolve("meta.tsv");
        Files.writeString(meta, "token\tid\nx\t0\ny\t1\nz\t2\n");
        LabeledTable named = TableFiles.open(small, null, meta, Progress.NONE);
        assertEquals(List.of("x", "y", "z"), List.of(named.label(0), named.label(1), named.label(2)));
    }

    @Test
    void safetensorsNeedsATensorAndATableNeedsTwoDimensions() {
        Path f = dir.resolve("m.safetensors");
        Safetensors.write(f, List.of(Safetensors.Tensor.of("wte.weight", Bits.awkward(6, 4, 1)),
                Safetensors.Tensor.of("bias", Bits.awkward(1, 4, 2).reshape(4))));
        assertEquals(List.of("wte.weight"), TableFiles.tables(f).stream().map(TensorInfo::name).toList());
        assertTrue(assertThrows(RuntimeException.class, () -> TableFiles.open(f, null, null, Progress.NONE))
                .getMessage().contains("choose a tensor"));
        assertThrows(FileFormatException.class, () -> TableFiles.open(f, "bias", null, Progress.NONE));
        assertEquals("wte.weight", TableFiles.open(f, "wte.weight", null, Progress.NONE).name());
    }

    @Test
    void loadingReportsProgressAndCanBeCancelled() {
        Path f = dir.resolve("t.safetensors");
        // 3 chunks of TensorData.CHUNK bytes
        int rows = 3 * TensorData.CHUNK / (64 * 4);
        Safetensors.write(f, List.of(Safetensors.Tensor.of("t", org.tokenspace.Fixtures.rand(1, rows, 64))));
        List<Double> seen = new ArrayList<>();
        TableFiles.open(f, "t", null, new Progress(seen::add, () -> false));
        assertEquals(List.of(0.0, 1 / 3.0, 2 / 3.0, 1.0), seen);

        AtomicInteger polls = new AtomicInteger();
        assertThrows(Pipeline.Cancelled.class, () -> TableFiles.open(f, "t", null,
                new Progress(x -> { }, () -> polls.incrementAndGet() > 2)));
        assertEquals(3, polls.get());
    }

    @Test
    void checkpointTablesFeedThePipeline() {
        Path f = dir.resolve("gpt.safetensors");
        INDArray wte = Bits.awkward(Gpt2Tokenizer.VOCAB_SIZE, 3, 11);
        INDArray wpe = Bits.awkward(8, 3, 12);
        Safetensors.write(f, List.of(Safetensors.Tensor.of("wte.weight", wte), Safetensors.Tensor.of("wpe.weight",
                wpe)));
        Tables t = TableFiles.tables(f, "wte.weight", "wpe.weight", Progress.NONE);
        Bits.assertSameBits(wte, t.tokenTable());
        Bits.assertSameBits(wpe, t.positionTable());
        assertEquals(8, t.contextLength());
    }

    /**
     * Opening a GPT-2-sized token table, 50257 x 768 float32 (154 MB), as .npy and as safetensors:
     * {@code mvn -q test -Dtest=TableFilesTest#openTime -Dtokenspace.bench=true}. The first open after writing
     * reads from the page cache; the target is under 2 s.
     */
    @Test
    @EnabledIfSystemProperty(named = "tokenspace.bench", matches = "true")
    void openTime() {
        INDArray table = org.tokenspace.Fixtures.rand(2, Gpt2Tokenizer.VOCAB_SIZE, 768);
        Path npy = dir.resolve("wte.npy");
        Path st = dir.resolve("gpt2.safetensors");
        Npy.write(npy, table);
        Safetensors.write(st, List.of(Safetensors.Tensor.of("wte.weight", table)));
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            LabeledTable a = TableFiles.open(npy, null, null, Progress.NONE);
            long t1 = System.nanoTime();
            LabeledTable b = TableFiles.open(st, "wte.weight", null, Progress.NONE);
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "open 50257x768 float32 (%d MB): .npy %.0f ms, .safetensors %.0f ms%n",
                    Files.exists(npy) ? npy.toFile().length() / 1_000_000 : 0, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
            assertTrue((t1 - t0) / 1e9 < 2 && (t2 - t1) / 1e9 < 2, "opening takes under 2 s");
            assertEquals(a.rows(), b.rows());
        }
    }
}

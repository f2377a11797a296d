package org.tokenspace.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tokenspace.Golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The course's dataloader on the-verdict against PyTorch's DataLoader, in order and shuffled. */
class BatchLoaderTest {
    private static final int[] IDS = Golden.ints(Golden.json("the-verdict.gpt2-ids.json").get("ids"));

    @Test
    void inOrderCountsAndBatches() {
        JsonNode g = Golden.json("the-verdict.dataloader.json");
        SlidingWindows windows = new SlidingWindows(IDS, 4, 4);
        BatchLoader loader = new BatchLoader(windows, 8, false, true, 123);
        assertEquals(g.get("n_windows").asInt(), windows.size());
        assertEquals(g.get("n_full_batches").asInt(), loader.size());
        assertEquals(g.get("n_windows_dropped").asInt(), windows.size() - 8 * loader.size());
        assertBatch(g.get("first_batch"), loader.batch(0, 0));
        assertBatch(g.get("second_batch"), loader.batch(0, 1));
        JsonNode last = g.get("last_full_batch");
        assertBatch(last, loader.batch(0, last.get("index").asInt()));
        assertEquals(161, new BatchLoader(windows, 8, false, false, 123).size()); // keep the short last batch
    }

    @Test
    void strideOneBatchOfOneIsTheBooks() {
        JsonNode g = Golden.json("the-verdict.dataloader.json").get("also_book_batch1_stride1");
        SlidingWindows windows = new SlidingWindows(IDS, 4, 1);
        assertEquals(g.get("n_windows").asInt(), windows.size());
        assertBatch(g, new BatchLoader(windows, 1, false, true, 123).batch(0, 0));
    }

    @Test
    void shuffledOrderIsPyTorchsForTwoEpochs() {
        for (JsonNode c : Golden.json("the-verdict.dataloader-shuffle.json").get("cases")) {
            int batchSize = c.get("batch_size").asInt();
            SlidingWindows windows = new SlidingWindows(IDS, c.get("max_length").asInt(), c.get("stride").asInt());
            assertEquals(c.get("windows").asInt(), windows.size());
            BatchLoader loader = new BatchLoader(windows, batchSize, true, true, 123);
            JsonNode epochs = c.get("epochs_first_two_batches");
            for (int e = 0; e < epochs.size(); e++) {
                int[] order = loader.order(e);
                for (int b = 0; b < epochs.get(e).size(); b++) {
                    JsonNode g = epochs.get(e).get(b);
                    Batch batch = loader.batch(order, b);
                    if (g.has("inputs")) {
                        assertBatch(g, batch);
                    } else {
                        assertArrayEquals(Golden.intMatrix(g.get("inputs_first_cols")), firstCols(batch.inputs()));
                        assertArrayEquals(Golden.intMatrix(g.get("targets_first_cols")), firstCols(batch.targets()));
                    }
                }
            }
            JsonNode indexBatches = c.get("epoch1_index_batches_first4");
            for (int b = 0; b < indexBatches.size(); b++) {
                assertArrayEquals(Golden.ints(indexBatches.get(b)), loader.batch(0, b).windows());
            }
        }
    }

    @Test
    void windowRuleMatchesThePythonRange() {
        int[] ids = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(3, new SlidingWindows(ids, 4, 2).size()); // range(0, 6, 2) = 0, 2, 4
        assertEquals(0, new SlidingWindows(ids, 10, 1).size()); // range(0, 0)
        assertArrayEquals(new int[] {5, 6, 7, 8}, new SlidingWindows(ids, 4, 2).target(2));
    }

    @Test
    void missingBatchIsNamed() {
        BatchLoader loader = new BatchLoader(new SlidingWindows(IDS, 4, 4), 8, false, true, 123);
        TokenSpaceException e = assertThrows(TokenSpaceException.class, () -> loader.batch(0, 160));
        assertEquals("batch 160 does not exist: the loader has 160 batches (0 to 159)", e.getMessage());
    }

    @Test
    void aHugeShuffledEpochIsRefusedAtOnceAndTheLastOneAllowedIsReached() {
        SlidingWindows windows = new SlidingWindows(IDS, 4, 4);
        BatchLoader loader = new BatchLoader(windows, 8, true, true, 123);
        TokenSpaceException e = assertThrows(TokenSpaceException.class, () -> loader.order(Integer.MAX_VALUE));
        assertTrue(e.getMessage().startsWith("epoch 2147483647 is past 10000000"), e.getMessage());
        assertTrue(e.getMessage().endsWith("choose an epoch of 10000000 or less"), e.getMessage());
        TorchGenerator stream = new TorchGenerator(123);
        for (int k = 0; k < 3; k++) { // epochs 0, 1, 2 as training draws them, one after another
            assertArrayEquals(loader.nextEpoch(stream), loader.order(k));
        }
        assertEquals(windows.size(), loader.order(BatchLoader.MAX_EPOCH).length);
        assertEquals(windows.size(), new BatchLoader(windows, 8, false, true, 123).order(Integer.MAX_VALUE).length);
    }

    private static int[][] firstCols(int[][] rows) {
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = java.util.Arrays.copyOf(rows[i], 4);
        }
        return out;
    }

    private static void assertBatch(JsonNode expected, Batch actual) {
        assertArrayEquals(Golden.intMatrix(expected.get("inputs")), actual.inputs());
        assertArrayEquals(Golden.intMatrix(expected.get("targets")), actual.targets());
    }
}

package org.tokenspace.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The one pipeline: text and settings to every intermediate the views show. It keeps the last tables and the last
 * text's ids, so changing a loader setting does not redraw a 50257 x 256 table. Not thread-safe: one caller at a time.
 *
 * <p>Batches depend only on the text, the loader settings and the seed (a shuffled order is drawn from its own
 * {@code manual_seed(seed)} stream, as the {@code batches} command does); tables depend only on the seed, the sizes
 * and the kernel.
 */
public final class Pipeline {
    /** A text that starts with this is a list of token ids, not text to tokenize. */
    public static final String IDS_PREFIX = "ids:";
    private TablesKey tablesKey;
    private Tables tables;
    private String lastText;
    private int[] lastIds;

    /** Runs every step; {@code cancelled} is polled between steps and stops the run with {@link Cancelled}. */
    public PipelineResult run(String text, Settings settings, BooleanSupplier cancelled) {
        return run(text, settings, null, cancelled);
    }

    /**
     * Runs every step on given tables (e.g. a checkpoint's {@code wte}/{@code wpe}) instead of seeded ones: the
     * settings' vocabSize, embeddingDim and contextLength are taken from the tables.
     *
     * @param given the tables, or null for the seeded tables of {@code settings}
     */
    public PipelineResult run(String text, Settings settings, Tables given, BooleanSupplier cancelled) {
        return run(text, settings, given, f -> { }, cancelled);
    }

    /**
     * Runs every step, reporting how far tokenizing a long text got ({@code progress} receives 0 to 1) and polling
     * {@code cancelled} between chunks of it and between steps.
     */
    public PipelineResult run(String text, Settings settings, Tables given, DoubleConsumer progress,
                              BooleanSupplier cancelled) {
        if (given != null) {
            settings = settings.withTables(Math.toIntExact(given.vocabSize()), Math.toIntExact(given.embeddingDim()),
                    Math.toIntExact(given.contextLength()));
        }
        settings.validate();
        Batches batches = batches(text, settings, progress, cancelled);
        int[] ids = batches.ids();
        SlidingWindows windows = batches.windows();
        if (windows.size() == 0) {
            throw new TokenSpaceException("the text has " + ids.length + " tokens, too few for one window: maxLength "
                    + settings.maxLength() + " needs at least " + (settings.maxLength() + 1L)
                    + " tokens; use a longer text or a smaller maxLength");
        }
        BatchLoader loader = batches.loader();
        if (loader.size() == 0) {
            throw new TokenSpaceException("the text gives " + windows.size() + " windows, fewer than one batch of "
                    + settings.batchSize() + ": lower batchSize or stride, or keep the short last batch");
        }
        Batch batch = loader.batch(settings.epoch(), settings.batchIndex());
        // The token and positional tables: given, or seeded
        Tables t = given != null ? given : tablesFor(settings);
        check(cancelled);
        requireIdsInTable(batch, t.vocabSize(), given != null);
        // Lookup: [B, T] ids -> [B, T, D]
        INDArray tokenEmbeddings = Embedding.lookup(t.tokenTable(), batch.inputs());
        // Positions 0..T-1: [T, D]
        long time = batch.maxLength();
        INDArray positionEmbeddings = t.positionTable().get(NDArrayIndex.interval(0, time), NDArrayIndex.all()).dup();
        // Input embeddings: [B, T, D] + [T, D], broadcast over the batch
        INDArray inputEmbeddings = Embedding.lookupWithPositionsInto(t.tokenTable(), t.positionTable(), batch.inputs(),
                Nd4j.createUninitialized(DataType.FLOAT, tokenEmbeddings.shape()));
        return new PipelineResult(settings, ids, windows, loader.size(), batch, t, tokenEmbeddings,
                positionEmbeddings, inputEmbeddings);
    }

    /**
     * The steps before the tables: the text's ids, its sliding windows and the loader over them, for the loader
     * settings and the seed alone ({@link Settings#validateLoader()}). A text too short for one window, or a loader
     * with no batch (drop_last with fewer windows than batchSize), is returned as it is: the caller names the problem.
     */
    public Batches batches(String text, Settings settings, DoubleConsumer progress, BooleanSupplier cancelled) {
        settings.validateLoader();
        // Tokenize the entire text
        int[] ids = tokenize(text, progress, cancelled);
        check(cancelled);
        // Sliding windows of maxLength every stride; inputs and targets shifted by one
        SlidingWindows windows = new SlidingWindows(ids, settings.maxLength(), settings.stride());
        return new Batches(ids, windows, new BatchLoader(windows, settings.batchSize(), settings.shuffle(),
                settings.dropLast(), settings.seed()));
    }

    /** A text's ids, its windows and the loader that batches them. */
    public record Batches(int[] ids, SlidingWindows windows, BatchLoader loader) {
    }

    /** Runs every step without a way to cancel. */
    public PipelineResult run(String text, Settings settings) {
        return run(text, settings, () -> false);
    }

    /** The seeded tables for these settings, reused while seed, sizes and kernel stay the same. */
    public synchronized Tables tablesFor(Settings s) {
        TablesKey key = new TablesKey(s.seed(), s.vocabSize(), s.embeddingDim(), s.contextLength(), s.kernel());
        if (!key.equals(tablesKey)) {
            tables = Tables.seeded(s.seed(), s.vocabSize(), s.embeddingDim(), s.contextLength(), s.kernel());
            tablesKey = key;
        }
        return tables;
    }

    /** The text's GPT-2 ids, or the ids of an {@code ids:} list; the last text's ids are kept. */
    public int[] ids(String text, DoubleConsumer progress, BooleanSupplier cancelled) {
        return tokenize(text, progress, cancelled);
    }

    private int[] tokenize(String text, DoubleConsumer progress, BooleanSupplier cancelled) {
        Objects.requireNonNull(text, "text");
        if (!text.equals(lastText)) {
            lastIds = text.stripLeading().startsWith(IDS_PREFIX) ? parseIds(text)
                    : Gpt2Tokenizer.get().encode(text, Gpt2Tokenizer.CHUNK, progress, cancelled);
            lastText = text;
        }
        return lastIds;
    }

    /** {@code ids: 2, 3, 5, 1, 0}: token ids given directly, as the course's {@code torch.tensor([2, 3, 5, 1])}. */
    static int[] parseIds(String text) {
        String list = text.stripLeading().substring(IDS_PREFIX.length()).trim();
        if (list.isEmpty()) {
            throw new TokenSpaceException("the id list is empty: write ids after 'ids:', e.g. ids: 2, 3, 5, 1, 0");
        }
        String[] parts = list.split("[\\s,\\[\\]]+");
        return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).mapToInt(p -> {
            try {
                if (!p.matches("[+-]?[0-9]+")) { // parseInt would also read other scripts' digits, e.g. '١٢' as 12
                    throw new NumberFormatException(p);
                }
                int id = Integer.parseInt(p);
                if (id < 0) {
                    throw new TokenSpaceException("token id " + id + " in the id list is negative: ids start at 0");
                }
                return id;
            } catch (NumberFormatException e) {
                throw new TokenSpaceException("'" + p + "' in the id list is not a token id: write whole numbers, "
                        + "e.g. ids: 2, 3, 5, 1, 0");
            }
        }).toArray();
    }

    private static void requireIdsInTable(Batch batch, long vocabSize, boolean loaded) {
        int[][] inputs = batch.inputs();
        for (int b = 0; b < inputs.length; b++) {
            for (int t = 0; t < inputs[b].length; t++) {
                int id = inputs[b][t];
                if (id >= vocabSize) {
                    String token = id < Gpt2Tokenizer.VOCAB_SIZE ? " ('" + Gpt2Tokenizer.get().tokenText(id) + "')" : "";
                    throw new TokenSpaceException("token id " + id + token + " at [" + b + ", " + t
                            + "] is outside the token table of vocabSize " + vocabSize + (loaded
                            ? ": this table has too few rows for GPT-2's ids; use the seeded tables, a table with "
                            + Gpt2Tokenizer.VOCAB_SIZE + " rows, or a text of ids below " + vocabSize
                            + " (ids: 2, 3, 5, 1)" : ": raise vocabSize to " + Gpt2Tokenizer.VOCAB_SIZE));
                }
            }
        }
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    /** Thrown when a run is cancelled between steps. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private record TablesKey(long seed, int vocabSize, int embeddingDim, int contextLength, NormalKernel kernel) {
    }
}

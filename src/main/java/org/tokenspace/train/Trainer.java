package org.tokenspace.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.model.Batch;
import org.tokenspace.model.BatchLoader;
import org.tokenspace.model.Embedding;
import org.tokenspace.model.RowLabels;
import org.tokenspace.model.Settings;
import org.tokenspace.model.SlidingWindows;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.model.TorchGenerator;
import org.tokenspace.model.UniformInit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * Trains the embedding stage (the course's GPTModel with no transformer blocks,
 * {@code ../shared/golden/tools/train_reference.py}) on a text's ids, step by step, exactly as PyTorch 1.13 does:
 * {@code manual_seed(seed)}, the token and positional tables (the walkthrough's, bit for bit), the output head by
 * {@code kaiming_uniform_}, LayerNorm scale 1 and shift 0; each epoch's loader order drawn from the same stream.
 *
 * <p>Another thread may read the tensors at any time ({@link #tables()}, {@link #copyTokenTable}): a step writes
 * into spare arrays and swaps them in at its end, under a lock, so a reader never sees half a step. A step whose loss
 * or any new value is not finite throws {@link Diverged} and changes nothing.
 */
public final class Trainer implements AutoCloseable {
    private final Settings settings;
    private final SlidingWindows windows;
    private final BatchLoader loader;
    private final TorchGenerator global;
    private final RowLabels labels;
    private final LazyTable token;
    private final Param position;
    private final Param outHead;
    private final Param scale;
    private final Param shift;
    private final List<Param> params;
    private final float[] initialToken; // [V, D], for how far each row moved
    private final StageStep kernel;
    // the tables' gradients, reused every step: the token rows' [N, D] (a slot per distinct row) and the positions'
    private final int[] slot;
    private final float[] dTok;
    private final float[] dPos;
    private final Object lock = new Object();
    private volatile Optimizer optimizer;
    private long steps;
    private int epoch = -1;
    private int[] order;
    private int batchInEpoch;
    private final List<Float> losses = new ArrayList<>();
    private final List<Long> epochStarts = new ArrayList<>();

    /** Thrown when a step would make the loss or a weight NaN or infinite; the last finite state is kept. */
    public static final class Diverged extends TokenSpaceException {
        private final long step;

        Diverged(long step, String what, Optimizer o) {
            super("training diverged at step " + step + ": " + what + "; the state after step " + (step - 1)
                    + " is kept: lower the learning rate (now " + o.lr() + ") and go on, or reset");
            this.step = step;
        }

        /** The step that diverged (1 is the first). */
        public long step() {
            return step;
        }
    }

    /**
     * Starts from the seeded tables of {@code settings} ({@code start} null), or from given tables (a checkpoint's,
     * or tables trained before) with an output head seeded from {@code settings}' seed.
     *
     * @param ids the text's token ids
     */
    public Trainer(int[] ids, Settings settings, Optimizer optimizer, Tables start) {
        if (start != null) {
            settings = settings.withTables(Math.toIntExact(start.vocabSize()), Math.toIntExact(start.embeddingDim()),
                    Math.toIntExact(start.contextLength()));
        }
        this.settings = settings.validate();
        this.optimizer = optimizer;
        int vocab = settings.vocabSize();
        int dim = settings.embeddingDim();
        int context = settings.contextLength();
        windows = new SlidingWindows(ids, settings.maxLength(), settings.stride());
        if (windows.size() == 0) {
            throw new TokenSpaceException("the text has " + ids.length + " tokens, too few for one window of maxLength "
                    + settings.maxLength() + ": use a longer text or a smaller maxLength");
        }
        loader = new BatchLoader(windows, settings.batchSize(), settings.shuffle(), settings.dropLast(),
                settings.seed());
        if (loader.size() == 0) {
            throw new TokenSpaceException("the text gives " + windows.size() + " windows, fewer than one batch of "
                    + settings.batchSize() + ": lower batchSize or stride, or keep the short last batch");
        }
        for (int id : ids) {
            if (id < 0 || id >= vocab) {
                throw new TokenSpaceException("token id " + id + " is outside the token table of vocabSize " + vocab
                        + ": raise vocabSize to " + (id + 1) + " or more, or use ids below " + vocab);
            }
        }
        global = new TorchGenerator(settings.seed());
        float[] tok;
        float[] pos;
        if (start == null) { // torch.manual_seed(seed); tok_emb, pos_emb: the walkthrough's tables
            tok = Embedding.create(global, "token table", vocab, dim, settings.kernel()).data().asFloat();
            pos = Embedding.create(global, "positional table", context, dim, settings.kernel()).data().asFloat();
            labels = RowLabels.GPT2;
        } else {
            tok = start.tokenTable().dup('c').data().asFloat();
            pos = start.positionTable().dup('c').data().asFloat();
            labels = start.labels();
        }
        float[] head = new float[vocab * dim];
        UniformInit.kaimingUniform(head, global, dim); // out_head: nn.Linear(D, V, bias=False)
        float[] ones = new float[dim];
        Arrays.fill(ones, 1f);
        boolean moments = optimizer.kind() == Optimizer.Kind.ADAMW;
        initialToken = tok.clone();
        token = new LazyTable(vocab, dim, tok, moments);
        position = new Param("position_table", context, dim, pos, moments);
        outHead = new Param("out_head", vocab, dim, head, moments);
        scale = new Param("final_norm_scale", 1, dim, ones, moments);
        shift = new Param("final_norm_shift", 1, dim, new float[dim], moments);
        params = List.of(position, outHead, scale, shift);
        kernel = new StageStep(vocab, dim, settings.batchSize() * settings.maxLength());
        outHead.mirrorTo(kernel.outHeadNative);
        slot = new int[vocab];
        dTok = new float[kernel.positions * dim];
        dPos = new float[position.size()];
    }

    /** One optimizer step on the next batch; returns its loss (before the update, as PyTorch reports it). */
    public float step() {
        Batch batch = nextBatch();
        int time = batch.maxLength();
        int[] x = flat(batch.inputs());
        int[] y = flat(batch.targets());
        long next = steps + 1;
        int[] rows = Arrays.stream(x).distinct().toArray();
        synchronized (lock) {
            token.catchUp(rows); // the rows this batch reads, as they are after the last step
        }
        float loss = kernel.run(x, y, time, token.value, position.value, scale.value, shift.value);
        if (!Float.isFinite(loss)) {
            throw new Diverged(next, "the loss became " + loss, optimizer);
        }
        // the gradients of the tables: dh [N, D] summed into the rows used [rows, D] and into the positions [C, D]
        int dim = settings.embeddingDim();
        for (int i = 0; i < rows.length; i++) {
            slot[rows[i]] = i;
        }
        Arrays.fill(dTok, 0, rows.length * dim, 0f);
        Arrays.fill(dPos, 0f);
        for (int i = 0; i < x.length; i++) {
            int at = slot[x[i]] * dim;
            int p = (i % time) * dim;
            for (int d = 0; d < dim; d++) {
                dTok[at + d] += kernel.dh[i * dim + d];
                dPos[p + d] += kernel.dh[i * dim + d];
            }
        }
        Optimizer o = optimizer;
        Updates rule = Updates.of(o, next);
        List<float[]> grads = Arrays.asList(dPos, null, kernel.dScale, kernel.dShift); // as params; the head's is native
        synchronized (lock) { // readers wait for the whole update: they never see half a step
            if (!token.step(rule, rows, dTok)) { // first: it can be taken back
                throw new Diverged(next, "a row of the token table became NaN or infinite", o);
            }
            boolean inPlace = true; // when every new value is sure to be finite
            for (int i = 0; i < params.size(); i++) {
                Param p = params.get(i);
                inPlace &= p.safeInPlace(rule, rule.adamw() ? 0 : p == outHead ? kernel.maxAbsDOut() : maxAbs(grads.get(i)));
            }
            float largest = 0;
            for (int i = 0; i < params.size(); i++) {
                Param p = params.get(i);
                largest = Math.max(largest, p == outHead ? p.update(rule, kernel.dOutNative, inPlace)
                        : p.update(rule, grads.get(i), inPlace));
            }
            if (!Float.isFinite(largest)) { // only on spare arrays: the tensors are as they were
                token.undoLastStep();
                throw new Diverged(next, "a weight became NaN or infinite", o);
            }
            if (!inPlace) {
                params.forEach(Param::commitSpare);
            }
            steps = next;
            losses.add(loss);
            batchInEpoch++;
        }
        return loss;
    }

    /**
     * Runs up to {@code count} steps, polling {@code cancelled} between them; returns how many ran. A divergence
     * stops the run (and is thrown) with the steps before it kept.
     */
    public int steps(int count, BooleanSupplier cancelled) {
        int done = 0;
        while (done < count && !cancelled.getAsBoolean()) {
            step();
            done++;
        }
        return done;
    }

    private Batch nextBatch() {
        if (order == null || batchInEpoch >= loader.size()) {
            synchronized (lock) {
                order = loader.nextEpoch(global); // each epoch's iter(loader) draws from the model's stream
                epoch++;
                batchInEpoch = 0;
                epochStarts.add(steps);
            }
        }
        return loader.batch(order, batchInEpoch);
    }

    private static int[] flat(int[][] rows) {
        return Arrays.stream(rows).flatMapToInt(Arrays::stream).toArray();
    }

    private static float maxAbs(float[] g) {
        float m = 0;
        for (float x : g) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Changes the learning rate and weight decay from the next step; the optimizer's kind stays. */
    public void setOptimizer(Optimizer o) {
        if (o.kind() != optimizer.kind()) {
            throw new TokenSpaceException("the optimizer cannot change from " + optimizer.kind().id() + " to "
                    + o.kind().id() + " during training: reset to the seeded start first");
        }
        optimizer = o;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Settings settings() {
        return settings;
    }

    /** Steps done so far. */
    public long stepCount() {
        synchronized (lock) {
            return steps;
        }
    }

    /** The epoch of the last batch (0 is the first), -1 before the first step. */
    public int epoch() {
        synchronized (lock) {
            return epoch;
        }
    }

    /** Batches in one epoch. */
    public int batchesPerEpoch() {
        return loader.size();
    }

    /** Every step's loss, in order. */
    public float[] losses() {
        synchronized (lock) {
            float[] out = new float[losses.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = losses.get(i);
            }
            return out;
        }
    }

    /** The step count at which each epoch began. */
    public long[] epochStarts() {
        synchronized (lock) {
            return epochStarts.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** Copies the token table {@code [V, D]} as it is after the last step. */
    public void copyTokenTable(float[] into) {
        synchronized (lock) {
            token.materialize();
            System.arraycopy(token.value, 0, into, 0, token.value.length);
        }
    }

    /** A copy of token {@code id}'s row {@code [D]} after the last step. */
    public float[] tokenRow(int id) {
        synchronized (lock) {
            token.catchUp(new int[] {id});
            int dim = settings.embeddingDim();
            return Arrays.copyOfRange(token.value, id * dim, (id + 1) * dim);
        }
    }

    /** A copy of the positional table {@code [C, D]} after the last step. */
    public float[] positionTable() {
        synchronized (lock) {
            return position.value.clone();
        }
    }

    /** The token and positional tables after the last step, as the walkthrough uses them. */
    public Tables tables() {
        synchronized (lock) {
            token.materialize();
            return new Tables(Nd4j.create(token.value.clone(), new long[] {token.rows, token.cols}, 'c'),
                    array(position), labels);
        }
    }

    /** Every trained tensor by its PyTorch name, float32, as nn.Module stores them. */
    public Map<String, INDArray> tensors() {
        synchronized (lock) {
            token.materialize();
            Map<String, INDArray> out = new java.util.LinkedHashMap<>();
            out.put("token_table", Nd4j.create(token.value.clone(), new long[] {token.rows, token.cols}, 'c'));
            for (Param p : params) {
                out.put(p.name, p.rows == 1 ? Nd4j.create(p.value.clone(), new long[] {p.cols}, 'c') : array(p));
            }
            return out;
        }
    }

    private static INDArray array(Param p) {
        return Nd4j.create(p.value.clone(), new long[] {p.rows, p.cols}, 'c');
    }

    /**
     * How far each token row has moved from its start, relative to its starting length:
     * {@code |row - row0| / |row0|}, {@code [V]}.
     */
    public float[] moved() {
        float[] now = new float[token.value.length];
        copyTokenTable(now);
        return moved(now);
    }

    /** {@link #moved()} for a copy of the token table taken with {@link #copyTokenTable}. */
    public float[] moved(float[] now) {
        int dim = settings.embeddingDim();
        float[] out = new float[token.rows];
        IntStream.range(0, token.rows).parallel().forEach(r -> {
            double diff = 0;
            double len = 0;
            for (int d = r * dim; d < (r + 1) * dim; d++) {
                double a = now[d] - initialToken[d];
                diff += a * a;
                len += (double) initialToken[d] * initialToken[d];
            }
            out[r] = (float) Math.sqrt(diff / Math.max(len, 1e-30));
        });
        return out;
    }

    @Override
    public void close() {
        kernel.close();
    }
}

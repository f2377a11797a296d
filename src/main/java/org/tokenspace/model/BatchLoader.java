package org.tokenspace.model;

/**
 * The course's {@code DataLoader(dataset, batch_size, shuffle, drop_last, num_workers=0)} over sliding windows.
 *
 * <p>With {@code shuffle}, the order is PyTorch's after {@code torch.manual_seed(seed)} ({@code
 * TORCH_INIT_ALGORITHM.md}, section 8): each epoch draws the loader's base seed (one 64-bit draw) and the sampler's
 * seed (another), then takes {@code randperm(n)} from a new generator seeded with the sampler's seed; epochs continue
 * the same stream.
 */
public final class BatchLoader {
    private final SlidingWindows windows;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final long seed;

    public BatchLoader(SlidingWindows windows, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        Sizes.requirePositive("batchSize", batchSize);
        this.windows = windows;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.seed = seed;
    }

    /** {@code len(loader)}: full batches, plus a short last one unless {@code dropLast}. */
    public int size() {
        int n = windows.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The order in which epoch {@code epoch} (0 is the first) visits the windows. */
    public int[] order(int epoch) {
        if (epoch < 0) {
            throw new TokenSpaceException("epoch must be 0 or more, got " + epoch);
        }
        int n = windows.size();
        if (!shuffle) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        TorchGenerator global = new TorchGenerator(seed);
        for (int e = 0; e < epoch; e++) {
            global.nextLong(); // the DataLoader iterator's _base_seed
            global.nextLong(); // RandomSampler's seed
        }
        return nextEpoch(global);
    }

    /**
     * The order of the next epoch when the loader draws from {@code global}, the stream the model was drawn from
     * (as in training): {@code iter(loader)} draws its {@code _base_seed}, then, with shuffle, the sampler draws its
     * seed and permutes with a generator of its own. Advances {@code global} as PyTorch does.
     */
    public int[] nextEpoch(TorchGenerator global) {
        global.nextLong(); // the DataLoader iterator's _base_seed, drawn with or without shuffle
        int n = windows.size();
        if (!shuffle) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        return randperm(n, new TorchGenerator(global.nextLong())); // RandomSampler's seed
    }

    /** Batch {@code index} (0 is the first) of epoch {@code epoch}. */
    public Batch batch(int epoch, int index) {
        return batch(order(epoch), index);
    }

    /** Batch {@code index} of an epoch whose {@link #order} is given. */
    public Batch batch(int[] order, int index) {
        int count = size();
        if (index < 0 || index >= count) {
            throw new TokenSpaceException("batch " + index + " does not exist: the loader has " + count
                    + " batches (0 to " + (count - 1) + ")");
        }
        int from = index * batchSize;
        int rows = Math.min(batchSize, order.length - from);
        int[][] inputs = new int[rows][];
        int[][] targets = new int[rows][];
        int[] picked = new int[rows];
        for (int r = 0; r < rows; r++) {
            picked[r] = order[from + r];
            inputs[r] = windows.input(picked[r]);
            targets[r] = windows.target(picked[r]);
        }
        return new Batch(inputs, targets, picked);
    }

    /** {@code torch.randperm(n, generator)} on the CPU: a forward Fisher-Yates shuffle, one word per swap. */
    static int[] randperm(int n, TorchGenerator gen) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) Long.remainderUnsigned(gen.nextInt() & 0xffffffffL, n - i);
            int t = perm[i];
            perm[i] = perm[i + z];
            perm[i + z] = t;
        }
        return perm;
    }
}

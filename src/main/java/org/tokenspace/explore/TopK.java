package org.tokenspace.explore;

import java.util.Arrays;

/**
 * The {@code k} smallest {@code (key, id)} pairs seen, in a binary max-heap: the worst kept pair is at the root, so a
 * candidate costs one comparison unless it gets in. Equal keys are ordered by id, smaller first, so the result does
 * not depend on the order rows are offered in.
 */
final class TopK {
    private final int k;
    private final double[] keys;
    private final int[] ids;
    private int size;

    TopK(int k) {
        this.k = k;
        keys = new double[k];
        ids = new int[k];
    }

    /** Whether {@code (key, id)} ranks before {@code (otherKey, otherId)}. */
    static boolean before(double key, int id, double otherKey, int otherId) {
        return key < otherKey || (key == otherKey && id < otherId);
    }

    void offer(double key, int id) {
        if (size < k) {
            int at = size++;
            keys[at] = key;
            ids[at] = id;
            up(at);
        } else if (k > 0 && before(key, id, keys[0], ids[0])) {
            keys[0] = key;
            ids[0] = id;
            down(0);
        }
    }

    /** Adds every pair of {@code other}. */
    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.keys[i], other.ids[i]);
        }
    }

    int size() {
        return size;
    }

    /** The kept ids, best first; {@code keysOut} (length ≥ size) receives their keys. */
    int[] sorted(double[] keysOut) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> before(keys[p], ids[p], keys[q], ids[q]) ? -1
                : before(keys[q], ids[q], keys[p], ids[p]) ? 1 : 0);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = ids[order[i]];
            keysOut[i] = keys[order[i]];
        }
        return out;
    }

    private void up(int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!before(keys[parent], ids[parent], keys[at], ids[at])) {
                return;
            }
            swap(at, parent);
            at = parent;
        }
    }

    private void down(int at) {
        while (true) {
            int worst = at;
            int l = 2 * at + 1;
            int r = l + 1;
            if (l < size && before(keys[worst], ids[worst], keys[l], ids[l])) {
                worst = l;
            }
            if (r < size && before(keys[worst], ids[worst], keys[r], ids[r])) {
                worst = r;
            }
            if (worst == at) {
                return;
            }
            swap(at, worst);
            at = worst;
        }
    }

    private void swap(int a, int b) {
        double kk = keys[a];
        keys[a] = keys[b];
        keys[b] = kk;
        int ii = ids[a];
        ids[a] = ids[b];
        ids[b] = ii;
    }
}

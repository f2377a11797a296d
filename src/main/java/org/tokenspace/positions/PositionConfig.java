package org.tokenspace.positions;

import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Tables;

import java.util.function.Supplier;

/**
 * Everything needed to build a scheme: its kind, the sizes, and the options of each kind (the others ignore them).
 *
 * @param seed   seeds T5's bias ({@code torch.manual_seed(seed); nn.Embedding(numBuckets, heads)})
 * @param kernel the normal fill kernel of that bias
 */
public record PositionConfig(
        PositionKind kind,
        int contextLength,
        int embeddingDim,
        SinusoidalPositions.Layout layout,
        RotaryPositions.Pairing pairing,
        int heads,
        int numBuckets,
        int maxDistance,
        boolean causal,
        long seed,
        NormalKernel kernel) {

    /** Learned, the course's contextLength 4 and embeddingDim 256; 8 heads; T5's 32 buckets up to distance 128. */
    public static final PositionConfig DEFAULTS = new PositionConfig(PositionKind.LEARNED, 4, 256,
            SinusoidalPositions.Layout.INTERLEAVED, RotaryPositions.Pairing.INTERLEAVED, 8, T5Positions.NUM_BUCKETS,
            T5Positions.MAX_DISTANCE, false, 123, NormalKernel.AVX2);

    /**
     * The tables the walkthrough's position and batch stages add for {@code kind}: {@code base} as it is (the learned
     * table), or its token table with the scheme's input table (sinusoidal; zeros for the schemes that act inside
     * attention), with the default scheme settings.
     */
    public static org.tokenspace.model.Tables inputTables(org.tokenspace.model.Tables base, PositionKind kind) {
        if (kind == PositionKind.LEARNED) {
            return base;
        }
        org.tokenspace.model.Tables in = DEFAULTS.withKind(kind)
                .withSizes((int) base.positionTable().rows(), (int) base.embeddingDim()).create(() -> base)
                .inputTables(base.tokenTable());
        return new org.tokenspace.model.Tables(in.tokenTable(), in.positionTable(), base.labels());
    }

    public PositionConfig withKind(PositionKind k) {
        return new PositionConfig(k, contextLength, embeddingDim, layout, pairing, heads, numBuckets, maxDistance,
                causal, seed, kernel);
    }

    public PositionConfig withSizes(int context, int dim) {
        return new PositionConfig(kind, context, dim, layout, pairing, heads, numBuckets, maxDistance, causal, seed,
                kernel);
    }

    /**
     * The scheme. A learned one wraps the positional table of {@code tables} (asked for only then: seeded, trained
     * or loaded), whose shape it keeps; the others are made from this config's sizes.
     */
    public PositionScheme create(Supplier<Tables> tables) {
        return switch (kind) {
            case LEARNED -> new LearnedPositions(tables.get().positionTable());
            case SINUSOIDAL -> new SinusoidalPositions(contextLength, embeddingDim, layout);
            case ROPE -> new RotaryPositions(contextLength, embeddingDim, pairing);
            case T5 -> T5Positions.seeded(contextLength, !causal, numBuckets, maxDistance, heads, seed, kernel);
            case ALIBI -> new AlibiPositions(contextLength, heads);
        };
    }
}

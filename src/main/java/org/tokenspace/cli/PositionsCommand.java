package org.tokenspace.cli;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;
import org.tokenspace.positions.AlibiPositions;
import org.tokenspace.positions.PositionConfig;
import org.tokenspace.positions.PositionKind;
import org.tokenspace.positions.PositionScheme;
import org.tokenspace.positions.RotaryPositions;
import org.tokenspace.positions.SinusoidalPositions;
import org.tokenspace.positions.T5Positions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** One position scheme as .npy: the table it adds to the input, or what it does inside attention. */
@Command(name = "positions", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write one position scheme as .npy and print a one-line summary: the table a scheme adds to"
                + " the token vectors (learned, sinusoidal), or what it does inside attention (rope, t5, alibi).",
            "C is --context-length and D --embedding-dim (from the file's shapes with --tables)."})
final class PositionsCommand implements Callable<Integer> {
    private static final PositionConfig D = PositionConfig.DEFAULTS;

    @Option(names = "--kind", required = true, converter = KindConverter.class, paramLabel = "KIND",
            description = {"The scheme:",
                "learned: one trained vector per position (GPT-2's wpe), added to the token vectors; writes the"
                    + " seeded or loaded positional table as position_table.npy [C, D] float32.",
                "sinusoidal: the original Transformer's fixed sines and cosines at geometric frequencies, added to"
                    + " the token vectors; writes position_table.npy [C, D] float32.",
                "rope: nothing is added to the input; queries and keys are rotated pair by pair by position times"
                    + " frequency; writes rotated.npy [C, D] float32, row --token-id of the token table rotated at"
                    + " each position.",
                "t5: nothing is added to the input; each key - query distance falls in a bucket whose learned bias"
                    + " is added to the attention score; writes buckets.npy [C, C] int64, rows queries, columns"
                    + " keys.",
                "alibi: nothing is added to the input; each head adds -slope * (query - key) to the causal"
                    + " attention scores; writes bias.npy [H, C, C] float32, -inf above the diagonal."})
    PositionKind kind;

    @Option(names = "--layout", converter = LayoutConverter.class, paramLabel = "LAYOUT",
            description = "For sinusoidal: interleaved puts the sine and cosine of each pair side by side (2i, 2i+1);"
                    + " concat puts all sines, then all cosines [sin | cos] (default: interleaved).")
    SinusoidalPositions.Layout layout = D.layout();

    @Option(names = "--pairing", converter = PairingConverter.class, paramLabel = "PAIRING",
            description = "For rope: interleaved rotates dimensions (2i, 2i+1) as RoFormer and LLaMA do; half rotates"
                    + " (i, i + D/2) as GPT-NeoX and Hugging Face Llama do (default: interleaved).")
    RotaryPositions.Pairing pairing = D.pairing();

    @Option(names = "--token-id", paramLabel = "I",
            description = "For rope: the token whose row of the token table is rotated (default: ${DEFAULT-VALUE}).")
    int tokenId;

    @Option(names = "--heads", paramLabel = "H",
            description = "For alibi: the number of attention heads, one slope each (default: ${DEFAULT-VALUE}).")
    int heads = D.heads();

    @Option(names = "--buckets", paramLabel = "N",
            description = "For t5: the number of buckets (default: ${DEFAULT-VALUE}, as T5).")
    int buckets = D.numBuckets();

    @Option(names = "--max-distance", paramLabel = "M",
            description = "For t5: the distance from which all keys share the last bucket (default: ${DEFAULT-VALUE},"
                    + " as T5).")
    int maxDistance = D.maxDistance();

    @Option(names = "--causal",
            description = "For t5: the decoder's causal buckets, where keys after the query share bucket 0 (default:"
                    + " bidirectional, the encoder's).")
    boolean causal;

    @Mixin
    TableSizeOptions table;

    @Mixin
    TablesOptions tables;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Options that mean something for some kinds only; any other kind refuses them. In the order of the help. */
    private static final List<Map.Entry<String, Set<PositionKind>>> ONLY_FOR = List.of(
            Map.entry("--layout", EnumSet.of(PositionKind.SINUSOIDAL)),
            Map.entry("--pairing", EnumSet.of(PositionKind.ROPE)),
            Map.entry("--token-id", EnumSet.of(PositionKind.ROPE)),
            Map.entry("--heads", EnumSet.of(PositionKind.ALIBI)),
            Map.entry("--buckets", EnumSet.of(PositionKind.T5)),
            Map.entry("--max-distance", EnumSet.of(PositionKind.T5)),
            Map.entry("--causal", EnumSet.of(PositionKind.T5)),
            Map.entry("--seed", EnumSet.of(PositionKind.LEARNED, PositionKind.ROPE)),
            Map.entry("--vocab-size", EnumSet.of(PositionKind.LEARNED, PositionKind.ROPE)),
            Map.entry("--embedding-dim", EnumSet.of(PositionKind.LEARNED, PositionKind.SINUSOIDAL,
                    PositionKind.ROPE)),
            Map.entry("--kernel", EnumSet.of(PositionKind.LEARNED, PositionKind.ROPE)),
            Map.entry("--tables", EnumSet.of(PositionKind.LEARNED, PositionKind.ROPE)),
            Map.entry("--token-tensor", EnumSet.of(PositionKind.LEARNED, PositionKind.ROPE)),
            Map.entry("--position-tensor", EnumSet.of(PositionKind.LEARNED, PositionKind.ROPE)));

    @Override
    public Integer call() {
        refuseOptionsOfOtherKinds();
        if (tables.tables != null) {
            for (String size : new String[] {"--vocab-size", "--embedding-dim", "--context-length"}) {
                if (matched(size)) {
                    throw new TokenSpaceException(size + " is set by the shapes in --tables: drop " + size);
                }
            }
        }
        Tables given = tables.load();
        int contextLength = given != null ? Math.toIntExact(given.contextLength()) : table.contextLength;
        int embeddingDim = given != null ? Math.toIntExact(given.embeddingDim()) : table.embeddingDim;
        PositionConfig config = new PositionConfig(kind, contextLength, embeddingDim, layout, pairing, heads, buckets,
                maxDistance, causal, table.seed(), table.kernel);
        PositionScheme scheme = config.create(() -> given != null ? given : table.seeded());
        String line = switch (kind) {
            case LEARNED, SINUSOIDAL -> write("position_table.npy", scheme.inputTable().orElseThrow()); // [C, D]
            case ROPE -> rotated((RotaryPositions) scheme, given != null ? given : table.seeded());
            case T5 -> {
                int[][] b = ((T5Positions) scheme).buckets(); // [C, C]
                Path file = out.resolve("buckets.npy");
                Npy.writeIds(file, b);
                int most = java.util.Arrays.stream(b).flatMapToInt(java.util.Arrays::stream).max().orElse(0);
                yield " (buckets 0 to " + most + " used) -> " + file;
            }
            case ALIBI -> write("bias.npy", ((AlibiPositions) scheme).bias()); // [H, C, C]
        };
        spec.commandLine().getOut().println(scheme.summary() + line);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String rotated(RotaryPositions rope, Tables t) {
        if (tokenId < 0 || tokenId >= t.vocabSize()) {
            throw new TokenSpaceException("token id " + tokenId + " is outside the token table: valid ids are 0 to "
                    + (t.vocabSize() - 1));
        }
        float[] row = t.tokenTable().getRow(tokenId).toFloatVector(); // [D]
        return ", token " + tokenId + " rotated at positions 0 to " + (rope.contextLength() - 1)
                + write("rotated.npy", rope.rotatedRows(row)); // [C, D]
    }

    /** Writes a float32 array; the text that ends the summary line. */
    private String write(String name, INDArray array) {
        Path file = out.resolve(name);
        Npy.write(file, array);
        return " -> " + file;
    }

    private boolean matched(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void refuseOptionsOfOtherKinds() {
        for (Map.Entry<String, Set<PositionKind>> e : ONLY_FOR) {
            if (matched(e.getKey()) && !e.getValue().contains(kind)) {
                List<String> names = e.getValue().stream().map(PositionKind::cliName).toList();
                String kinds = names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0,
                        names.size() - 1)) + " and " + names.get(names.size() - 1);
                throw new TokenSpaceException(e.getKey() + " applies to --kind " + kinds + " only, not to "
                        + kind.cliName() + ": drop it");
            }
        }
    }

    static final class KindConverter implements CommandLine.ITypeConverter<PositionKind> {
        @Override
        public PositionKind convert(String value) {
            try {
                return PositionKind.parse(value);
            } catch (TokenSpaceException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class LayoutConverter implements CommandLine.ITypeConverter<SinusoidalPositions.Layout> {
        @Override
        public SinusoidalPositions.Layout convert(String value) {
            try {
                return SinusoidalPositions.Layout.parse(value);
            } catch (TokenSpaceException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class PairingConverter implements CommandLine.ITypeConverter<RotaryPositions.Pairing> {
        @Override
        public RotaryPositions.Pairing convert(String value) {
            try {
                return RotaryPositions.Pairing.parse(value);
            } catch (TokenSpaceException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

package org.tokenspace.code;

import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TorchFormat;
import org.tokenspace.positions.Heatmap;
import org.tokenspace.positions.PositionConfig;
import org.tokenspace.positions.PositionKind;
import org.tokenspace.positions.PositionScheme;
import org.tokenspace.positions.PositionSimilarity;
import org.tokenspace.positions.Probe;
import org.tokenspace.positions.RotaryPositions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Stage "schemes": the matrices the stage draws for its two schemes, in PyTorch: the learned or sinusoidal table, the
 * selected token rotated by RoPE at each position, the T5 or ALiBi bias of one head. Each is printed as its top-left
 * corner, {@code [:8, :8]}; values computed in double are rounded once to float32, as TokenSpace computes them. Then
 * the selected token's score with itself at every pair of positions, averaged by distance: the line the stage plots.
 */
final class SchemesCode implements StageCode {
    /** Rows and columns of each matrix printed. */
    static final int CORNER = 8;

    @Override
    public String name() {
        return "schemes";
    }

    @Override
    public String summary() {
        return "position schemes side by side: the table each adds, or what each does inside attention.";
    }

    @Override
    public Transcript write(CodeInput in) {
        CodeInput.Schemes chosen = in.schemes() != null ? in.schemes() : CodeInput.Schemes.DEFAULTS;
        PipelineResult r = in.result();
        Settings st = r.settings();
        int dim = st.embeddingDim();
        PositionConfig base = PositionConfig.DEFAULTS.withSizes(chosen.contextLength(), dim);
        base = new PositionConfig(base.kind(), base.contextLength(), dim, base.layout(), chosen.pairing(),
                base.heads(), base.numBuckets(), base.maxDistance(), base.causal(), st.seed(), st.kernel());
        LinkedHashSet<PositionKind> kinds = new LinkedHashSet<>();
        kinds.add(chosen.left());
        if (chosen.right() != null) {
            kinds.add(chosen.right());
        }
        int head = Math.min(chosen.head(), base.heads() - 1);
        float[] token = r.tables().tokenTable().getRow(in.id()).toFloatVector();
        PyScript s = new PyScript();
        Blocks.header(s, in, this, true, "import math");
        boolean needsToken = kinds.stream().anyMatch(k -> k != PositionKind.LEARNED && k != PositionKind.SINUSOIDAL);
        boolean tables = kinds.contains(PositionKind.LEARNED) || needsToken;
        if (tables) {
            Blocks.tables(s, in.withPositionKind(PositionKind.LEARNED), kinds.contains(PositionKind.LEARNED), null);
        }
        s.code("scheme_length = " + chosen.contextLength() + "  # positions of the schemes built here"
                + (kinds.contains(PositionKind.LEARNED) ? "; the learned table keeps its own" : ""));
        if (!tables) {
            s.code("output_dim = " + dim);
        }
        if (needsToken) {
            s.code("x = token_embedding_layer.weight[" + in.id() + "].detach().double()  # [output_dim], token "
                    + in.id() + " at every position");
        }
        byDistanceFunction(s);
        if (addsTable(chosen.left()) || chosen.left() == PositionKind.ROPE) {
            s.blank(); // two blank lines after a function, as PEP 8 has them; T5's and ALiBi's code starts with one
        }
        boolean cosine = chosen.measure() == PositionSimilarity.Measure.COSINE;
        for (PositionKind kind : kinds) {
            PositionScheme scheme = base.withKind(kind).create(() -> chosen.learned() != null ? chosen.learned()
                    : learnedTables(in));
            Heatmap matrix = scheme.heatmap(kind == PositionKind.ROPE ? Probe.token(token) : Probe.head(head));
            code(s, kind, base, head, in.id());
            String name = kind.cliName();
            s.say(name + " [" + matrix.rows() + ", " + matrix.columns() + "], " + what(kind, head, in.id())
                    + ", [:" + CORNER + ", :" + CORNER + "]:");
            s.print(name + "[:" + CORNER + ", :" + CORNER + "]",
                    TorchFormat.tensor(org.nd4j.linalg.factory.Nd4j.create(corner(matrix.values()))));
            double[] line = PositionSimilarity.byDistance(PositionSimilarity.selfScores(scheme, token, head,
                    chosen.measure()));
            scores(s, kind, base, cosine);
            String by = ", mean by distance 0 to " + (Math.min(CORNER, line.length) - 1) + ":";
            s.say(name + ": " + (addsTable(kind) ? "how alike the vectors of two positions are ("
                    + (cosine ? "cosine similarity" : "dot product") + ")" + by
                    : "token " + in.id() + "'s " + (cosine && kind == PositionKind.ROPE ? "cosine score" : "score")
                    + " with itself at two positions" + by));
            s.print("\"  \".join(f\"{v:.4f}\" for v in by_distance(" + name + "_scores))",
                    java.util.Arrays.stream(line, 0, Math.min(CORNER, line.length))
                            .mapToObj(v -> PyText.fixed(v, 4)).collect(java.util.stream.Collectors.joining("  ")));
            s.blank();
        }
        return s.done();
    }

    private static boolean addsTable(PositionKind kind) {
        return kind == PositionKind.LEARNED || kind == PositionKind.SINUSOIDAL;
    }

    /** The line the stage draws: a score matrix averaged over the pairs of positions at each distance. */
    private static void byDistanceFunction(PyScript s) {
        s.code("",
                "",
                "def by_distance(scores, n=" + CORNER + "):",
                "    # the mean score over all pairs of positions m, n with |m - n| = d, masked pairs (-inf) left out",
                "    out = []",
                "    for d in range(min(n, scores.shape[0])):",
                "        cells = scores.diagonal(0) if d == 0 else torch.cat([scores.diagonal(d), scores.diagonal(-d)])",
                "        cells = cells[torch.isfinite(cells)]",
                "        out.append(cells.mean().item() if len(cells) else float(\"nan\"))",
                "    return out",
                "");
    }

    /**
     * {@code <kind>_scores [C, C]} in double, as the stage scores the token with itself: an added table's rows
     * compared (the token's own part is the same everywhere), RoPE's turned token, or {@code x . x} plus a bias.
     */
    private static void scores(PyScript s, PositionKind kind, PositionConfig c, boolean cosine) {
        String name = kind.cliName();
        switch (kind) {
            case LEARNED, SINUSOIDAL -> {
                s.code("p = " + name + ".double()  # the vectors added at each position",
                        name + "_scores = p @ p.T  # [positions, positions]");
                if (cosine) {
                    s.code("norms = p.norm(dim=1)",
                            name + "_scores = torch.where(norms[:, None] * norms[None, :] == 0, torch.zeros_like("
                                    + name + "_scores),",
                            "                             " + name + "_scores / (norms[:, None] * norms[None, :]))");
                }
            }
            case ROPE -> {
                s.code("rope_scores = rotated @ rotated.T  # R_m x . R_n x, [scheme_length, scheme_length]");
                if (cosine) {
                    s.code("rope_scores = rope_scores / (x @ x) if (x @ x) != 0 else torch.zeros_like(rope_scores)"
                            + "  # turns keep lengths");
                }
            }
            case T5 -> {
                s.code("t5_scores = (x @ x) + t5.double()  # x . x plus the bias of each pair");
                if (c.causal()) {
                    s.code("t5_scores = t5_scores.masked_fill(key > query, float(\"-inf\"))");
                }
            }
            case ALIBI -> s.code("alibi_scores = (x @ x) + alibi.double()  # x . x plus the bias; -inf stays masked");
        }
    }

    /**
     * The walkthrough's learned tables: the result's, unless the position stage adds another scheme; then the seeded
     * tables of the settings, or those of the file.
     */
    private static org.tokenspace.model.Tables learnedTables(CodeInput in) {
        if (in.positionKind() == PositionKind.LEARNED) {
            return in.result().tables();
        }
        CodeInput.TablesFile f = in.tables();
        return f == null ? new org.tokenspace.model.Pipeline().tablesFor(in.result().settings())
                : org.tokenspace.io.TableFiles.tables(f.file(), f.tokenTensor(), f.positionTensor(),
                org.tokenspace.io.Progress.NONE);
    }

    private static String what(PositionKind kind, int head, int id) {
        return switch (kind) {
            case LEARNED -> "the positional table";
            case SINUSOIDAL -> "the sinusoidal table";
            case ROPE -> "token " + id + " rotated at each position";
            case T5 -> "the bias of head " + head + ", queries x keys";
            case ALIBI -> "the bias of head " + head + ", queries x keys";
        };
    }

    /** The code that makes {@code <kind> [rows, columns]} float32. */
    private static void code(PyScript s, PositionKind kind, PositionConfig c, int head, int id) {
        switch (kind) {
            case LEARNED -> s.code("learned = pos_embedding_layer.weight.detach()  # [context_length, output_dim]");
            case SINUSOIDAL -> s.code("# PE[p, 2i] = sin(p / 10000^(2i / D)), PE[p, 2i + 1] = cos(the same angle)",
                    "position = torch.arange(scheme_length, dtype=torch.float64).unsqueeze(1)  # [scheme_length, 1]",
                    "denominator = 10000.0 ** (torch.arange(0, output_dim, 2, dtype=torch.float64) / output_dim)",
                    "sinusoidal = torch.zeros(scheme_length, output_dim, dtype=torch.float64)",
                    "sinusoidal[:, 0::2] = torch.sin(position / denominator)",
                    "sinusoidal[:, 1::2] = torch.cos(position / denominator)",
                    "sinusoidal = sinusoidal.float()  # [scheme_length, output_dim]");
            case ROPE -> {
                boolean interleaved = c.pairing() == RotaryPositions.Pairing.INTERLEAVED;
                s.code("# RoPE turns each pair (a, b) of a query or key by position * theta_i, theta_i = 10000^(-2i / D)",
                        "theta = 10000.0 ** (-torch.arange(0, output_dim, 2, dtype=torch.float64) / output_dim)",
                        "angle = torch.arange(scheme_length, dtype=torch.float64)[:, None] * theta[None, :]"
                                + "  # [scheme_length, output_dim / 2]",
                        interleaved ? "a, b = x[0::2], x[1::2]  # interleaved pairs (2i, 2i + 1), as RoFormer and LLaMA"
                                : "a, b = x[:output_dim // 2], x[output_dim // 2:]  # pairs (i, i + D/2), as GPT-NeoX",
                        "rope = torch.empty(scheme_length, output_dim, dtype=torch.float64)",
                        (interleaved ? "rope[:, 0::2]" : "rope[:, :output_dim // 2]")
                                + " = a * torch.cos(angle) - b * torch.sin(angle)",
                        (interleaved ? "rope[:, 1::2]" : "rope[:, output_dim // 2:]")
                                + " = b * torch.cos(angle) + a * torch.sin(angle)",
                        "rotated = rope  # in double, for the scores",
                        "rope = rope.float()  # [scheme_length, output_dim]");
            }
            case T5 -> s.code("",
                    "def t5_bucket(relative_position, bidirectional, num_buckets, max_distance):",
                    "    # T5's relative_position_bucket (relative_position = key - query), its log in double",
                    "    n = -relative_position",
                    "    ret = torch.zeros_like(n)",
                    "    if bidirectional:",
                    "        num_buckets //= 2",
                    "        ret += (n < 0).long() * num_buckets",
                    "        n = n.abs()",
                    "    else:",
                    "        n = n.clamp(min=0)",
                    "    max_exact = num_buckets // 2",
                    "    large = max_exact + torch.floor(torch.log(n.double() / max_exact)",
                    "                                    / math.log(max_distance / max_exact)",
                    "                                    * (num_buckets - max_exact)).clamp(min=0).long()",
                    "    return ret + torch.where(n < max_exact, n, large.clamp(max=num_buckets - 1))",
                    "",
                    "",
                    "torch.manual_seed(" + c.seed() + ")  # a fresh stream for the learned biases",
                    "relative_attention_bias = torch.nn.Embedding(" + c.numBuckets() + ", " + c.heads()
                            + ")  # [num_buckets, heads]",
                    "query = torch.arange(scheme_length)[:, None]",
                    "key = torch.arange(scheme_length)[None, :]",
                    "buckets = t5_bucket(key - query, bidirectional=" + Blocks.py(!c.causal()) + ", num_buckets="
                            + c.numBuckets() + ", max_distance=" + c.maxDistance() + ")  # [scheme_length, "
                            + "scheme_length]",
                    "t5 = relative_attention_bias.weight[buckets, " + head + "].detach()  # head " + head);
            case ALIBI -> s.code("",
                    "def get_slopes(n):",
                    "    # the ALiBi authors' slopes: a geometric sequence from 2^(-8/n)",
                    "    def get_slopes_power_of_2(n):",
                    "        start = 2 ** (-2 ** -(math.log2(n) - 3))",
                    "        ratio = start",
                    "        return [start * ratio ** i for i in range(n)]",
                    "",
                    "    if math.log2(n).is_integer():",
                    "        return get_slopes_power_of_2(n)",
                    "    closest_power_of_2 = 2 ** math.floor(math.log2(n))",
                    "    return (get_slopes_power_of_2(closest_power_of_2)",
                    "            + get_slopes(2 * closest_power_of_2)[0::2][:n - closest_power_of_2])",
                    "",
                    "",
                    "slope = get_slopes(" + c.heads() + ")[" + head + "]  # head " + head,
                    "distance = torch.arange(scheme_length)[:, None] - torch.arange(scheme_length)[None, :]"
                            + "  # query - key",
                    "alibi = (-slope * distance.double()).float()",
                    "alibi = alibi.masked_fill(distance < 0, float(\"-inf\"))  # causal: no key after the query");
        }
    }

    private static float[][] corner(float[][] values) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(CORNER, values.length); i++) {
            rows.add(java.util.Arrays.copyOf(values[i], Math.min(CORNER, values[i].length)));
        }
        return rows.toArray(float[][]::new);
    }
}

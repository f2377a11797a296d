package org.tokenspace.code;

import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TorchFormat;
import org.tokenspace.train.Optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stage "train": the course's GPTModel with no transformer blocks, trained by ch05's loop from the seeded tables,
 * step for step as TokenSpace trained it. The losses and the trained values are printed rounded (2 decimals): float32
 * sums in another order differ from PyTorch's in the last digits, not in these.
 */
final class TrainCode implements StageCode {
    /** Steps whose loss is printed, about this many when there are more than {@link #ALL_STEPS}. */
    private static final int LOSS_LINES = 10;
    private static final int ALL_STEPS = 20;
    /** How far PyTorch's trained numbers may be from TokenSpace's (relative above 1) and still agree. */
    static final double TOLERANCE = 1e-3;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "the token and positional tables are trained, and the loss falls.";
    }

    @Override
    public Transcript write(CodeInput in) {
        PipelineResult r = in.result();
        Settings st = r.settings();
        PyScript s = new PyScript();
        TrainingRun run = in.training() != null ? in.training()
                : new TrainingRun(Optimizer.Kind.ADAMW, List.of(), new float[0], null);
        if (in.tables() != null) { // the Train stage trains the learned positional table, whatever the Position stage adds
            s.refuse(Transcript.Refusal.TRAINED_FROM_LOADED, "training started from loaded tables: the script trains "
                    + "from the seeded tables, so go back to them");
        }
        int id = in.id();
        int dim = st.embeddingDim();
        float[] before = r.tables().tokenTable().get(NDArrayIndex.point(id), NDArrayIndex.all()).toFloatVector();
        int shown = Math.min(dim, PositionCode.SHOWN);
        Blocks.header(s, in, this, true, "import torch.nn as nn", "from torch.utils.data import Dataset, DataLoader");
        Blocks.tokenIds(s, in);
        Blocks.dataset(s);
        model(s);
        s.code("vocab_size = " + st.vocabSize(),
                "output_dim = " + dim,
                "context_length = " + st.contextLength(),
                "",
                "torch.manual_seed(" + st.seed() + ")  # the token table, the positional table, the output head, "
                        + "then each epoch's order",
                "model = EmbeddingStage(vocab_size, context_length, output_dim)",
                "token_vector = model.tok_emb.weight[" + id + "].detach().clone()  # token " + id + " before "
                        + "training",
                optimizer(run),
                "dataloader = create_dataloader_v1(",
                "    token_ids, batch_size=" + st.batchSize() + ", max_length=" + st.maxLength() + ", stride="
                        + st.stride() + ",",
                "    shuffle=" + Blocks.py(st.shuffle()) + ", drop_last=" + Blocks.py(st.dropLast()),
                ")",
                "",
                "",
                "def batches(dataloader):",
                "    while True:  # epoch after epoch; a shuffled epoch draws its order from torch's generator as it "
                        + "starts",
                "        for inputs, targets in dataloader:",
                "            yield inputs, targets",
                "",
                "");
        String cut = dim > shown ? "[:" + shown + "]" : "";
        String of = dim > shown ? ", the first " + shown + " of its " + dim + " values:" : ":";
        s.say("token " + id + " before training" + of);
        s.print("token_vector" + cut, TorchFormat.tensor(java.util.Arrays.copyOf(before, shown)));
        if (run.steps() == 0) {
            s.code("# nothing was trained yet: Play on the Train stage, or --steps on the command line");
            return s.done();
        }
        float[] after = run.row();
        float[] afterShown = java.util.Arrays.copyOf(after, shown);
        double moved = moved(before, after);
        ours(s, run, afterShown, moved);
        loop(s, run);
        s.newline();
        s.say("token " + id + " after " + run.steps() + " steps, rounded to 2 decimals" + of);
        s.code("vector = model.tok_emb.weight[" + id + "]" + cut + ".detach()",
                "ours = torch.tensor(tokenspace_vector)",
                "vector = torch.where((vector - ours).abs() <= TOLERANCE, ours, vector)");
        s.print("torch.round(vector, decimals=2)", TorchFormat.tensor(rounded(afterShown)));
        s.code("moved = (model.tok_emb.weight[" + id + "].detach() - token_vector).norm() / token_vector.norm()");
        s.print("f\"it moved {100 * agreed(moved.item(), tokenspace_moved):.1f}% of its length\"",
                "it moved " + PyText.fixed(100 * moved, 1) + "% of its length");
        return s.done();
    }

    /** ch04's LayerNorm and the GPTModel with no transformer blocks and no dropout. */
    private static void model(PyScript s) {
        s.code("class LayerNorm(nn.Module):  # ch04's",
                "    def __init__(self, emb_dim):",
                "        super().__init__()",
                "        self.eps = 1e-5",
                "        self.scale = nn.Parameter(torch.ones(emb_dim))",
                "        self.shift = nn.Parameter(torch.zeros(emb_dim))",
                "",
                "    def forward(self, x):",
                "        mean = x.mean(dim=-1, keepdim=True)",
                "        var = x.var(dim=-1, keepdim=True, unbiased=False)",
                "        norm_x = (x - mean) / torch.sqrt(var + self.eps)",
                "        return self.scale * norm_x + self.shift",
                "",
                "",
                "class EmbeddingStage(nn.Module):",
                "    # ch04's GPTModel with no transformer blocks and no dropout: what the embeddings learn from",
                "    def __init__(self, vocab_size, context_length, emb_dim):",
                "        super().__init__()",
                "        self.tok_emb = nn.Embedding(vocab_size, emb_dim)",
                "        self.pos_emb = nn.Embedding(context_length, emb_dim)",
                "        self.final_norm = LayerNorm(emb_dim)",
                "        self.out_head = nn.Linear(emb_dim, vocab_size, bias=False)",
                "",
                "    def forward(self, in_idx):",
                "        batch_size, seq_len = in_idx.shape",
                "        tok_embeds = self.tok_emb(in_idx)  # [batch_size, seq_len, emb_dim]",
                "        pos_embeds = self.pos_emb(torch.arange(seq_len))  # [seq_len, emb_dim]",
                "        x = tok_embeds + pos_embeds  # [batch_size, seq_len, emb_dim]",
                "        return self.out_head(self.final_norm(x))  # [batch_size, seq_len, vocab_size]",
                "",
                "");
    }

    private static String optimizer(TrainingRun run) {
        TrainingRun.Segment first = run.segments().isEmpty() ? null : run.segments().get(0);
        double lr = first == null ? Optimizer.COURSE.lr() : first.lr();
        double wd = first == null ? Optimizer.COURSE.weightDecay() : first.weightDecay();
        String kind = run.kind() == Optimizer.Kind.SGD ? "SGD" : "AdamW";
        return "optimizer = torch.optim." + kind + "(model.parameters(), lr=" + PyText.number(lr) + ", weight_decay="
                + PyText.number(wd) + ")";
    }

    /**
     * TokenSpace's numbers for what the script prints after training, and {@code agreed}: PyTorch's value within
     * {@link #TOLERANCE} of TokenSpace's is printed as TokenSpace's. Training drifts: float32 sums in another order
     * than PyTorch's differ by about 1e-4 after a few hundred steps at a high learning rate, enough to move a rounded
     * digit now and then; a gap larger than the tolerance still prints PyTorch's own value.
     */
    private static void ours(PyScript s, TrainingRun run, float[] vector, double moved) {
        int total = run.steps();
        int every = every(total);
        List<String> losses = new ArrayList<>();
        for (int k = 1; k <= total; k++) {
            if (every == 1 || k == 1 || k % every == 0 || k == total) {
                losses.add(k + ": " + PyText.number(run.losses()[k - 1]));
            }
        }
        List<String> values = new ArrayList<>();
        for (float v : vector) {
            values.add(PyText.number(v));
        }
        s.code("# TokenSpace's numbers for what is printed below. float32 sums in another order than PyTorch's",
                "# drift apart slowly (about 1e-4 after a few hundred steps at a high learning rate), so each",
                "# value PyTorch computes is compared with TokenSpace's: within TOLERANCE it is printed as",
                "# TokenSpace's, and the output is the window's; a larger gap prints PyTorch's own value.",
                "TOLERANCE = " + PyText.number(TOLERANCE));
        s.code(indented("tokenspace_losses = {", losses, "}"));
        s.code(indented("tokenspace_vector = [", values, "]"));
        s.code("tokenspace_moved = " + PyText.number(moved),
                "",
                "",
                "def agreed(value, ours):",
                "    return ours if abs(value - ours) <= TOLERANCE * max(1.0, abs(ours)) else value",
                "",
                "");
    }

    /** {@code head + items + tail}, broken between items when too long, continuation lines indented. */
    private static List<String> indented(String head, List<String> items, String tail) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(head);
        boolean hasItem = false;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i + 1 < items.size() ? "," : tail);
            if (hasItem && line.length() + 1 + item.length() > PyText.WIDTH) {
                out.add(line.toString());
                line = new StringBuilder("    ");
            } else if (hasItem) {
                line.append(' ');
            }
            line.append(item);
            hasItem = true;
        }
        if (items.isEmpty()) {
            line.append(tail);
        }
        out.add(line.toString());
        return out;
    }

    /** ch05's loop over the runs of steps, printing the loss of some steps as it goes. */
    private static void loop(PyScript s, TrainingRun run) {
        int total = run.steps();
        int every = every(total);
        boolean oneRun = run.segments().size() == 1;
        s.code("data = batches(dataloader)",
                "step = 0");
        if (oneRun) {
            s.code("for _ in range(" + total + "):");
        } else {
            s.code("# the steps as they were trained: runs of (steps, learning rate, weight decay)",
                    "schedule = [" + run.segments().stream().map(g -> "(" + g.steps() + ", " + PyText.number(g.lr())
                            + ", " + PyText.number(g.weightDecay()) + ")").collect(Collectors.joining(", ")) + "]",
                    "for steps, lr, weight_decay in schedule:",
                    "    for group in optimizer.param_groups:",
                    "        group[\"lr\"] = lr",
                    "        group[\"weight_decay\"] = weight_decay",
                    "    for _ in range(steps):");
        }
        String i = oneRun ? "    " : "        ";
        s.code(i + "inputs, targets = next(data)",
                i + "optimizer.zero_grad()",
                i + "logits = model(inputs)  # [batch_size, max_length, vocab_size]",
                i + "loss = nn.functional.cross_entropy(logits.flatten(0, 1), targets.flatten())",
                i + "loss.backward()",
                i + "optimizer.step()",
                i + "step += 1");
        String print = "print(f\"step {step}: loss {agreed(loss.item(), tokenspace_losses[step]):.2f}\")";
        if (every == 1) {
            s.code(i + print, "");
        } else {
            s.code(i + "if step == 1 or step % " + every + " == 0 or step == " + total + ":", i + "    " + print, "");
        }
        List<String> printed = new ArrayList<>();
        float[] losses = run.losses();
        for (int k = 1; k <= total; k++) {
            if (every == 1 || k == 1 || k % every == 0 || k == total) {
                printed.add("step " + k + ": loss " + PyText.fixed(losses[k - 1], 2));
            }
        }
        s.printedByCode(printed);
    }

    /** Every how many steps a loss is printed: 1, 2 or 5 times a power of ten, about {@link #LOSS_LINES} lines. */
    static int every(int total) {
        if (total <= ALL_STEPS) {
            return 1;
        }
        long step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (step * m * LOSS_LINES >= total) {
                    return (int) (step * m);
                }
            }
            step *= 10;
        }
    }

    /** {@code torch.round(v, decimals=2)}: {@code nearbyint(v * 100) / 100} in float32. */
    private static float[] rounded(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) Math.rint(v[i] * 100f) / 100f;
        }
        return out;
    }

    private static double moved(float[] before, float[] after) {
        double diff = 0;
        double len = 0;
        for (int d = 0; d < before.length; d++) {
            double a = (double) after[d] - before[d];
            diff += a * a;
            len += (double) before[d] * before[d];
        }
        return Math.sqrt(diff / len);
    }
}

package org.tokenspace.code;

import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Settings;
import org.tokenspace.positions.PositionKind;

/** The parts several scripts share: the header, the ids, ch02's dataset and loader, the seeded or loaded tables. */
final class Blocks {
    /** Ids written into a script at most: about 700 KB of source. */
    static final int MAX_IDS = 100_000;
    /** Lines of a typed text shown as a comment at most. */
    private static final int TEXT_LINES = 12;
    private static final String ENCODE =
            "tiktoken.get_encoding(\"gpt2\").encode(text, allowed_special={\"<|endoftext|>\"})";

    private Blocks() {
    }

    /** The opening comment and the imports; with the generic kernel, the line that makes PyTorch use it. */
    static void header(PyScript s, CodeInput in, StageCode stage, boolean tables, String... imports) {
        s.code(PyText.comment("# ", "TokenSpace, stage \"" + stage.name() + "\": " + stage.summary(), 3));
        if (tables && in.tables() == null && in.result().settings().kernel() == NormalKernel.GENERIC) {
            s.code("import os",
                    "",
                    "# These tables come from PyTorch's generic normal kernel, which PyTorch runs only on CPUs without",
                    "# AVX2 (on others it fills tables of 16 values or more with its AVX2 kernel, other numbers).",
                    "# ATEN_CPU_CAPABILITY=default selects the generic kernel on any CPU; it must be set before",
                    "# torch is imported.",
                    "os.environ[\"ATEN_CPU_CAPABILITY\"] = \"default\"",
                    "");
        }
        if (tables && in.tables() != null) {
            s.code("import json", "import struct", "");
        }
        s.code("import torch");
        s.code(imports);
        s.blank();
    }

    /** {@code token_ids = [...]}, with where they came from, and a check by tiktoken where it is installed. */
    static void tokenIds(PyScript s, CodeInput in) {
        int[] ids = in.result().ids();
        if (ids.length > MAX_IDS) {
            s.refuse(Transcript.Refusal.TOO_LONG, String.format("the text has %,d tokens, more than the %,d a script holds written out: use a "
                    + "shorter text", ids.length, MAX_IDS));
            return;
        }
        boolean typedIds = in.text().stripLeading().startsWith(Pipeline.IDS_PREFIX);
        if (typedIds) {
            s.code("# The token ids, given as ids");
        } else if (in.textFile() != null) {
            s.code(PyText.comment("# ", "GPT-2 ids of " + in.textFile() + ", as", 2));
            s.code("# " + ENCODE + " gives them");
        } else {
            s.code("# GPT-2 ids of this text, as", "# " + ENCODE + " gives them:");
            s.code(PyText.comment("#     ", in.text(), TEXT_LINES));
        }
        s.code(PyText.list("token_ids", ids));
        if (!typedIds && in.textFile() != null) {
            s.blank();
            s.code("try:  # check the ids where tiktoken is installed",
                    "    import tiktoken",
                    "except ImportError:",
                    "    tiktoken = None",
                    "if tiktoken is not None:",
                    "    # as TokenSpace reads a text file: UTF-8, a leading byte-order mark dropped, line ends kept",
                    "    with open(" + PyText.str(in.textFile().toAbsolutePath().toString())
                            + ", encoding=\"utf-8-sig\", newline=\"\") as f:",
                    "        text = f.read()",
                    "    assert " + ENCODE + " == token_ids");
        }
        s.blank();
    }

    /** ch02's {@code GPTDatasetV1} and {@code create_dataloader_v1}, taking ids instead of text. */
    static void dataset(PyScript s) {
        s.code("",
                "class GPTDatasetV1(Dataset):",
                "    def __init__(self, token_ids, max_length, stride):",
                "        self.input_ids = []",
                "        self.target_ids = []",
                "",
                "        # Use a sliding window to chunk the ids into overlapping sequences of max_length",
                "        for i in range(0, len(token_ids) - max_length, stride):",
                "            input_chunk = token_ids[i:i + max_length]",
                "            target_chunk = token_ids[i + 1: i + max_length + 1]",
                "            self.input_ids.append(torch.tensor(input_chunk))",
                "            self.target_ids.append(torch.tensor(target_chunk))",
                "",
                "    def __len__(self):",
                "        return len(self.input_ids)",
                "",
                "    def __getitem__(self, idx):",
                "        return self.input_ids[idx], self.target_ids[idx]",
                "",
                "",
                "def create_dataloader_v1(token_ids, batch_size=4, max_length=256,",
                "                         stride=128, shuffle=True, drop_last=True, num_workers=0):",
                "    # ch02's loader, given the ids instead of the text",
                "    dataset = GPTDatasetV1(token_ids, max_length, stride)",
                "    dataloader = DataLoader(",
                "        dataset,",
                "        batch_size=batch_size,",
                "        shuffle=shuffle,",
                "        drop_last=drop_last,",
                "        num_workers=num_workers",
                "    )",
                "    return dataloader",
                "",
                "");
    }

    /**
     * The loader over {@code token_ids} and the chosen batch as {@code inputs, targets}. With shuffle, the order is
     * drawn from the global generator when each epoch starts, right after {@code torch.manual_seed(seed)}, as
     * TokenSpace draws it.
     */
    static void loader(PyScript s, Settings st) {
        if (st.shuffle()) {
            s.code("torch.manual_seed(" + st.seed() + ")  # shuffle=True draws each epoch's order from this generator");
        }
        s.code("max_length = " + st.maxLength(),
                "dataloader = create_dataloader_v1(",
                "    token_ids, batch_size=" + st.batchSize() + ", max_length=max_length, stride=" + st.stride() + ",",
                "    shuffle=" + py(st.shuffle()) + ", drop_last=" + py(st.dropLast()),
                ")");
        int epoch = st.shuffle() ? st.epoch() : 0;
        int index = st.batchIndex();
        if (!st.shuffle() && st.epoch() > 0) {
            s.code("# without shuffle every epoch gives the same batches: epoch " + st.epoch() + " is epoch 0");
        }
        if (epoch == 0 && index == 0) {
            s.code("data_iter = iter(dataloader)",
                    "inputs, targets = next(data_iter)");
        } else if (epoch == 0) {
            s.code("for batch_index, (inputs, targets) in enumerate(dataloader):",
                    "    if batch_index == " + index + ":",
                    "        break");
        } else {
            s.code("for epoch in range(" + (epoch + 1) + "):",
                    "    # each epoch draws its order when it starts; the last one stops at batch " + index,
                    "    for batch_index, (inputs, targets) in enumerate(dataloader):",
                    "        if batch_index == " + index + ":",
                    "            break");
        }
        s.blank();
    }

    /**
     * The token table, and with {@code positions} the positions after it: the learned table (seeded from the same
     * stream, or loaded), or another scheme's fixed table as {@code pos_table} with a {@code pos_embedding_layer}
     * that looks it up.
     */
    static void tables(PyScript s, CodeInput in, boolean positions, String seedComment) {
        Settings st = in.result().settings();
        boolean learned = !positions || in.positionKind() == PositionKind.LEARNED;
        if (in.tables() != null) {
            TablesCode.loaded(s, in.tables(), positions && learned);
            if (!learned) {
                s.code("output_dim = token_table.shape[1]",
                        "context_length = " + in.result().tables().contextLength());
                schemeTable(s, in.positionKind());
            }
            return;
        }
        s.code("vocab_size = " + st.vocabSize(),
                "output_dim = " + st.embeddingDim());
        if (positions) {
            s.code("context_length = " + st.contextLength());
        }
        s.blank();
        s.code("torch.manual_seed(" + st.seed() + ")" + (seedComment == null ? "" : "  # " + seedComment),
                "token_embedding_layer = torch.nn.Embedding(vocab_size, output_dim)");
        if (positions && learned) {
            s.code("pos_embedding_layer = torch.nn.Embedding(context_length, output_dim)  # the same stream, next");
        }
        s.blank();
        if (!learned) {
            schemeTable(s, in.positionKind());
        }
    }

    /** {@code pos_table [context_length, output_dim]} of a scheme other than the learned table, and its lookup. */
    private static void schemeTable(PyScript s, PositionKind kind) {
        if (kind == PositionKind.SINUSOIDAL) {
            s.code("# The sinusoidal table of \"Attention Is All You Need\": nothing in it is trained.",
                    "# PE[p, 2i] = sin(p / 10000^(2i / output_dim)), PE[p, 2i + 1] = cos(the same angle),",
                    "# computed in double and rounded once to float32",
                    "position = torch.arange(context_length, dtype=torch.float64).unsqueeze(1)  # [context_length, 1]",
                    "denominator = 10000.0 ** (torch.arange(0, output_dim, 2, dtype=torch.float64) / output_dim)"
                            + "  # [output_dim / 2]",
                    "angle = position / denominator  # [context_length, output_dim / 2]",
                    "pos_table = torch.zeros(context_length, output_dim, dtype=torch.float64)",
                    "pos_table[:, 0::2] = torch.sin(angle)",
                    "pos_table[:, 1::2] = torch.cos(angle)",
                    "pos_table = pos_table.float()  # [context_length, output_dim]");
        } else {
            s.code(PyText.comment("# ", schemeName(kind) + " adds nothing to the token vectors: "
                    + schemeWhere(kind) + ". What is added here is zeros.", 3));
            s.code("pos_table = torch.zeros(context_length, output_dim)  # [context_length, output_dim]");
        }
        s.code("",
                "",
                "def pos_embedding_layer(positions):",
                "    # looks the fixed table up as the learned layer would; there is nothing to train",
                "    return pos_table[positions]",
                "",
                "");
    }

    private static String schemeName(PositionKind kind) {
        return switch (kind) {
            case ROPE -> "RoPE (rotary embeddings)";
            case T5 -> "T5's relative buckets";
            case ALIBI -> "ALiBi";
            default -> kind.cliName();
        };
    }

    private static String schemeWhere(PositionKind kind) {
        return switch (kind) {
            case ROPE -> "it rotates the queries and keys inside attention, pair by pair, by position times "
                    + "frequency";
            case T5 -> "each key - query distance falls in a bucket whose learned bias is added to the attention "
                    + "score";
            case ALIBI -> "each attention head adds -slope * distance to its causal attention scores";
            default -> "it acts inside attention";
        };
    }

    /** {@code batch 3}, or {@code batch 3 of epoch 1} when shuffled batches differ by epoch. */
    static String batchName(Settings st) {
        return "batch " + st.batchIndex() + (st.shuffle() && st.epoch() > 0 ? " of epoch " + st.epoch() : "");
    }

    /** {@code input_ids}: the ids of the window the stage shows, written out. */
    static void windowIds(PyScript s, CodeInput in) {
        s.code("# the ids of row " + in.shownRow() + " of " + batchName(in.result().settings()));
        s.code(PyText.wrapped("input_ids = torch.tensor([", in.result().batch().inputs()[in.shownRow()], "])"));
    }

    static String py(boolean b) {
        return b ? "True" : "False";
    }
}

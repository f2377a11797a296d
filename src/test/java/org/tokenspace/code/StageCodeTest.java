package org.tokenspace.code;

import org.junit.jupiter.api.Test;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Preset;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scripts for fixed settings, line by line, and what the book's example shows. */
class StageCodeTest {
    /** ch02's dataset and loader, as every script that batches the ids holds them. */
    private static final String DATASET = """
            class GPTDatasetV1(Dataset):
                def __init__(self, token_ids, max_length, stride):
                    self.input_ids = []
                    self.target_ids = []

                    # Use a sliding window to chunk the ids into overlapping sequences of max_length
                    for i in range(0, len(token_ids) - max_length, stride):
                        input_chunk = token_ids[i:i + max_length]
                        target_chunk = token_ids[i + 1: i + max_length + 1]
                        self.input_ids.append(torch.tensor(input_chunk))
                        self.target_ids.append(torch.tensor(target_chunk))

                def __len__(self):
                    return len(self.input_ids)

                def __getitem__(self, idx):
                    return self.input_ids[idx], self.target_ids[idx]


            def create_dataloader_v1(token_ids, batch_size=4, max_length=256,
                                     stride=128, shuffle=True, drop_last=True, num_workers=0):
                # ch02's loader, given the ids instead of the text
                dataset = GPTDatasetV1(token_ids, max_length, stride)
                dataloader = DataLoader(
                    dataset,
                    batch_size=batch_size,
                    shuffle=shuffle,
                    drop_last=drop_last,
                    num_workers=num_workers
                )
                return dataloader
            """;

    private static CodeInput input(String text, Settings settings, Integer id) {
        return CodeInput.of(new Pipeline().run(text, settings), text, null, null, id);
    }

    @Test
    void theBooksLookup() {
        Transcript t = StageCodes.find("lookup").write(input(Preset.BOOK.text(), Preset.BOOK.settings(), Preset.BOOK.selectedId()));
        assertEquals("""
                # TokenSpace, stage "lookup": an id selects its row of the token table.
                import torch

                vocab_size = 6
                output_dim = 3

                torch.manual_seed(123)
                token_embedding_layer = torch.nn.Embedding(vocab_size, output_dim)

                print("token_embedding_layer.weight:")
                print(token_embedding_layer.weight)
                print()

                print("token_embedding_layer(torch.tensor([3])):")
                print(token_embedding_layer(torch.tensor([3])))
                print()

                # the ids of row 0 of batch 0
                input_ids = torch.tensor([2, 3, 5, 1])
                print("input_ids:", input_ids)
                print("token_embedding_layer(input_ids):")
                print(token_embedding_layer(input_ids))
                """, t.script());
        // the book's printouts (chapter 2), with PyTorch's sign padding
        assertEquals("""
                token_embedding_layer.weight:
                Parameter containing:
                tensor([[ 0.3374, -0.1778, -0.1690],
                        [ 0.9178,  1.5810,  1.3010],
                        [ 1.2753, -0.2010, -0.1606],
                        [-0.4015,  0.9666, -1.1481],
                        [-1.1589,  0.3255, -0.6315],
                        [-2.8400, -0.7849, -1.4096]], requires_grad=True)

                token_embedding_layer(torch.tensor([3])):
                tensor([[-0.4015,  0.9666, -1.1481]], grad_fn=<EmbeddingBackward0>)

                input_ids: tensor([2, 3, 5, 1])
                token_embedding_layer(input_ids):
                tensor([[ 1.2753, -0.2010, -0.1606],
                        [-0.4015,  0.9666, -1.1481],
                        [-2.8400, -0.7849, -1.4096],
                        [ 0.9178,  1.5810,  1.3010]], grad_fn=<EmbeddingBackward0>)
                """, t.output());
    }

    @Test
    void shuffledIdsInALaterEpochKeepingTheShortLastBatch() {
        Settings s = new Settings(9, 6, 3, 2, 3, 2, 1, true, false, 1, 2, NormalKernel.AVX2);
        Transcript t = StageCodes.find("tokenize").write(input("ids: 5 4 3 2 1 0 1 2 3 4", s, null));
        assertEquals("""
                # TokenSpace, stage "tokenize": GPT-2 ids, sliding windows of max_length every stride, a batch of
                # inputs and targets.
                import torch
                from torch.utils.data import Dataset, DataLoader

                # The token ids, given as ids
                token_ids = [5, 4, 3, 2, 1, 0, 1, 2, 3, 4]


                """ + DATASET + """


                torch.manual_seed(9)  # shuffle=True draws each epoch's order from this generator
                max_length = 2
                dataloader = create_dataloader_v1(
                    token_ids, batch_size=3, max_length=max_length, stride=1,
                    shuffle=True, drop_last=False
                )
                for epoch in range(2):
                    # each epoch draws its order when it starts; the last one stops at batch 2
                    for batch_index, (inputs, targets) in enumerate(dataloader):
                        if batch_index == 2:
                            break

                print("token_ids:", len(token_ids))
                print(torch.tensor(token_ids))
                print("windows:", len(dataloader.dataset))
                print("batches:", len(dataloader))
                print()

                print("batch 2 of epoch 1, inputs:")
                print(inputs)
                print("targets:")
                print(targets)
                print("inputs.shape:", inputs.shape)
                """, t.script());
        // 8 windows in batches of 3, 3 and 2: the last one is short
        assertEquals("""
                token_ids: 10
                tensor([5, 4, 3, 2, 1, 0, 1, 2, 3, 4])
                windows: 8
                batches: 3
                """, t.output().substring(0, t.output().indexOf("\n\n") + 1));
        assertEquals(2, t.output().lines().filter(l -> l.startsWith("inputs.shape")).findFirst()
                .map(l -> Integer.parseInt(l.substring(l.indexOf("[") + 1, l.indexOf(",")))).orElseThrow());
    }

    @Test
    void theGenericKernelAndAnIdOutsideTheBatch() {
        Settings s = new Settings(5, 6, 10, 4, 1, 4, 4, false, true, 0, 0, NormalKernel.GENERIC);
        Transcript t = StageCodes.find("position").write(input(Preset.BOOK.text(), s, 4));
        assertEquals("""
                # TokenSpace, stage "position": the positional table's row is added to the token vector.
                import os

                # These tables come from PyTorch's generic normal kernel, which PyTorch runs only on CPUs without
                # AVX2 (on others it fills tables of 16 values or more with its AVX2 kernel, other numbers).
                # ATEN_CPU_CAPABILITY=default selects the generic kernel on any CPU; it must be set before
                # torch is imported.
                os.environ["ATEN_CPU_CAPABILITY"] = "default"

                import torch

                vocab_size = 6
                output_dim = 10
                context_length = 4

                torch.manual_seed(5)
                token_embedding_layer = torch.nn.Embedding(vocab_size, output_dim)
                pos_embedding_layer = torch.nn.Embedding(context_length, output_dim)  # the same stream, next

                print("pos_embedding_layer.weight:")
                print(pos_embedding_layer.weight)
                print()

                # id 4, which is not in batch 0, at position 0
                token_vector = token_embedding_layer(torch.tensor(4))
                position_vector = pos_embedding_layer(torch.tensor(0))
                print("token_embedding_layer(torch.tensor(4)), the first 8 of 10 values:")
                print(token_vector[:8])
                print("pos_embedding_layer(torch.tensor(0)), the first 8 of 10 values:")
                print(position_vector[:8])
                print("token_vector + position_vector, the first 8 of 10 values:")
                print((token_vector + position_vector)[:8])
                print()

                # the ids of row 0 of batch 0
                input_ids = torch.tensor([2, 3, 5, 1])
                max_length = 4
                token_embeddings = token_embedding_layer(input_ids)  # [max_length, output_dim]
                pos_embeddings = pos_embedding_layer(torch.arange(max_length))  # [max_length, output_dim]
                print("input_ids:", input_ids)
                print("token_embeddings + pos_embeddings:")
                print(token_embeddings + pos_embeddings)
                """, t.script());
    }

    @Test
    void aTypedTextAndTablesFromAFile() {
        String text = "Hello, do you like tea?\r\"Tea\"\ttime\u2028now";
        Tables tables = Tables.seeded(1, Gpt2Tokenizer.VOCAB_SIZE, 2, 4, NormalKernel.AVX2);
        Settings s = Settings.builder().batchSize(1).maxLength(2).stride(2).build();
        PipelineResult r = new Pipeline().run(text, s, tables, () -> false);
        Path file = Path.of("/data/gpt \"2\".safetensors");
        CodeInput in = CodeInput.of(r, text, null, new CodeInput.TablesFile(file, "wte.weight", "wpe.weight"), null);
        String ids = Arrays.stream(Gpt2Tokenizer.get().encode(text)).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        assertEquals("""
                # TokenSpace, stage "batch": a batch of ids becomes the tensor a transformer reads, token +
                # positional embeddings.
                import json
                import struct

                import torch
                from torch.utils.data import Dataset, DataLoader

                # GPT-2 ids of this text, as
                # tiktoken.get_encoding("gpt2").encode(text, allowed_special={"<|endoftext|>"}) gives them:
                #     Hello, do you like tea?
                #     "Tea" time\\u2028now
                token_ids = [%s]


                """.formatted(ids) + DATASET + """


                max_length = 2
                dataloader = create_dataloader_v1(
                    token_ids, batch_size=1, max_length=max_length, stride=2,
                    shuffle=False, drop_last=True
                )
                data_iter = iter(dataloader)
                inputs, targets = next(data_iter)

                print("batch 0, inputs:")
                print(inputs)
                print("inputs.shape:", inputs.shape)
                print()


                def read_table(path, name):
                    # one tensor of a .safetensors file as float32: an 8-byte header size, a JSON header, the data
                    with open(path, "rb") as f:
                        header_size = struct.unpack("<Q", f.read(8))[0]
                        info = json.loads(f.read(header_size))[name]
                        begin, end = info["data_offsets"]
                        f.seek(8 + header_size + begin)
                        data = bytearray(f.read(end - begin))
                    dtypes = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64}
                    return torch.frombuffer(data, dtype=dtypes[info["dtype"]]).reshape(info["shape"]).float()


                tables = "/data/gpt \\"2\\".safetensors"
                token_table = read_table(tables, "wte.weight")
                token_embedding_layer = torch.nn.Embedding.from_pretrained(token_table, freeze=False)
                pos_table = read_table(tables, "wpe.weight")
                pos_embedding_layer = torch.nn.Embedding.from_pretrained(pos_table, freeze=False)

                token_embeddings = token_embedding_layer(inputs)  # [batch_size, max_length, output_dim]
                pos_embeddings = pos_embedding_layer(torch.arange(max_length))  # [max_length, output_dim]
                input_embeddings = token_embeddings + pos_embeddings  # the positions added to every row

                print("token_embeddings.shape:", token_embeddings.shape)
                print("pos_embeddings.shape:", pos_embeddings.shape)
                print("input_embeddings.shape:", input_embeddings.shape)
                print("input_embeddings:")
                print(input_embeddings)
                """, StageCodes.find("batch").write(in).script());
    }

    @Test
    void pythonTextIsEscaped() {
        assertEquals("\"a \\\"b\\\" \\\\ \\n\\r\\t \\x00 \\x85 \\u2028 é 한\"",
                PyText.str("a \"b\" \\ \n\r\t \0 \u0085 \u2028 é 한"));
        assertEquals(List.of("# one", "# two \\x0c three", "# four", "# ... (1 more line)"),
                PyText.comment("# ", "one\r\ntwo \f three\rfour\nfive\n", 3));
        int[] ids = IntStream.range(0, 40).map(i -> 10000 + 1000 * i).toArray();
        List<String> lines = PyText.list("token_ids", ids);
        assertEquals("token_ids = [", lines.get(0));
        assertEquals("]", lines.get(lines.size() - 1));
        assertEquals("    10000, 11000, 12000,", lines.get(1).substring(0, 24));
        assertTrue(lines.stream().allMatch(l -> l.length() <= 100), String.join("\n", lines));
        assertEquals(Arrays.toString(ids), "[" + String.join("", lines.subList(1, lines.size() - 1))
                .replaceAll("\\s+", " ").trim().replaceAll(",$", "") + "]");
        assertEquals(List.of("input_ids = torch.tensor([2, 3])"), PyText.wrapped("input_ids = torch.tensor([",
                new int[] {2, 3}, "])"));
    }

    @Test
    void unknownStagesAndIdsNameTheFix() {
        assertEquals("unknown stage 'cloud': use tokenize, lookup, position, batch, projection, schemes, train or explore",
                assertThrows(TokenSpaceException.class, () -> StageCodes.find("cloud")).getMessage());
        assertEquals("token id 6 is outside the token table: valid ids are 0 to 5",
                assertThrows(TokenSpaceException.class, () -> input(Preset.BOOK.text(), Preset.BOOK.settings(), 6)).getMessage());
    }
}

package org.tokenspace.code;

import org.tokenspace.model.Batch;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TorchFormat;

/** Stage 4: a batch of ids becomes the {@code [B, T, D]} tensor a transformer reads, as ch02 ends. */
final class BatchCode implements StageCode {
    @Override
    public String name() {
        return "batch";
    }

    @Override
    public String summary() {
        return "a batch of ids becomes the tensor a transformer reads, token + positional embeddings.";
    }

    @Override
    public Transcript write(CodeInput in) {
        PipelineResult r = in.result();
        Settings st = r.settings();
        Batch batch = r.batch();
        long dim = r.tables().embeddingDim();
        PyScript s = new PyScript();
        Blocks.header(s, in, this, true, "from torch.utils.data import Dataset, DataLoader");
        Blocks.tokenIds(s, in);
        Blocks.dataset(s);
        Blocks.loader(s, st);
        s.say(Blocks.batchName(st) + ", inputs:");
        s.print("inputs", TorchFormat.ids(batch.inputs()));
        s.print("inputs.shape:", "inputs.shape", TorchFormat.size(batch.batchSize(), batch.maxLength()));
        s.newline();
        Blocks.tables(s, in, true, "a fresh stream for the tables: the loader drew from the last one");
        s.code("token_embeddings = token_embedding_layer(inputs)  # [batch_size, max_length, output_dim]",
                "pos_embeddings = pos_embedding_layer(torch.arange(max_length))  # [max_length, output_dim]",
                "input_embeddings = token_embeddings + pos_embeddings  # the positions added to every row",
                "");
        s.print("token_embeddings.shape:", "token_embeddings.shape",
                TorchFormat.size(r.tokenEmbeddings().shape()));
        s.print("pos_embeddings.shape:", "pos_embeddings.shape", TorchFormat.size(batch.maxLength(), dim));
        s.print("input_embeddings.shape:", "input_embeddings.shape", TorchFormat.size(r.inputEmbeddings().shape()));
        s.say("input_embeddings:");
        s.print("input_embeddings", TorchFormat.tensor(r.inputEmbeddings(), TorchFormat.ADD_BACKWARD));
        return s.done();
    }
}

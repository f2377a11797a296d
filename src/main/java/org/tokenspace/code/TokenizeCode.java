package org.tokenspace.code;

import org.tokenspace.model.Batch;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TorchFormat;

/** Stage 1: the text's GPT-2 ids, ch02's sliding windows and the chosen batch of inputs and targets. */
final class TokenizeCode implements StageCode {
    @Override
    public String name() {
        return "tokenize";
    }

    @Override
    public String summary() {
        return "GPT-2 ids, sliding windows of max_length every stride, a batch of inputs and targets.";
    }

    @Override
    public Transcript write(CodeInput in) {
        PipelineResult r = in.result();
        Settings st = r.settings();
        Batch batch = r.batch();
        PyScript s = new PyScript();
        Blocks.header(s, in, this, false, "from torch.utils.data import Dataset, DataLoader");
        Blocks.tokenIds(s, in);
        Blocks.dataset(s);
        Blocks.loader(s, st);
        s.print("token_ids:", "len(token_ids)", Integer.toString(r.ids().length));
        s.print("torch.tensor(token_ids)", TorchFormat.ids(r.ids()));
        s.print("windows:", "len(dataloader.dataset)", Integer.toString(r.windows().size()));
        s.print("batches:", "len(dataloader)", Integer.toString(r.batchCount()));
        s.newline();
        s.say(Blocks.batchName(st) + ", inputs:");
        s.print("inputs", TorchFormat.ids(batch.inputs()));
        s.say("targets:");
        s.print("targets", TorchFormat.ids(batch.targets()));
        s.print("inputs.shape:", "inputs.shape", TorchFormat.size(batch.batchSize(), batch.maxLength()));
        return s.done();
    }
}

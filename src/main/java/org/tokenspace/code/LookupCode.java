package org.tokenspace.code;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.TorchFormat;

/** Stage 2: an id selects its row of the token table; a window's ids select theirs. */
final class LookupCode implements StageCode {
    @Override
    public String name() {
        return "lookup";
    }

    @Override
    public String summary() {
        return "an id selects its row of the token table.";
    }

    @Override
    public Transcript write(CodeInput in) {
        PipelineResult r = in.result();
        INDArray tokenTable = r.tables().tokenTable();
        int id = in.id();
        int row = in.shownRow();
        PyScript s = new PyScript();
        Blocks.header(s, in, this, true);
        Blocks.tables(s, in, false, null);
        s.say("token_embedding_layer.weight:");
        s.print("token_embedding_layer.weight", TorchFormat.parameter(tokenTable));
        s.newline();
        s.say("token_embedding_layer(torch.tensor([" + id + "])):");
        s.print("token_embedding_layer(torch.tensor([" + id + "]))", TorchFormat.tensor(
                tokenTable.get(NDArrayIndex.interval(id, id + 1), NDArrayIndex.all()), // [1, D]
                TorchFormat.EMBEDDING_BACKWARD));
        s.newline();
        Blocks.windowIds(s, in);
        s.print("input_ids:", "input_ids", TorchFormat.ids(r.batch().inputs()[row]));
        s.say("token_embedding_layer(input_ids):");
        s.print("token_embedding_layer(input_ids)", TorchFormat.tensor(
                r.tokenEmbeddings().get(NDArrayIndex.point(row), NDArrayIndex.all(), NDArrayIndex.all()), // [T, D]
                TorchFormat.EMBEDDING_BACKWARD));
        return s.done();
    }
}

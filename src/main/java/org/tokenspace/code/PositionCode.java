package org.tokenspace.code;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.TorchFormat;
import org.tokenspace.positions.PositionKind;

/** Stage 3: the positional table's row for a position is added to the token's vector, in float32. */
final class PositionCode implements StageCode {
    /** Values of one vector printed at most. */
    static final int SHOWN = 8;

    @Override
    public String name() {
        return "position";
    }

    @Override
    public String summary() {
        return "the positional table's row is added to the token vector.";
    }

    @Override
    public Transcript write(CodeInput in) {
        PipelineResult r = in.result();
        INDArray positionTable = r.tables().positionTable();
        int id = in.id();
        int pos = in.shownPosition();
        int row = in.shownRow();
        float[] token = r.tables().tokenTable().get(NDArrayIndex.point(id), NDArrayIndex.all()).toFloatVector();
        float[] position = positionTable.get(NDArrayIndex.point(pos), NDArrayIndex.all()).toFloatVector();
        float[] sum = new float[token.length];
        for (int d = 0; d < sum.length; d++) {
            sum[d] = token[d] + position[d]; // float32, as PyTorch adds
        }
        boolean learned = in.positionKind() == PositionKind.LEARNED;
        PyScript s = new PyScript();
        Blocks.header(s, in, this, true);
        Blocks.tables(s, in, true, null);
        if (learned) {
            s.say("pos_embedding_layer.weight:");
            s.print("pos_embedding_layer.weight", TorchFormat.parameter(positionTable));
        } else {
            s.say("pos_table:");
            s.print("pos_table", TorchFormat.tensor(positionTable));
        }
        s.newline();
        s.code(in.inBatch()
                ? String.format("# id %d at position %d (row %d of %s)", id, pos, row, Blocks.batchName(r.settings()))
                : String.format("# id %d, which is not in %s, at position %d", id, Blocks.batchName(r.settings()),
                pos));
        s.code("token_vector = token_embedding_layer(torch.tensor(" + id + "))",
                "position_vector = pos_embedding_layer(torch.tensor(" + pos + "))");
        // long vectors as their first values: 256 values of each would bury the sum
        boolean cut = token.length > SHOWN;
        String part = cut ? "[:" + SHOWN + "]" : "";
        String of = cut ? ", the first " + SHOWN + " of " + token.length + " values:" : ":";
        String grad = cut ? TorchFormat.gradFn("SliceBackward0") : null;
        s.say("token_embedding_layer(torch.tensor(" + id + "))" + of);
        s.print("token_vector" + part, vector(token, grad != null ? grad : TorchFormat.EMBEDDING_BACKWARD));
        s.say("pos_embedding_layer(torch.tensor(" + pos + "))" + of);
        String positionGrad = !learned ? null : grad != null ? grad : TorchFormat.EMBEDDING_BACKWARD;
        s.print("position_vector" + part, positionGrad == null ? vector(position) : vector(position, positionGrad));
        s.say("token_vector + position_vector" + of);
        s.print(cut ? "(token_vector + position_vector)" + part : "token_vector + position_vector",
                vector(sum, grad != null ? grad : TorchFormat.ADD_BACKWARD));
        s.newline();
        Blocks.windowIds(s, in);
        s.code("max_length = " + r.batch().maxLength(),
                "token_embeddings = token_embedding_layer(input_ids)  # [max_length, output_dim]",
                "pos_embeddings = pos_embedding_layer(torch.arange(max_length))  # [max_length, output_dim]");
        s.print("input_ids:", "input_ids", TorchFormat.ids(r.batch().inputs()[row]));
        s.say("token_embeddings + pos_embeddings:");
        s.print("token_embeddings + pos_embeddings", TorchFormat.tensor(
                r.inputEmbeddings().get(NDArrayIndex.point(row), NDArrayIndex.all(), NDArrayIndex.all()), // [T, D]
                TorchFormat.ADD_BACKWARD));
        return s.done();
    }

    /** The first {@link #SHOWN} values of {@code v}, as PyTorch prints them with {@code suffix}. */
    private static String vector(float[] v, String... suffix) {
        return TorchFormat.tensor(java.util.Arrays.copyOf(v, Math.min(v.length, SHOWN)), suffix);
    }
}

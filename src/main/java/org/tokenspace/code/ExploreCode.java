package org.tokenspace.code;

import org.tokenspace.explore.Analogy;
import org.tokenspace.explore.Metric;
import org.tokenspace.explore.Neighbour;
import org.tokenspace.explore.Neighbours;
import org.tokenspace.explore.Vectors;
import org.tokenspace.model.PipelineResult;

import java.util.List;
import java.util.Locale;

/**
 * Stage "explore": the selected token's nearest rows, exactly as the stage lists them: every row scored in double, by
 * cosine similarity or Euclidean distance, among the text's distinct tokens or the whole table, ties kept in row
 * order; and the analogy {@code a - b + c} the stage answered, if any. The maps (PCA, t-SNE, UMAP) are TokenSpace's
 * own, not PyTorch's, and are not in the script.
 */
final class ExploreCode implements StageCode {
    @Override
    public String name() {
        return "explore";
    }

    @Override
    public String summary() {
        return "the rows nearest the selected token, by cosine similarity or Euclidean distance.";
    }

    @Override
    public Transcript write(CodeInput in) {
        CodeInput.Explore search = in.explore() != null ? in.explore() : CodeInput.Explore.DEFAULTS;
        PipelineResult r = in.result();
        int id = in.id();
        int[] among = search.textRows() ? Vectors.distinct(r.ids()) : null;
        org.nd4j.linalg.api.ndarray.INDArray table = r.tables().tokenTable(); // [V, D]
        Neighbours index = new Neighbours(among == null ? Vectors.of(table) : rows(table, among)); // [n, D]
        int at = among == null ? id : indexOf(among, id);
        List<Neighbour> found = at >= 0 ? index.of(at, search.k(), search.metric())
                : index.of(table.getRow(id).toFloatVector(), search.k(), search.metric());
        boolean cosine = search.metric() == Metric.COSINE;
        PyScript s = new PyScript();
        Blocks.header(s, in, this, true);
        if (search.textRows()) {
            Blocks.tokenIds(s, in);
        }
        Blocks.tables(s, in.withPositionKind(org.tokenspace.positions.PositionKind.LEARNED), false, null);
        s.code("table = token_embedding_layer.weight.detach().double()  # [vocab_size, output_dim], scored in double",
                search.textRows() ? "among = list(dict.fromkeys(token_ids))  # the text's distinct tokens, in order"
                        : "among = list(range(table.shape[0]))  # every row",
                "rows = table[among]  # [len(among), output_dim]",
                "query = table[" + id + "]  # [output_dim]");
        if (cosine) {
            s.code("norms = rows.norm(dim=1)",
                    "scores = (rows @ query) / (norms * query.norm())",
                    "scores = torch.where(norms == 0, torch.zeros_like(scores), scores)  # a row of zeros: 0",
                    "nearest = sorted((i for i in range(len(among)) if among[i] != " + id + "),",
                    "                 key=lambda i: -scores[i].item())[:" + search.k() + "]  # highest first");
        } else {
            s.code("scores = (rows - query).norm(dim=1)",
                    "nearest = sorted((i for i in range(len(among)) if among[i] != " + id + "),",
                    "                 key=lambda i: scores[i].item())[:" + search.k() + "]  # nearest first");
        }
        s.blank();
        s.say("The " + found.size() + " rows nearest id " + id + " by " + (cosine ? "cosine similarity"
                : "Euclidean distance") + ", among " + (search.textRows() ? "the text's tokens" : "the whole table")
                + ":");
        s.code("for i in nearest:",
                "    print(f\"{among[i]:>6}  {scores[i].item():.4f}\")");
        s.printedByCode(found.stream().map(n -> String.format(Locale.ROOT, "%6d  %s",
                among == null ? n.id() : among[n.id()], PyText.fixed(n.score(), 4))).toList());
        if (search.analogy() != null) {
            analogy(s, search.analogy(), search.k(), among == null ? index : new Neighbours(Vectors.of(table)));
        }
        return s.done();
    }

    /**
     * The analogy {@code a - b + c} as the stage answers it (3CosAdd over the whole table): each row scaled to unit
     * length in double, the query rounded to float32 as TokenSpace keeps it, then cosine similarity, a, b and c left
     * out.
     */
    private static void analogy(PyScript s, CodeInput.AnalogyRows q, int k, Neighbours whole) {
        List<Neighbour> answers = Analogy.solve(whole, q.a(), q.b(), q.c(), k);
        s.newline();
        s.code("# the analogy a - b + c over the whole table (3CosAdd, as word2vec answers it)",
                "a, b, c = " + q.a() + ", " + q.b() + ", " + q.c(),
                "unit = lambda i: table[i] / table[i].norm()  # a row scaled to length 1",
                "query = (unit(a) - unit(b) + unit(c)).float().double()  # [output_dim], kept in float32",
                "norms = table.norm(dim=1)",
                "scores = (table @ query) / (norms * query.norm())",
                "scores = torch.where(norms == 0, torch.zeros_like(scores), scores)",
                "answers = sorted((i for i in range(table.shape[0]) if i not in (a, b, c)),",
                "                 key=lambda i: -scores[i].item())[:" + k + "]  # most similar first");
        s.blank();
        s.say(q.a() + " - " + q.b() + " + " + q.c() + ": the " + answers.size() + " most similar rows of the whole "
                + "table, a, b and c left out:");
        s.code("for i in answers:",
                "    print(f\"{i:>6}  {scores[i].item():.4f}\")");
        s.printedByCode(answers.stream().map(n -> String.format(Locale.ROOT, "%6d  %s", n.id(),
                PyText.fixed(n.score(), 4))).toList());
    }

    /** Rows {@code ids} of {@code table}, without copying the whole table. */
    private static Vectors rows(org.nd4j.linalg.api.ndarray.INDArray table, int[] ids) {
        int dim = (int) table.columns();
        float[] data = new float[ids.length * dim];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(table.getRow(ids[i]).toFloatVector(), 0, data, i * dim, dim);
        }
        return new Vectors(data, ids.length, dim);
    }

    private static int indexOf(int[] rows, int id) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == id) {
                return i;
            }
        }
        return -1;
    }
}

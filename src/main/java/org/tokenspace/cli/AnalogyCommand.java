package org.tokenspace.cli;

import org.tokenspace.explore.Analogy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** a - b + c: the rows most similar to it, as JSON. */
@Command(name = "analogy", mixinStandardHelpOptions = true, description = {
        "Print the k rows most similar (cosine) to a - b + c, e.g. ' king' - ' man' + ' woman', as a JSON array"
                + " of {\"id\", \"token\", \"score\"}, leaving out a, b and c.",
        "The query is a/|a| - b/|b| + c/|c|, as word2vec and gensim form it. A, B and C are row ids (whole"
                + " numbers) or tokens: one GPT-2 token's text with its leading space for a vocabulary table, or a"
                + " label of a projector metadata file."})
final class AnalogyCommand implements Callable<Integer> {
    @Option(names = "--a", required = true, paramLabel = "A", description = "The row added first (' king').")
    String a;

    @Option(names = "--b", required = true, paramLabel = "B", description = "The row taken away (' man').")
    String b;

    @Option(names = "--c", required = true, paramLabel = "C", description = "The row added (' woman').")
    String c;

    @Option(names = "--k", paramLabel = "K", description = "How many answers to list (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Mixin
    TableSizeOptions sizes;

    @Mixin
    TablesOptions tables;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExploreTable t = ExploreTable.load(sizes, tables);
        int ra = t.row(a, "--a");
        int rb = t.row(b, "--b");
        int rc = t.row(c, "--c");
        spec.commandLine().getOut().println(t.json(Analogy.solve(t.neighbours, ra, rb, rc, k)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}

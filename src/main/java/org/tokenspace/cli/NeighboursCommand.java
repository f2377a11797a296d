package org.tokenspace.cli;

import org.tokenspace.explore.Metric;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** The exact nearest rows of one row of the token table, as JSON. */
@Command(name = "neighbours", mixinStandardHelpOptions = true, description = {
        "Print the k rows of the token table nearest a row, nearest first, as a JSON array of {\"id\", \"token\","
                + " \"score\"}; the row itself is left out and ties go to the smaller id.",
        "The score is the cosine similarity or the Euclidean distance. The table is the seeded one of the embed"
                + " options, or the token table of --tables."})
final class NeighboursCommand implements Callable<Integer> {
    @Option(names = "--id", required = true, paramLabel = "I", description = "The row (token id) to start from.")
    int id;

    @Option(names = "--k", paramLabel = "K", description = "How many neighbours to list (default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Option(names = "--metric", paramLabel = "cosine|euclidean",
            converter = Converters.MetricName.class, defaultValue = "cosine",
            description = "The metric: cosine (similarity, higher is nearer) or euclidean (distance, lower is"
                    + " nearer) (default: ${DEFAULT-VALUE}).")
    Metric metric;

    @Mixin
    TableSizeOptions sizes;

    @Mixin
    TablesOptions tables;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExploreTable t = ExploreTable.load(sizes, tables);
        spec.commandLine().getOut().println(t.json(t.neighbours.of(id, k, metric)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package org.tokenspace.cli;

import org.tokenspace.app.SampleText;
import org.tokenspace.code.CodeInput;
import org.tokenspace.code.StageCode;
import org.tokenspace.code.StageCodes;
import org.tokenspace.code.TrainingRun;
import org.tokenspace.code.Transcript;
import org.tokenspace.positions.PositionConfig;
import org.tokenspace.positions.PositionKind;
import org.tokenspace.positions.RotaryPositions;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.Preset;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** What {@code show} and {@code code} work on: a stage, a text, the table and loader options of embed, an id. */
final class StageOptions {
    @Option(names = "--stage", required = true, paramLabel = "STAGE", converter = StageConverter.class,
            description = "The stage: tokenize, lookup, position, batch, projection, schemes, train or explore.")
    StageCode stage;

    @Option(names = "--file", paramLabel = "FILE", description = "The UTF-8 text to tokenize (default: the app's "
            + "sample text).")
    Path file;

    @Option(names = "--text", paramLabel = "TEXT", description = "The text itself, instead of a file. A text that "
            + "starts with 'ids:' is a list of token ids, e.g. 'ids: 2, 3, 5, 1, 0'.")
    String text;

    @Option(names = "--book", description = "The book's example: Embedding(6, 3) after torch.manual_seed(123), the "
            + "ids 2, 3, 5, 1 (then 0) in one window, and id 3 looked up. Table and loader options given with it "
            + "change that example, e.g. --kernel generic.")
    boolean book;

    @Option(names = "--id", paramLabel = "ID", description = "The selected token id: the one looked up, the one "
            + "whose position is added, the one whose vector training moves (default: the batch's first id; with "
            + "--book, 3).")
    Integer id;

    @Option(names = "--position-kind", paramLabel = "KIND", description = "What the position and batch stages add "
            + "to the token vectors: learned (the seeded or loaded table, GPT-2's), sinusoidal, or rope, t5 or alibi, "
            + "which add nothing to the input (default: ${DEFAULT-VALUE}).")
    String positionKind = "learned";

    @Option(names = "--schemes", paramLabel = "KIND[,KIND]", hideParamSyntax = true, split = ",", description = "With --stage schemes: one "
            + "or two of learned, sinusoidal, rope, t5, alibi, side by side (default: learned,rope).")
    List<String> schemes = List.of("learned", "rope");

    @Option(names = "--scheme-length", paramLabel = "C", description = "With --stage schemes: the positions of the "
            + "schemes built there; the learned table keeps its own (default: ${DEFAULT-VALUE}).")
    int schemeLength = 64;

    @Option(names = "--head", paramLabel = "H", description = "With --stage schemes: the attention head whose T5 or "
            + "ALiBi bias is shown, of 8 (default: ${DEFAULT-VALUE}).")
    int head;

    @Option(names = "--pairing", paramLabel = "PAIRING", description = "With --stage schemes: RoPE's pairs, "
            + "interleaved (2i, 2i+1) or half (i, i + D/2) (default: ${DEFAULT-VALUE}).")
    String pairing = "interleaved";

    @Option(names = "--compare", paramLabel = "cosine|dot", description = "With --stage schemes: how the token's "
            + "scores at two positions are compared, as the stage's 'compare by' (default: ${DEFAULT-VALUE}).")
    String compare = "cosine";

    @Option(names = "--k", paramLabel = "K", description = "With --stage explore: how many nearest rows "
            + "(default: ${DEFAULT-VALUE}).")
    int k = 10;

    @Option(names = "--metric", paramLabel = "METRIC", description = "With --stage explore: cosine (similarity) or "
            + "euclidean (distance) (default: ${DEFAULT-VALUE}).")
    String metric = "cosine";

    @Option(names = "--rows", paramLabel = "ROWS", description = "With --stage explore: search among the text's "
            + "distinct tokens (text) or the whole table (table) (default: ${DEFAULT-VALUE}).")
    String rows = "text";

    @Option(names = "--analogy", paramLabel = "A,B,C", hideParamSyntax = true, split = ",", description = "With --stage explore: also the "
            + "analogy A - B + C over the whole table, three token ids (e.g. 5822,582,2415 for king - man + woman).")
    List<Integer> analogy;

    @Option(names = "--steps", paramLabel = "N", description = "With --stage train: the steps trained from the "
            + "seeded tables (default: ${DEFAULT-VALUE}).")
    int steps = 20;

    @Mixin
    OptimizerOptions optimizer;

    @Mixin
    SettingsOptions options;

    @Mixin
    TablesOptions tables;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** Runs the pipeline on the chosen text and settings, and writes the stage's script with its output. */
    Transcript transcript() {
        if (book && (file != null || text != null)) {
            throw new TokenSpaceException("--book brings its own ids: drop --file and --text, or drop --book");
        }
        if (file != null && text != null) {
            throw new TokenSpaceException("the text is given twice: use --file or --text, not both");
        }
        if (book && tables.tables != null) {
            throw new TokenSpaceException("--book seeds its own 6 x 3 tables: drop --tables, or drop --book");
        }
        String input = book ? Preset.BOOK.text() : text != null ? text : file != null ? TextInput.read(file, System.in)
                : SampleText.TEXT;
        Tables given = tables.load();
        Settings settings = book ? options.over(Preset.BOOK.settings(), spec.commandLine().getParseResult())
                : options.settings(given);
        PositionKind kind = PositionKind.parse(positionKind);
        Pipeline pipeline = new Pipeline();
        Tables added = kind == PositionKind.LEARNED ? given : org.tokenspace.positions.PositionConfig.inputTables(
                given != null ? given : pipeline.tablesFor(settings.validate()), kind);
        PipelineResult result = pipeline.run(input, settings, added, () -> false);
        Integer selected = id != null ? id : book ? Integer.valueOf(Preset.BOOK.selectedId()) : null;
        CodeInput.TablesFile from = given == null ? null
                : new CodeInput.TablesFile(tables.tables, tables.tokenTensor, tables.positionTensor);
        CodeInput in = CodeInput.of(result, input, file, from, selected)
                .withPositionKind(kind);
        if (stage.name().equals("schemes")) {
            in = in.withSchemes(schemes());
        }
        if (stage.name().equals("explore")) {
            if (!rows.equals("text") && !rows.equals("table")) {
                throw new TokenSpaceException("--rows " + rows + " is not known: use text or table");
            }
            if (k < 1) {
                throw new TokenSpaceException("--k " + k + " is too small: use 1 or more, e.g. 10");
            }
            in = in.withExplore(new CodeInput.Explore(rows.equals("text"),
                    org.tokenspace.explore.Metric.parse(metric), k, analogy(result)));
        }
        if (stage.name().equals("train")) {
            in = in.withTraining(TrainingRun.train(result.ids(), settings, optimizer.optimizer(), steps, in.id()));
        }
        return stage.write(in);
    }

    private CodeInput.AnalogyRows analogy(PipelineResult result) {
        if (analogy == null) {
            return null;
        }
        if (analogy.size() != 3) {
            throw new TokenSpaceException("--analogy takes three ids A,B,C (A - B + C), e.g. 5822,582,2415; got "
                    + analogy.size());
        }
        long vocab = result.tables().vocabSize();
        for (int row : analogy) {
            if (row < 0 || row >= vocab) {
                throw new TokenSpaceException("--analogy: " + row + " is not a row of the table: use 0 to "
                        + (vocab - 1));
            }
        }
        return new CodeInput.AnalogyRows(analogy.get(0), analogy.get(1), analogy.get(2));
    }

    private CodeInput.Schemes schemes() {
        if (schemes.isEmpty() || schemes.size() > 2) {
            throw new TokenSpaceException("--schemes takes one or two schemes, e.g. learned,rope; got " + schemes.size());
        }
        if (schemeLength < 1 || schemeLength > 512) {
            throw new TokenSpaceException("--scheme-length " + schemeLength + " is outside 1 to 512: use e.g. 64");
        }
        if (head < 0 || head >= PositionConfig.DEFAULTS.heads()) {
            throw new TokenSpaceException("--head " + head + " is not a head: use 0 to "
                    + (PositionConfig.DEFAULTS.heads() - 1));
        }
        org.tokenspace.positions.PositionSimilarity.Measure measure = switch (compare) {
            case "cosine" -> org.tokenspace.positions.PositionSimilarity.Measure.COSINE;
            case "dot" -> org.tokenspace.positions.PositionSimilarity.Measure.DOT;
            default -> throw new TokenSpaceException("--compare " + compare + " is not known: use cosine or dot");
        };
        return new CodeInput.Schemes(PositionKind.parse(schemes.get(0)),
                schemes.size() > 1 ? PositionKind.parse(schemes.get(1)) : null, schemeLength, head,
                RotaryPositions.Pairing.parse(pairing), null, measure);
    }

    /** A stage name, or a message naming the stages there are. */
    static final class StageConverter implements CommandLine.ITypeConverter<StageCode> {
        @Override
        public StageCode convert(String value) {
            try {
                return StageCodes.find(value);
            } catch (TokenSpaceException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

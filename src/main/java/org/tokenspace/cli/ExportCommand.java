package org.tokenspace.cli;

import org.nd4j.linalg.factory.Nd4j;
import org.tokenspace.io.Exports;
import org.tokenspace.model.Pipeline;
import org.tokenspace.projection.VocabularyCloud;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Tables and batches out, for numpy, spreadsheets and the TensorFlow Embedding Projector. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Write the token table, the positional table or one batch into a folder,",
            "one file per tensor, each written whole or not at all.",
            "",
            "--what            tensors (NAME)       shape",
            "  token-table     token_table          [vocabSize, D]",
            "  position-table  position_table       [contextLength, D]",
            "  projection      projection           [vocabSize, 3] the token table in",
            "                  its first 3 principal components (the app's axes)",
            "  batch           inputs, targets      [B, T] int64 token ids",
            "                  token_embeddings     [B, T, D] tokenTable[inputs]",
            "                  position_embeddings  [T, D]    positionTable[0:T]",
            "                  input_embeddings     [B, T, D] token + position",
            "--format",
            "  npy             NAME.npy each (float32, ids int64); np.load reads them",
            "  safetensors     token_table, position_table or batch.safetensors",
            "                  holding the tensors under their NAMEs",
            "  csv             NAME.csv with a header row: id,token,d0.. (token",
            "                  table); position,d0..; b,t,id,token,d0.. (a batch,",
            "                  one row per position, b then t); t0.. (ids)",
            "  projector-tsv   NAME.tsv (vectors, no header) and NAME_metadata.tsv",
            "                  (header token<TAB>id, for a batch also b, t,",
            "                  target_token, target_id): load both in",
            "                  projector.tensorflow.org; tabs, line breaks and",
            "                  backslashes in tokens are written \\t, \\n, \\\\.",
            ""})
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--what", required = true, converter = WhatConverter.class, paramLabel = "WHAT",
            description = "What to write: token-table, position-table, projection or batch.")
    Exports.What what;

    @Option(names = "--format", required = true, converter = FormatConverter.class, paramLabel = "FORMAT",
            description = "The format: npy, csv, projector-tsv or safetensors.")
    Exports.Format format;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "The folder for the files.")
    Path out;

    @Option(names = "--file", paramLabel = "FILE", description = "The UTF-8 text for --what batch, or - for"
            + " standard input (default: standard input).")
    Path file;

    @Mixin
    SettingsOptions options;

    @Mixin
    TablesOptions tables;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Tables given = tables.load();
        Settings settings = options.settings(given);
        Pipeline pipeline = new Pipeline();
        Tables t = given != null ? given : pipeline.tablesFor(settings);
        List<Path> written = Exports.write(what, t,
                () -> pipeline.run(TextInput.read(file, System.in), settings, given, () -> false),
                () -> Nd4j.create(VocabularyCloud.of(t).points(), new long[] {t.vocabSize(), 3}, 'c'), // [V, 3]
                format, out);
        PrintWriter w = spec.commandLine().getOut();
        written.forEach(w::println);
        w.flush();
        return 0;
    }

    static final class WhatConverter implements CommandLine.ITypeConverter<Exports.What> {
        @Override
        public Exports.What convert(String value) {
            try {
                return Exports.What.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown --what '" + value
                        + "': use token-table, position-table, projection or batch");
            }
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<Exports.Format> {
        @Override
        public Exports.Format convert(String value) {
            try {
                return Exports.Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

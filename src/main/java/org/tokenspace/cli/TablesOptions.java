package org.tokenspace.cli;

import org.tokenspace.io.Progress;
import org.tokenspace.io.TableFiles;
import org.tokenspace.model.LabeledTable;
import org.tokenspace.model.Tables;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Tables loaded from a safetensors file instead of seeded ones, e.g. a GPT-2 checkpoint. */
final class TablesOptions {
    @Option(names = "--tables", paramLabel = "FILE.safetensors",
            description = "Take the token and positional tables from this file instead of seeding them;"
                    + " their shapes set vocabSize, embeddingDim and contextLength. Neighbours and analogy need"
                    + " only the token table and also take a .npy or an Embedding Projector .tsv.")
    Path tables;

    @Option(names = "--token-tensor", paramLabel = "NAME",
            description = "The token table's name in --tables (default: ${DEFAULT-VALUE}).")
    String tokenTensor = "wte.weight";

    @Option(names = "--position-tensor", paramLabel = "NAME",
            description = "The positional table's name in --tables (default: ${DEFAULT-VALUE}).")
    String positionTensor = "wpe.weight";

    /**
     * The token table alone, from a .npy, a .safetensors ({@code --token-tensor}) or a projector .tsv (with its
     * {@code _metadata.tsv} labels when beside it), or null when no file was given.
     */
    LabeledTable tokenTable() {
        return tables == null ? null : TableFiles.open(tables, tokenTensor, null, Progress.NONE);
    }

    /** The loaded tables, or null when none were asked for. */
    Tables load() {
        return tables == null ? null : TableFiles.tables(tables, tokenTensor, positionTensor, Progress.NONE);
    }
}

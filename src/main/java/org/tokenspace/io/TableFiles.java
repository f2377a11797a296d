package org.tokenspace.io;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.LabeledTable;
import org.tokenspace.model.Settings;
import org.tokenspace.model.Tables;
import org.tokenspace.model.TokenSpaceException;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Opening tables of vectors from the three formats: {@code .npy} (one 2-D array), {@code .safetensors} (the user
 * picks a tensor, e.g. a GPT-2 checkpoint's {@code wte.weight} or {@code wpe.weight}) and the Embedding Projector's
 * TSV pair. This is what the app's "Open vectors" and {@code tokenspace embed --tables} call.
 */
public final class TableFiles {
    /** The formats a table is read from. */
    public enum Format { NPY, SAFETENSORS, PROJECTOR_TSV }

    private TableFiles() {
    }

    /** The format of {@code file}, from its extension, else from its first bytes. */
    public static Format format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return Format.NPY;
        }
        if (name.endsWith(".safetensors")) {
            return Format.SAFETENSORS;
        }
        if (name.endsWith(".tsv")) {
            return Format.PROJECTOR_TSV;
        }
        byte[] head = FileReads.withChannel(file, ch -> {
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(9, ch.size()));
            FileReads.readFully(ch, b, 0, file, "the first bytes");
            return b.array();
        });
        if (head.length >= 6 && (head[0] & 0xff) == 0x93 && head[1] == 'N' && head[2] == 'U') {
            return Format.NPY;
        }
        if (head.length == 9 && head[8] == '{') {
            return Format.SAFETENSORS;
        }
        throw new FileFormatException(file, "not a .npy, .safetensors or projector .tsv file");
    }

    /** Every tensor of a {@code .npy} or {@code .safetensors} file, as {@code tokenspace inspect} lists them. */
    public static List<TensorInfo> inspect(Path file) {
        return switch (format(file)) {
            case NPY -> List.of(Npy.inspect(file));
            case SAFETENSORS -> Safetensors.inspect(file);
            case PROJECTOR_TSV -> throw new FileFormatException(file,
                    "a TSV file has no header to inspect: open it as vectors");
        };
    }

    /** The tensors of a file that can be opened as a table: 2-D, with a float dtype. */
    public static List<TensorInfo> tables(Path file) {
        return inspect(file).stream().filter(t -> t.rank() == 2 && isFloat(t.dtype())).toList();
    }

    private static boolean isFloat(String dtype) {
        return List.of("<f4", "<f8", "<f2", "F32", "F16", "BF16", "F64").contains(dtype);
    }

    /**
     * Opens one table with its labels.
     *
     * @param tensor   the safetensors tensor to open (ignored for the other formats)
     * @param metadata a projector metadata file with one label per row, or null: then a {@code .tsv}'s
     *                 {@code NAME_metadata.tsv} beside it, else GPT-2 token texts for 50257 rows, else row numbers
     */
    public static LabeledTable open(Path file, String tensor, Path metadata, Progress progress) {
        Format f = format(file);
        String name = file.getFileName().toString();
        INDArray vectors = switch (f) {
            case NPY -> Npy.read(file, progress);
            case SAFETENSORS -> {
                if (tensor == null) {
                    throw new TokenSpaceException("choose a tensor of " + file + ": " + names(tables(file)));
                }
                name = tensor;
                yield Safetensors.read(file, tensor, progress);
            }
            case PROJECTOR_TSV -> ProjectorTsv.readVectors(file, progress);
        };
        if (vectors.rank() != 2) {
            throw new FileFormatException(file, name + " has shape " + Arrays.toString(vectors.shape())
                    + ": a table of vectors needs 2 dimensions, [rows, dim]");
        }
        Path meta = metadata != null ? metadata
                : f == Format.PROJECTOR_TSV ? ProjectorTsv.existingMetadata(file) : null;
        List<String> labels = meta == null ? null : ProjectorTsv.readLabels(meta, vectors.rows());
        return LabeledTable.of(name, file.toString(), vectors, labels);
    }

    /**
     * The token and positional tables from one safetensors file, e.g. a GPT-2 checkpoint's {@code wte.weight}
     * {@code [50257, 768]} and {@code wpe.weight} {@code [1024, 768]}; progress runs over both.
     */
    public static Tables tables(Path file, String tokenTensor, String positionTensor, Progress progress) {
        if (format(file) != Format.SAFETENSORS) {
            throw new TokenSpaceException(file + " is not a .safetensors file: --tables needs one file with both"
                    + " tables");
        }
        Progress first = new Progress(x -> progress.fraction().accept(x * 0.9), progress.cancelled());
        Progress second = new Progress(x -> progress.fraction().accept(0.9 + x * 0.1), progress.cancelled());
        INDArray token = table(file, tokenTensor, "token", first);
        INDArray position = table(file, positionTensor, "positional", second);
        return new Tables(token, position);
    }

    /**
     * The tables every stage uses from a file: a {@code .safetensors} token and positional tensor
     * ({@code positionTensor} not null), or one table ({@code .npy}, projector TSV with its metadata, or one tensor)
     * with a positional table seeded from {@code settings} (seed, contextLength, kernel) at its width.
     */
    public static Tables load(Path file, String tokenTensor, String positionTensor, Settings settings,
                              Progress progress) {
        if (positionTensor != null) {
            return tables(file, tokenTensor, positionTensor, progress);
        }
        return Tables.withSeededPositions(open(file, tokenTensor, null, progress), settings.seed(),
                settings.contextLength(), settings.kernel());
    }

    private static INDArray table(Path file, String tensor, String what, Progress progress) {
        INDArray t = Safetensors.read(file, tensor, progress);
        if (t.rank() != 2) {
            throw new FileFormatException(file, "the " + what + " table '" + tensor + "' has shape "
                    + Arrays.toString(t.shape()) + ", not [rows, dim]");
        }
        return t;
    }

    private static String names(List<TensorInfo> infos) {
        return infos.isEmpty() ? "it has no 2-D float tensors"
                : "it has " + String.join(", ", infos.stream().map(TensorInfo::name).toList());
    }
}

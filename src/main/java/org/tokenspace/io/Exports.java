package org.tokenspace.io;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.model.Batch;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.model.RowLabels;
import org.tokenspace.model.Tables;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Writes tables and batches into a folder, one file per tensor, each through {@link AtomicFiles}. File names are the
 * tensor names: {@code token_table}, {@code position_table}; for a batch {@code inputs}, {@code targets} (int64 ids
 * {@code [B, T]}), {@code token_embeddings} and {@code input_embeddings} ({@code [B, T, D]}) and
 * {@code position_embeddings} ({@code [T, D]}). Formats:
 * <ul>
 *   <li>{@code npy}: one {@code NAME.npy} per tensor, float32 (ids int64), shapes as above;</li>
 *   <li>{@code safetensors}: one file ({@code token_table.safetensors}, {@code position_table.safetensors} or
 *       {@code batch.safetensors}) holding the tensors under those names;</li>
 *   <li>{@code csv}: one {@code NAME.csv} per tensor with a header; a table has {@code id,token,d0..} or
 *       {@code position,d0..}; {@code [B, T, D]} becomes B*T rows {@code b,t,id,token,d0..}; ids are
 *       {@code [B, T]} with {@code t0..};</li>
 *   <li>{@code projector-tsv}: {@code NAME.tsv} (vectors, no header) and {@code NAME_metadata.tsv} (header
 *       {@code token\tid}, and for a batch also {@code b}, {@code t}, {@code target_token}, {@code target_id}),
 *       batch rows in order b, then t.</li>
 * </ul>
 */
public final class Exports {
    /** What can be exported. */
    public enum What {
        TOKEN_TABLE, POSITION_TABLE, BATCH, PROJECTION;

        /** {@code token-table}, {@code position-table}, {@code batch}, {@code projection}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Writes {@code what} into {@code dir}: a table of {@code tables}, the batch of {@code batch}, or the token table
     * in its fitted PCA axes ({@code projection}, {@code [V, 3]}); a part not needed is never asked for.
     */
    public static List<Path> write(What what, Tables tables, Supplier<PipelineResult> batch,
                                   Supplier<INDArray> projection, Format format, Path dir) {
        return switch (what) {
            case TOKEN_TABLE -> tokenTable(tables.tokenTable(), tables.labels(), format, dir);
            case POSITION_TABLE -> positionTable(tables.positionTable(), format, dir);
            case PROJECTION -> projection(projection.get(), tables.labels(), format, dir);
            case BATCH -> batch(batch.get(), format, dir);
        };
    }

    /** The export formats. */
    public enum Format {
        NPY, CSV, PROJECTOR_TSV, SAFETENSORS;

        /** {@code npy}, {@code csv}, {@code projector-tsv}, {@code safetensors}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Format parse(String id) {
            for (Format f : values()) {
                if (f.id().equalsIgnoreCase(id.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + id + "': use npy, csv, projector-tsv or"
                    + " safetensors");
        }
    }

    private Exports() {
    }

    /** The token table {@code [V, D]}, labelled with GPT-2 token texts; returns the files written. */
    public static List<Path> tokenTable(INDArray table, RowLabels labels, Format format, Path dir) {
        return table("token_table", table, List.of("id", "token"), r -> List.of(Integer.toString(r), labels.of(r)),
                r -> List.of(labels.of(r), Integer.toString(r)), format, dir);
    }

    /** The token table's coordinates in fitted PCA axes, {@code [V, k]}, labeled like the token table. */
    public static List<Path> projection(INDArray coordinates, RowLabels labels, Format format, Path dir) {
        return table("projection", coordinates, List.of("id", "token"), r -> List.of(Integer.toString(r),
                labels.of(r)), r -> List.of(labels.of(r), Integer.toString(r)), format, dir);
    }

    /** The positional table {@code [C, D]}; a row's projector label is {@code pos N}. */
    public static List<Path> positionTable(INDArray table, Format format, Path dir) {
        return table("position_table", table, List.of("position"), r -> List.of(Integer.toString(r)),
                r -> List.of("pos " + r, Integer.toString(r)), format, dir);
    }

    private static List<Path> table(String name, INDArray table, List<String> csvHeader,
                                    IntFunction<List<String>> csvCells, IntFunction<List<String>> metadataCells,
                                    Format format, Path dir) {
        int rows = (int) table.rows();
        return switch (format) {
            case NPY -> {
                Path f = dir.resolve(name + ".npy");
                Npy.write(f, table);
                yield List.of(f);
            }
            case SAFETENSORS -> {
                Path f = dir.resolve(name + ".safetensors");
                Safetensors.write(f, List.of(Safetensors.Tensor.of(name, table)));
                yield List.of(f);
            }
            case CSV -> {
                Path f = dir.resolve(name + ".csv");
                Csv.write(f, table, csvHeader, csvCells);
                yield List.of(f);
            }
            case PROJECTOR_TSV -> {
                Path f = dir.resolve(name + ".tsv");
                ProjectorTsv.writeVectors(f, table);
                Path m = ProjectorTsv.metadataFor(f);
                ProjectorTsv.writeMetadata(m, ProjectorTsv.METADATA_HEADER, rows, metadataCells);
                yield List.of(f, m);
            }
        };
    }

    /** One batch: ids, token, positional and input embeddings; returns the files written. */
    public static List<Path> batch(PipelineResult r, Format format, Path dir) {
        Batch b = r.batch();
        int[][] inputs = b.inputs();
        int[][] targets = b.targets();
        int time = b.maxLength();
        int rows = b.batchSize() * time;
        long dim = r.inputEmbeddings().size(2);
        INDArray tokenRows = r.tokenEmbeddings().reshape('c', rows, dim); // [B*T, D]
        INDArray inputRows = r.inputEmbeddings().reshape('c', rows, dim); // [B*T, D]
        List<Path> out = new ArrayList<>();
        switch (format) {
            case NPY -> {
                Npy.writeIds(add(out, dir.resolve("inputs.npy")), inputs);
                Npy.writeIds(add(out, dir.resolve("targets.npy")), targets);
                Npy.write(add(out, dir.resolve("token_embeddings.npy")), r.tokenEmbeddings());
                Npy.write(add(out, dir.resolve("position_embeddings.npy")), r.positionEmbeddings());
                Npy.write(add(out, dir.resolve("input_embeddings.npy")), r.inputEmbeddings());
            }
            case SAFETENSORS -> Safetensors.write(add(out, dir.resolve("batch.safetensors")), List.of(
                    Safetensors.Tensor.ids("inputs", inputs),
                    Safetensors.Tensor.ids("targets", targets),
                    Safetensors.Tensor.of("token_embeddings", r.tokenEmbeddings()),
                    Safetensors.Tensor.of("position_embeddings", r.positionEmbeddings()),
                    Safetensors.Tensor.of("input_embeddings", r.inputEmbeddings())));
            case CSV -> {
                Csv.writeIds(add(out, dir.resolve("inputs.csv")), inputs);
                Csv.writeIds(add(out, dir.resolve("targets.csv")), targets);
                List<String> header = List.of("b", "t", "id", "token");
                IntFunction<List<String>> cells = i -> {
                    int id = inputs[i / time][i % time];
                    return List.of(Integer.toString(i / time), Integer.toString(i % time), Integer.toString(id),
                            r.tables().label(id));
                };
                Csv.write(add(out, dir.resolve("token_embeddings.csv")), tokenRows, header, cells);
                Csv.write(add(out, dir.resolve("position_embeddings.csv")), r.positionEmbeddings(),
                        List.of("position"), t -> List.of(Integer.toString(t)));
                Csv.write(add(out, dir.resolve("input_embeddings.csv")), inputRows, header, cells);
            }
            case PROJECTOR_TSV -> {
                List<String> header = List.of("token", "id", "b", "t", "target_token", "target_id");
                IntFunction<List<String>> cells = i -> {
                    int id = inputs[i / time][i % time];
                    int target = targets[i / time][i % time];
                    return List.of(r.tables().label(id), Integer.toString(id), Integer.toString(i / time),
                            Integer.toString(i % time), r.tables().label(target), Integer.toString(target));
                };
                projector(out, dir.resolve("token_embeddings.tsv"), tokenRows, header, rows, cells);
                projector(out, dir.resolve("position_embeddings.tsv"), r.positionEmbeddings(),
                        ProjectorTsv.METADATA_HEADER, time, t -> List.of("pos " + t, Integer.toString(t)));
                projector(out, dir.resolve("input_embeddings.tsv"), inputRows, header, rows, cells);
            }
            default -> throw new AssertionError(format);
        }
        return out;
    }

    private static void projector(List<Path> out, Path vectors, INDArray matrix, List<String> header, int rows,
                                  IntFunction<List<String>> cells) {
        ProjectorTsv.writeVectors(add(out, vectors), matrix);
        ProjectorTsv.writeMetadata(add(out, ProjectorTsv.metadataFor(vectors)), header, rows, cells);
    }

    private static Path add(List<Path> out, Path p) {
        out.add(p);
        return p;
    }
}

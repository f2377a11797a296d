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
            case PROJECTOR_TSV -> write(dir, ProjectorTsv.pair(name, table, ProjectorTsv.METADATA_HEADER,
                    metadataCells));
        };
    }

    /** One batch: ids, token, positional and input embeddings; returns the files written. */
    public static List<Path> batch(PipelineResult r, Format format, Path dir) {
        Batch b = r.batch();
        int[][] inputs = b.inputs();
        int[][] targets = b.targets();
        int time = b.maxLength();
        long dim = r.inputEmbeddings().size(2);
        int rows = b.batchSize() * time;
        INDArray tokenRows = r.tokenEmbeddings().reshape('c', rows, dim); // [B*T, D]
        INDArray inputRows = r.inputEmbeddings().reshape('c', rows, dim); // [B*T, D]
        List<AtomicFiles.Part> parts = new ArrayList<>();
        switch (format) {
            case NPY -> {
                parts.add(Npy.idsPart("inputs.npy", inputs));
                parts.add(Npy.idsPart("targets.npy", targets));
                parts.add(Npy.part("token_embeddings.npy", r.tokenEmbeddings()));
                parts.add(Npy.part("position_embeddings.npy", r.positionEmbeddings()));
                parts.add(Npy.part("input_embeddings.npy", r.inputEmbeddings()));
            }
            case SAFETENSORS -> {
                Path f = dir.resolve("batch.safetensors");
                Safetensors.write(f, List.of(
                        Safetensors.Tensor.ids("inputs", inputs),
                        Safetensors.Tensor.ids("targets", targets),
                        Safetensors.Tensor.of("token_embeddings", r.tokenEmbeddings()),
                        Safetensors.Tensor.of("position_embeddings", r.positionEmbeddings()),
                        Safetensors.Tensor.of("input_embeddings", r.inputEmbeddings())));
                return List.of(f);
            }
            case CSV -> {
                parts.add(new AtomicFiles.Part("inputs.csv", Csv.idsContent(inputs)));
                parts.add(new AtomicFiles.Part("targets.csv", Csv.idsContent(targets)));
                List<String> header = List.of("b", "t", "id", "token");
                IntFunction<List<String>> cells = i -> {
                    int id = inputs[i / time][i % time];
                    return List.of(Integer.toString(i / time), Integer.toString(i % time), Integer.toString(id),
                            r.tables().label(id));
                };
                parts.add(new AtomicFiles.Part("token_embeddings.csv", Csv.content(tokenRows, header, cells)));
                parts.add(new AtomicFiles.Part("position_embeddings.csv", Csv.content(r.positionEmbeddings(),
                        List.of("position"), t -> List.of(Integer.toString(t)))));
                parts.add(new AtomicFiles.Part("input_embeddings.csv", Csv.content(inputRows, header, cells)));
            }
            case PROJECTOR_TSV -> {
                List<String> header = List.of("token", "id", "b", "t", "target_token", "target_id");
                IntFunction<List<String>> cells = i -> {
                    int id = inputs[i / time][i % time];
                    int target = targets[i / time][i % time];
                    return List.of(r.tables().label(id), Integer.toString(id), Integer.toString(i / time),
                            Integer.toString(i % time), r.tables().label(target), Integer.toString(target));
                };
                parts.addAll(ProjectorTsv.pair("token_embeddings", tokenRows, header, cells));
                parts.addAll(ProjectorTsv.pair("position_embeddings", r.positionEmbeddings(),
                        ProjectorTsv.METADATA_HEADER, t -> List.of("pos " + t, Integer.toString(t))));
                parts.addAll(ProjectorTsv.pair("input_embeddings", inputRows, header, cells));
            }
            default -> throw new AssertionError(format);
        }
        return write(dir, parts);
    }

    /** Writes {@code parts} into {@code dir} as one set; returns the files written. */
    private static List<Path> write(Path dir, List<AtomicFiles.Part> parts) {
        AtomicFiles.writeSet(dir, parts);
        return parts.stream().map(p -> dir.resolve(p.name())).toList();
    }
}

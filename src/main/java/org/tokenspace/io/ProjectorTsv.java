package org.tokenspace.io;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The two TSV files the TensorFlow Embedding Projector (projector.tensorflow.org, "Load") reads: vectors, one row
 * per line, values separated by tabs, no header; and metadata, a header line ({@code token\tid}) then one line per
 * vector. In token texts a tab, line break or backslash is escaped ({@code \t}, {@code \n}, {@code \r},
 * {@code \\}) so each vector keeps exactly one metadata line.
 */
public final class ProjectorTsv {
    /** The metadata header of a table: the token text, then its id. */
    public static final List<String> METADATA_HEADER = List.of("token", "id");

    private ProjectorTsv() {
    }

    /** The metadata file beside a vectors file: {@code token_table.tsv} gives {@code token_table_metadata.tsv}. */
    public static Path metadataFor(Path vectors) {
        String name = vectors.getFileName().toString().replaceFirst("(?i)\\.tsv$", "");
        return vectors.resolveSibling(name + "_metadata.tsv");
    }

    // ---- writing ----

    /** Writes {@code matrix [rows, D]} as the vectors file, atomically. */
    public static void writeVectors(Path file, INDArray matrix) {
        AtomicFiles.write(file, vectors(matrix));
    }

    /** Writes the metadata file: {@code header}, then the (escaped) cells of each row, atomically. */
    public static void writeMetadata(Path file, List<String> header, int rows, IntFunction<List<String>> cells) {
        AtomicFiles.write(file, metadata(header, rows, cells));
    }

    /**
     * The vectors file {@code NAME.tsv} of {@code matrix [rows, D]} and its metadata file {@code NAME_metadata.tsv},
     * as the two files of a set: a folder never holds new vectors beside old labels.
     */
    public static List<AtomicFiles.Part> pair(String name, INDArray matrix, List<String> header,
                                              IntFunction<List<String>> cells) {
        Path vectors = Path.of(name + ".tsv");
        return List.of(new AtomicFiles.Part(vectors.toString(), vectors(matrix)),
                new AtomicFiles.Part(metadataFor(vectors).toString(), metadata(header, (int) matrix.size(0), cells)));
    }

    static AtomicFiles.Content vectors(INDArray matrix) {
        return Delimited.content('\t', ProjectorTsv::escape, null, (int) matrix.size(0), null, matrix);
    }

    static AtomicFiles.Content metadata(List<String> header, int rows, IntFunction<List<String>> cells) {
        return Delimited.content('\t', ProjectorTsv::escape, header, rows, cells, null);
    }

    static String escape(String cell) {
        StringBuilder s = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    static String unescape(String cell) {
        if (cell.indexOf('\\') < 0) {
            return cell;
        }
        StringBuilder s = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '\\' && i + 1 < cell.length()) {
                char n = cell.charAt(++i);
                switch (n) {
                    case 't' -> s.append('\t');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case '\\' -> s.append('\\');
                    default -> s.append('\\').append(n);
                }
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    // ---- reading ----

    /** Reads the vectors file as float32 {@code [rows, D]}. */
    public static INDArray readVectors(Path file, Progress progress) {
        return FileReads.withChannel(file, ch -> {
            long size = ch.size();
            // Pass 1: rows and columns, so the table is checked against memory before it is made
            int cols = -1;
            long rows = 0;
            {
                Lines in = new Lines(ch, file);
                String line;
                while ((line = in.next()) != null) {
                    rows++;
                    int n = line.isEmpty() ? 0 : count(line, '\t') + 1;
                    if (n == 0) {
                        throw new FileFormatException(file, "line " + rows + " is empty: every line needs a vector");
                    }
                    if (cols < 0) {
                        cols = n;
                    } else if (n != cols) {
                        throw new FileFormatException(file, "line " + rows + " has " + n + " values but line 1 has "
                                + cols + ": the rows are ragged");
                    }
                }
            }
            if (rows == 0) {
                throw new FileFormatException(file, "the file is empty: it holds no vectors");
            }
            long count = rows * cols;
            TensorData.requireMemory(file, "a " + rows + " x " + cols + " table", count);
            // Pass 2: the values
            float[] values = new float[(int) count];
            ch.position(0);
            {
                Lines in = new Lines(ch, file);
                long done = 0;
                int i = 0;
                for (int r = 0; r < rows; r++) {
                    String line = in.next();
                    if (line == null) {
                        throw new FileFormatException(file, "the file changed while it was read");
                    }
                    int start = 0;
                    for (int c = 0; c < cols; c++) {
                        int end = line.indexOf('\t', start);
                        if (end < 0) {
                            end = line.length();
                        }
                        values[i++] = number(line, start, end, file, r + 1, c + 1);
                        start = end + 1;
                    }
                    done += line.length() + 1;
                    if ((r & 1023) == 0) {
                        progress.step(done, size);
                    }
                }
            }
            progress.step(size, size);
            return Nd4j.create(values, new long[] {rows, cols}, 'c'); // [rows, D]
        });
    }

    /**
     * Reads the labels of a metadata file with {@code rows} entries. With more than one column the first line is
     * the header and the labels are the {@code token} column (else the first); a one-column file has no header.
     */
    public static List<String> readLabels(Path file, long rows) {
        return FileReads.withChannel(file, ch -> {
            if (ch.size() > Integer.MAX_VALUE - 16) {
                throw new FileFormatException(file, "the metadata file is too large (" + ch.size() + " bytes)");
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) ch.size());
            FileReads.readFully(ch, bytes, 0, file, "the metadata");
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip()).toString();
            } catch (CharacterCodingException e) {
                throw new FileFormatException(file, "the metadata is not UTF-8 text");
            }
            List<String> lines = new ArrayList<>(text.lines().toList());
            if (lines.isEmpty()) {
                throw new FileFormatException(file, "the metadata file is empty");
            }
            int columns = count(lines.get(0), '\t') + 1;
            int labelColumn = 0;
            int first = 0;
            if (columns > 1) {
                List<String> header = List.of(lines.get(0).split("\t", -1));
                labelColumn = Math.max(0, header.indexOf("token"));
                first = 1;
            }
            if (lines.size() - first != rows) {
                throw new FileFormatException(file, "the metadata has " + (lines.size() - first)
                        + " rows but the table has " + rows + ": they need one label per vector");
            }
            List<String> labels = new ArrayList<>((int) rows);
            for (int i = first; i < lines.size(); i++) {
                String line = lines.get(i);
                int n = count(line, '\t') + 1;
                if (n != columns) {
                    throw new FileFormatException(file, "line " + (i + 1) + " has " + n + " columns but the "
                            + (first == 1 ? "header has " : "first line has ") + columns + ": the rows are ragged");
                }
                labels.add(unescape(columns == 1 ? line : line.split("\t", -1)[labelColumn]));
            }
            return labels;
        });
    }

    /** The vectors file's metadata beside it when it exists, else null. */
    public static Path existingMetadata(Path vectors) {
        Path m = metadataFor(vectors);
        return Files.isRegularFile(m) ? m : null;
    }

    /**
     * The lines of a file from the channel's position, ended by {@code \n}, {@code \r\n} or {@code \r} as
     * {@code BufferedReader} ends them, each byte one character (ISO-8859-1: anything that is not ASCII then fails as
     * "not a number"). A line may be at most {@link #MAX_LINE} characters, so a file without line breaks (a binary
     * file named {@code .tsv}) is refused instead of filling the memory. The channel is left open.
     */
    static final class Lines {
        /** 64 Mi characters: a row of several million numbers. */
        static final int MAX_LINE = 1 << 26;
        private final java.io.InputStream in;
        private final Path file;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private long number;
        private byte[] line = new byte[256];

        Lines(FileChannel ch, Path file) {
            this.in = Channels.newInputStream(ch);
            this.file = file;
        }

        /** The next line without its ending, or null at the end of the file. */
        String next() throws IOException {
            int n = 0;
            while (true) {
                if (pos == end && !fill()) {
                    return n == 0 ? null : text(n);
                }
                byte b = buf[pos++];
                if (b == '\n') {
                    return text(n);
                }
                if (b == '\r') {
                    if ((pos < end || fill()) && buf[pos] == '\n') {
                        pos++;
                    }
                    return text(n);
                }
                if (n == line.length) {
                    if (n >= MAX_LINE) {
                        throw new FileFormatException(file, "line " + (number + 1) + " is longer than " + MAX_LINE
                                + " characters: this is not a TSV file of vectors or labels");
                    }
                    line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, 2 * n));
                }
                line[n++] = b;
            }
        }

        private boolean fill() throws IOException {
            end = Math.max(0, in.read(buf));
            pos = 0;
            return end > 0;
        }

        private String text(int n) {
            number++;
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }
    }

    /** Parses {@code line[start, end)} strictly: a decimal number, {@code nan}, {@code inf} or {@code infinity}. */
    static float number(String line, int start, int end, Path file, long row, int col) {
        String s = line.substring(start, end).strip();
        if (!isNumber(s)) {
            String shown = s.length() > 24 ? s.substring(0, 24) + "..." : s;
            throw new FileFormatException(file, "line " + row + ", column " + col + ": '" + shown
                    + "' is not a number");
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String bare = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (bare.equals("nan")) {
            return Float.NaN;
        }
        if (bare.equals("inf") || bare.equals("infinity")) {
            return lower.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        return Float.parseFloat(s);
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, or nan / inf / infinity. */
    static boolean isNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        String rest = s.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (rest.equals("nan") || rest.equals("inf") || rest.equals("infinity")) {
            return true;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}

package org.tokenspace.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.Settings;
import org.tokenspace.model.TokenSpaceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A saved session ({@code .tokenspace.json}): everything the user set up, to reopen the same picture. The text is
 * kept in the file (nothing is lost if its source file moves or changes), with the source file's path and SHA-256
 * when it came from one. A session of another format or of a newer version is refused, never misread.
 */
public final class SessionFile {
    public static final String FORMAT = "tokenspace-session";
    public static final int VERSION = 1;
    private static final long MAX_BYTES = 1L << 30;
    /** Strict: a number where text belongs, 1.5 where a whole number belongs, are refused, never converted. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private SessionFile() {
    }

    /** Where the tables came from, when they were loaded from a file rather than seeded. */
    public record TablesSource(String file, String tokenTensor, String positionTensor) {
    }

    /**
     * Training done on the session's text and tables: replayed step by step on reopening (it is deterministic),
     * so the file stays small. Each segment is a number of steps at one learning rate and weight decay.
     */
    public record Training(String optimizer, List<Segment> segments, boolean inWalkthrough) {
        public record Segment(long steps, double lr, double weightDecay) {
        }

        /** Steps in all. */
        public long steps() {
            return segments.stream().mapToLong(Segment::steps).sum();
        }
    }

    /**
     * One session. {@code textFile} and {@code textSha256} are null for a typed or the sample text; {@code tables} is
     * null for seeded tables; {@code step} is a stage's name; the selection is a token id and its place in the batch
     * (-1 outside it); {@code training} is null when nothing was trained.
     */
    public record Session(String text, String textFile, String textSha256, Settings settings, TablesSource tables,
                          String step, int selectedId, int selectedRow, int selectedPosition, Training training) {
    }

    // the file's JSON, mapped by Jackson
    private record FileJson(String format, Integer version, TextJson text, SettingsJson settings,
                            TablesSource tables, ViewJson view, Training training) {
    }

    private record TextJson(String content, String file, String sha256) {
    }

    private record SettingsJson(String seed, Integer vocabSize, Integer embeddingDim, Integer contextLength,
                                Integer batchSize, Integer maxLength, Integer stride, Boolean shuffle,
                                Boolean dropLast, Integer epoch, Integer batchIndex, String kernel) {
    }

    private record ViewJson(String step, Integer selectedId, Integer selectedRow, Integer selectedPosition) {
    }

    public static void write(Path file, Session s) {
        Settings st = s.settings();
        FileJson json = new FileJson(FORMAT, VERSION, new TextJson(s.text(), s.textFile(), s.textSha256()),
                new SettingsJson(Long.toUnsignedString(st.seed()), st.vocabSize(), st.embeddingDim(),
                        st.contextLength(), st.batchSize(), st.maxLength(), st.stride(), st.shuffle(), st.dropLast(),
                        st.epoch(), st.batchIndex(), st.kernel().cliName()),
                s.tables(), new ViewJson(s.step(), s.selectedId(), s.selectedRow(), s.selectedPosition()),
                s.training());
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new TokenSpaceException("cannot write the session " + file + ": " + e.getOriginalMessage());
        }
    }

    public static Session read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new FileFormatException(file, "is larger than 1 GB, too large for a session file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TokenSpaceException("cannot read " + file + ": the file does not exist");
        } catch (IOException e) {
            throw new TokenSpaceException("cannot read " + file + ": " + AtomicFiles.describe(e));
        }
        return parse(bytes, file);
    }

    /** Parses a session's bytes; every problem is a {@link FileFormatException} naming the file. */
    public static Session parse(byte[] bytes, Path file) {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new FileFormatException(file, "is not a TokenSpace session (not valid JSON)");
        }
        if (tree == null || !tree.isObject() || !FORMAT.equals(tree.path("format").asText(null))) {
            throw new FileFormatException(file, "is not a TokenSpace session (no \"format\": \"" + FORMAT + "\")");
        }
        JsonNode version = tree.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new FileFormatException(file, "has no session version");
        }
        if (version.asInt() != VERSION) {
            throw new FileFormatException(file, "is a session of version " + version.asText() + "; this TokenSpace "
                    + "reads version " + VERSION + (version.asInt() > VERSION ? ": open it with a newer TokenSpace" : ""));
        }
        FileJson json;
        try {
            json = JSON.treeToValue(tree, FileJson.class);
        } catch (JsonProcessingException e) {
            throw new FileFormatException(file, "has a value of the wrong kind for \"" + field(e) + "\"");
        }
        TextJson text = required(json.text(), "text", file);
        SettingsJson set = required(json.settings(), "settings", file);
        ViewJson view = required(json.view(), "view", file);
        if (text.file() != null && (text.sha256() == null || !text.sha256().matches("[0-9a-f]{64}"))) {
            throw new FileFormatException(file, "names a text file but no valid SHA-256 for it");
        }
        Settings settings;
        try {
            settings = new Settings(seed(required(set.seed(), "seed", file), file),
                    required(set.vocabSize(), "vocabSize", file), required(set.embeddingDim(), "embeddingDim", file),
                    required(set.contextLength(), "contextLength", file), required(set.batchSize(), "batchSize", file),
                    required(set.maxLength(), "maxLength", file), required(set.stride(), "stride", file),
                    required(set.shuffle(), "shuffle", file), required(set.dropLast(), "dropLast", file),
                    required(set.epoch(), "epoch", file), required(set.batchIndex(), "batchIndex", file),
                    NormalKernel.parse(required(set.kernel(), "kernel", file))).validate();
        } catch (FileFormatException e) {
            throw e;
        } catch (TokenSpaceException | IllegalArgumentException e) {
            throw new FileFormatException(file, "has settings that cannot work: " + e.getMessage());
        }
        if (json.tables() != null) {
            required(json.tables().file(), "file", file);
        }
        Training training = json.training();
        if (training != null) {
            required(training.optimizer(), "optimizer", file);
            for (Training.Segment seg : required(training.segments(), "segments", file)) {
                if (seg.steps() < 0 || !(seg.lr() > 0) || !(seg.weightDecay() >= 0)) {
                    throw new FileFormatException(file, "has a training segment that cannot work: " + seg);
                }
            }
        }
        return new Session(required(text.content(), "content", file), text.file(), text.sha256(), settings,
                json.tables(), required(view.step(), "step", file), required(view.selectedId(), "selectedId", file),
                required(view.selectedRow(), "selectedRow", file),
                required(view.selectedPosition(), "selectedPosition", file), training);
    }

    /** The JSON field a binding problem is at. */
    private static String field(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            String name = m.getPath().get(m.getPath().size() - 1).getFieldName();
            return name == null ? "a list" : name;
        }
        return "a value";
    }

    private static <T> T required(T value, String key, Path file) {
        if (value == null) {
            throw new FileFormatException(file, "has no \"" + key + "\"");
        }
        return value;
    }

    /** SHA-256 of a text's UTF-8 bytes, as lowercase hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long seed(String s, Path file) {
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new FileFormatException(file, "has a seed that is not a 64-bit whole number: " + s);
        }
    }
}

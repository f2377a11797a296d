package org.tokenspace.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * A saved session ({@code .tokenspace.json}): everything the user set up, to reopen the same picture. The text is
 * kept in the file (nothing is lost if its source file moves or changes), with the source file's path and SHA-256
 * when it came from one. A session of another format or of a newer version is refused, never misread.
 */
public final class SessionFile {
    public static final String FORMAT = "tokenspace-session";
    public static final int VERSION = 1;
    private static final long MAX_BYTES = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionFile() {
    }

    /** Where the tables came from, when they were loaded from a file rather than seeded. */
    public record TablesSource(String file, String tokenTensor, String positionTensor) {
    }

    /**
     * One session. {@code textFile} and {@code textSha256} are null for a typed or the sample text; {@code tables} is
     * null for seeded tables; {@code step} is a stage's name; the selection is a token id and its place in the batch
     * (-1 outside it).
     */
    public record Session(String text, String textFile, String textSha256, Settings settings, TablesSource tables,
                          String step, int selectedId, int selectedRow, int selectedPosition) {
    }

    public static void write(Path file, Session s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode text = root.putObject("text");
        text.put("content", s.text());
        if (s.textFile() != null) {
            text.put("file", s.textFile());
            text.put("sha256", s.textSha256());
        }
        Settings st = s.settings();
        ObjectNode set = root.putObject("settings");
        set.put("seed", Long.toUnsignedString(st.seed()));
        set.put("vocabSize", st.vocabSize());
        set.put("embeddingDim", st.embeddingDim());
        set.put("contextLength", st.contextLength());
        set.put("batchSize", st.batchSize());
        set.put("maxLength", st.maxLength());
        set.put("stride", st.stride());
        set.put("shuffle", st.shuffle());
        set.put("dropLast", st.dropLast());
        set.put("epoch", st.epoch());
        set.put("batchIndex", st.batchIndex());
        set.put("kernel", st.kernel().cliName());
        if (s.tables() != null) {
            ObjectNode t = root.putObject("tables");
            t.put("file", s.tables().file());
            t.put("tokenTensor", s.tables().tokenTensor());
            t.put("positionTensor", s.tables().positionTensor());
        }
        ObjectNode view = root.putObject("view");
        view.put("step", s.step());
        view.put("selectedId", s.selectedId());
        view.put("selectedRow", s.selectedRow());
        view.put("selectedPosition", s.selectedPosition());
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new TokenSpaceException("cannot write the session " + file + ": " + e.getOriginalMessage());
        }
    }

    public static Session read(Path file) {
        byte[] bytes;
        try {
            Path path = FileReads.regularFile(file, "the session");
            if (Files.size(path) > MAX_BYTES) {
                throw new FileFormatException(file, "is larger than 1 GB, too large for a session file");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new TokenSpaceException("cannot read " + file + ": the file does not exist");
        } catch (IOException e) {
            throw new TokenSpaceException("cannot read " + file + ": " + AtomicFiles.describe(e));
        }
        return parse(bytes, file);
    }

    /** Parses a session's bytes; every problem is a {@link FileFormatException} naming the file. */
    public static Session parse(byte[] bytes, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new FileFormatException(file, "is not a TokenSpace session (not valid JSON)");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new FileFormatException(file, "is not a TokenSpace session (no \"format\": \"" + FORMAT + "\")");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new FileFormatException(file, "has no session version");
        }
        if (version.asInt() != VERSION) {
            throw new FileFormatException(file, "is a session of version " + version.asText() + "; this TokenSpace "
                    + "reads version " + VERSION + (version.asInt() > VERSION ? ": open it with a newer TokenSpace" : ""));
        }
        JsonNode text = object(root, "text", file);
        JsonNode set = object(root, "settings", file);
        JsonNode view = object(root, "view", file);
        String textFile = optionalText(text, "file", file);
        String sha = optionalText(text, "sha256", file);
        if (textFile != null && (sha == null || !sha.matches("[0-9a-f]{64}"))) {
            throw new FileFormatException(file, "names a text file but no valid SHA-256 for it");
        }
        Settings settings;
        try {
            settings = new Settings(seed(set, file), integer(set, "vocabSize", file), integer(set, "embeddingDim", file),
                    integer(set, "contextLength", file), integer(set, "batchSize", file), integer(set, "maxLength", file),
                    integer(set, "stride", file), bool(set, "shuffle", file), bool(set, "dropLast", file),
                    integer(set, "epoch", file), integer(set, "batchIndex", file),
                    NormalKernel.parse(string(set, "kernel", file))).validate();
        } catch (FileFormatException e) {
            throw e;
        } catch (TokenSpaceException e) {
            throw new FileFormatException(file, "has settings that cannot work: " + e.getMessage());
        }
        TablesSource tables = null;
        if (root.has("tables")) {
            JsonNode t = object(root, "tables", file);
            tables = new TablesSource(string(t, "file", file), optionalText(t, "tokenTensor", file),
                    optionalText(t, "positionTensor", file));
        }
        return new Session(string(text, "content", file), textFile, sha, settings, tables, string(view, "step", file),
                integer(view, "selectedId", file), integer(view, "selectedRow", file),
                integer(view, "selectedPosition", file));
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

    private static JsonNode object(JsonNode n, String key, Path file) {
        JsonNode v = n.get(key);
        if (v == null || !v.isObject()) {
            throw new FileFormatException(file, "has no \"" + key + "\" section");
        }
        return v;
    }

    private static String string(JsonNode n, String key, Path file) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new FileFormatException(file, "has no text for \"" + key + "\"");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String key, Path file) {
        return n.has(key) && !n.get(key).isNull() ? string(n, key, file) : null;
    }

    private static int integer(JsonNode n, String key, Path file) {
        JsonNode v = n.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new FileFormatException(file, "has no whole number for \"" + key + "\"");
        }
        return v.asInt();
    }

    private static boolean bool(JsonNode n, String key, Path file) {
        JsonNode v = n.get(key);
        if (v == null || !v.isBoolean()) {
            throw new FileFormatException(file, "has no true or false for \"" + key + "\"");
        }
        return v.asBoolean();
    }

    private static long seed(JsonNode n, Path file) {
        String s = string(n, "seed", file);
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new FileFormatException(file, "has a seed that is not a 64-bit whole number: " + s);
        }
    }
}

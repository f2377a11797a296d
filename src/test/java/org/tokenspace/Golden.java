package org.tokenspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference files made with PyTorch 1.13.1 and tiktoken, read from {@code ../shared} (never copied). */
public final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
    }

    public static Path shared() {
        Path p = Path.of(System.getProperty("tokenspace.shared", "../shared"));
        if (!Files.isDirectory(p.resolve("golden"))) {
            throw new IllegalStateException("golden files not found under " + p.toAbsolutePath()
                    + ": tests need ../shared beside the checkout");
        }
        return p;
    }

    public static JsonNode json(String name) {
        try {
            return JSON.readTree(shared().resolve("golden").resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path verdict() {
        return shared().resolve("data").resolve("the-verdict.txt");
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    public static int[][] intMatrix(JsonNode rows) {
        int[][] out = new int[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ints(rows.get(i));
        }
        return out;
    }

    /** {@code bits_u32}, flattened in row-major order, as float bit patterns. */
    public static int[] bits(JsonNode bitsU32) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        flatten(bitsU32, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void flatten(JsonNode n, java.util.List<Integer> out) {
        if (n.isArray()) {
            n.forEach(c -> flatten(c, out));
        } else {
            out.add((int) n.asLong());
        }
    }
}

package org.tokenspace.view;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A bundled TrueType font read straight from its file: which glyph its character map (the OpenType {@code cmap}
 * table, Windows Unicode subtables of formats 4 and 12) gives each code point, and whether that glyph has an outline
 * ({@code loca} and {@code glyf}). Written from the OpenType specification, so the tests do not ask JavaFX or AWT,
 * whose fallback to the machine's fonts would hide a missing glyph.
 */
final class FontFile {
    private final ByteBuffer b;
    private final Map<String, Integer> tables = new HashMap<>();
    private final Map<Integer, Integer> glyphs = new HashMap<>();

    private FontFile(byte[] bytes) {
        b = ByteBuffer.wrap(bytes);
        int count = u16(4);
        for (int i = 0; i < count; i++) {
            int rec = 12 + 16 * i;
            tables.put(new String(bytes, rec, 4, StandardCharsets.US_ASCII), b.getInt(rec + 8));
        }
        readCmap();
    }

    /** The bundled file {@code name} under {@code /org/tokenspace/fonts/}. */
    static FontFile bundled(String name) throws IOException {
        try (InputStream in = Fonts.class.getResourceAsStream("/org/tokenspace/fonts/" + name)) {
            if (in == null) {
                throw new IOException("no bundled font " + name);
            }
            return new FontFile(in.readAllBytes());
        }
    }

    /** Code point to glyph id, for every code point mapped to a glyph other than 0 (.notdef). */
    Map<Integer, Integer> cmap() {
        return Collections.unmodifiableMap(glyphs);
    }

    /** The glyph that draws {@code codePoint}, or 0 (.notdef, the box) when the font has none. */
    int glyph(int codePoint) {
        return glyphs.getOrDefault(codePoint, 0);
    }

    /** True when glyph {@code id} has an outline: contours of its own or components ({@code glyf} is not empty). */
    boolean hasOutline(int id) {
        int loca = table("loca");
        boolean longOffsets = b.getShort(table("head") + 50) != 0;
        long start = longOffsets ? b.getInt(loca + 4 * id) & 0xffffffffL : 2L * u16(loca + 2 * id);
        long end = longOffsets ? b.getInt(loca + 4 * id + 4) & 0xffffffffL : 2L * u16(loca + 2 * id + 2);
        if (end <= start) {
            return false; // an empty glyph: a space, or nothing drawn
        }
        return b.getShort(table("glyf") + (int) start) != 0; // numberOfContours: > 0 simple, -1 composite
    }

    private void readCmap() {
        int cmap = table("cmap");
        int subtables = u16(cmap + 2);
        for (int i = 0; i < subtables; i++) {
            int platform = u16(cmap + 4 + 8 * i);
            int encoding = u16(cmap + 6 + 8 * i);
            int at = cmap + b.getInt(cmap + 8 + 8 * i);
            int format = u16(at);
            if (platform == 3 && encoding == 10 && format == 12) {
                readFormat12(at);
            } else if (platform == 3 && encoding == 1 && format == 4) {
                readFormat4(at);
            }
        }
    }

    private void readFormat12(int at) {
        int groups = b.getInt(at + 12);
        for (int g = 0; g < groups; g++) {
            int start = b.getInt(at + 16 + 12 * g);
            int end = b.getInt(at + 20 + 12 * g);
            int glyph = b.getInt(at + 24 + 12 * g);
            for (int c = start; c <= end; c++) {
                put(c, glyph + c - start);
            }
        }
    }

    private void readFormat4(int at) {
        int segments = u16(at + 6) / 2;
        int ends = at + 14;
        int starts = ends + 2 * segments + 2;
        int deltas = starts + 2 * segments;
        int rangeOffsets = deltas + 2 * segments;
        for (int s = 0; s < segments; s++) {
            int end = u16(ends + 2 * s);
            int start = u16(starts + 2 * s);
            int delta = u16(deltas + 2 * s);
            int rangeOffset = u16(rangeOffsets + 2 * s);
            for (int c = start; c <= end && c != 0xffff; c++) {
                int glyph;
                if (rangeOffset == 0) {
                    glyph = (c + delta) & 0xffff;
                } else { // the offset counts from its own place in the idRangeOffset array
                    int g = u16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
                    glyph = g == 0 ? 0 : (g + delta) & 0xffff;
                }
                put(c, glyph);
            }
        }
    }

    private void put(int codePoint, int glyph) {
        if (glyph != 0) {
            glyphs.putIfAbsent(codePoint, glyph);
        }
    }

    private int table(String tag) {
        Integer at = tables.get(tag);
        if (at == null) {
            throw new IllegalStateException("the font has no " + tag + " table");
        }
        return at;
    }

    private int u16(int at) {
        return b.getShort(at) & 0xffff;
    }
}

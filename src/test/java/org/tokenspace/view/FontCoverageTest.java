package org.tokenspace.view;

import org.junit.jupiter.api.Test;
import org.tokenspace.app.SampleText;
import org.tokenspace.model.Gpt2Tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled fonts draw everything the window can show: every character of every language's messages, of the
 * sample text and of every GPT-2 token's label, read from the fonts' own character maps (the OpenType cmap table).
 */
class FontCoverageTest {
    private static final java.util.regex.Pattern STRING = java.util.regex.Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");
    /** The code points the font file maps to a glyph (cmap formats 4 and 12 of the Windows platform). */
    static Set<Integer> cmap(String file) throws IOException {
        ByteBuffer b;
        try (InputStream in = Fonts.class.getResourceAsStream("/org/tokenspace/fonts/" + file)) {
            b = ByteBuffer.wrap(in.readAllBytes());
        }
        int tables = b.getShort(4) & 0xffff;
        int cmap = -1;
        for (int i = 0; i < tables; i++) {
            int rec = 12 + 16 * i;
            if (new String(b.array(), rec, 4, StandardCharsets.US_ASCII).equals("cmap")) {
                cmap = b.getInt(rec + 8);
            }
        }
        Set<Integer> cps = new HashSet<>();
        int subtables = b.getShort(cmap + 2) & 0xffff;
        for (int i = 0; i < subtables; i++) {
            int platform = b.getShort(cmap + 4 + 8 * i) & 0xffff;
            int at = cmap + b.getInt(cmap + 8 + 8 * i);
            int format = b.getShort(at) & 0xffff;
            if (platform == 3 && format == 12) {
                int groups = b.getInt(at + 12);
                for (int g = 0; g < groups; g++) {
                    int start = b.getInt(at + 16 + 12 * g);
                    int end = b.getInt(at + 20 + 12 * g);
                    for (int c = start; c <= end; c++) {
                        cps.add(c);
                    }
                }
            } else if (platform == 3 && format == 4) {
                int segX2 = b.getShort(at + 6) & 0xffff;
                for (int s = 0; s < segX2 / 2; s++) {
                    int end = b.getShort(at + 14 + 2 * s) & 0xffff;
                    int start = b.getShort(at + 16 + segX2 + 2 * s) & 0xffff;
                    for (int c = start; c <= end && c != 0xffff; c++) {
                        cps.add(c); // a glyph id 0 through idDelta/idRangeOffset is rare in Noto; mapped ranges count
                    }
                }
            }
        }
        return cps;
    }

    private static Set<Integer> chars(String text) {
        Set<Integer> s = new TreeSet<>();
        text.codePoints().filter(c -> !Character.isISOControl(c) && !Character.isWhitespace(c)).forEach(s::add);
        return s;
    }

    private static String bundles() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Locale l : org.tokenspace.i18n.I18n.LANGUAGES) {
            String name = "/org/tokenspace/i18n/messages" + (l.getLanguage().equals("en") ? "" : "_" + l.getLanguage())
                    + ".properties";
            try (InputStream in = Fonts.class.getResourceAsStream(name)) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static List<String> missing(Set<Integer> font, Set<Integer> wanted) {
        List<String> out = new ArrayList<>();
        for (int c : wanted) {
            if (!font.contains(c)) {
                out.add(String.format("U+%04X %s", c, Character.toString(c)));
            }
        }
        return out;
    }

    @Test
    void theBundledFontsCoverEveryTextTheWindowShows() throws IOException {
        Set<Integer> messages = chars(bundles());
        Set<Integer> labels = new TreeSet<>();
        Gpt2Tokenizer bpe = Gpt2Tokenizer.get();
        for (int id = 0; id < Gpt2Tokenizer.VOCAB_SIZE; id++) {
            labels.addAll(chars(bpe.tokenText(id)));
        }
        Set<Integer> sample = chars(SampleText.TEXT);
        Set<Integer> symbols = new TreeSet<>(); // every character the window's own code writes
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/org/tokenspace"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = STRING.matcher(java.nio.file.Files.readString(f));
                while (m.find()) { // string literals only: comments are not drawn
                    chars(m.group()).stream().filter(c -> c > 0x7e).forEach(symbols::add);
                }
            }
        }
        assertTrue(messages.size() > 800, messages.size() + " characters in the bundles");
        for (String file : List.of("TokenSpaceSans-Regular.ttf", "TokenSpaceMono-Regular.ttf")) {
            Set<Integer> font = cmap(file);
            assertEquals(List.of(), missing(font, messages), file + ": the messages");
            assertEquals(List.of(), missing(font, labels), file + ": GPT-2's token labels");
            assertEquals(List.of(), missing(font, sample), file + ": the sample text");
            assertTrue(font.containsAll(chars("한국어 토큰 日本語 埋め込み Ελληνικά Türkçe ğışİ")), file);
            assertTrue(font.contains(0xAC00) && font.contains(0xD7A3), file + ": all Hangul syllables");
        }
        Set<Integer> bold = cmap("TokenSpaceSans-Bold.ttf");
        assertEquals(List.of(), missing(bold, messages), "bold: the messages");
        assertEquals(List.of(), missing(bold, labels), "bold: GPT-2's token labels");
        assertTrue(symbols.size() > 5, symbols.size() + " symbols in the sources");
        assertEquals(List.of(), missing(cmap("TokenSpaceSans-Regular.ttf"), symbols), "the symbols the window draws");
    }
}

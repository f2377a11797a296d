package org.tokenspace.view;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tokenspace.app.SampleText;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Gpt2Tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled fonts draw everything the window can show, read from the fonts' own character maps: every character of
 * every language's messages, of the window's own string literals, of the sample texts and of every GPT-2 token's
 * label; in the sans faces and the regular mono face also every Hangul syllable, the kana and the JIS level-1 kanji.
 * A character counts as drawn when the map gives it a glyph other than .notdef and, unless it is blank by nature (a
 * space, a format character, a combining mark, a Hangul filler), that glyph has an outline.
 */
class FontCoverageTest {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\n]|\\\\.)*\"");
    /** Symbols a window may draw though no text names them yet: the media controls. */
    private static final String MEDIA = "⏴⏵⏶⏷⏸⏹⏺▶◀✕✓✔✗";
    private static final List<String> FACES = List.of("TokenSpaceSans-Regular.ttf", "TokenSpaceSans-Bold.ttf",
            "TokenSpaceMono-Regular.ttf", "TokenSpaceMono-Bold.ttf");
    /** The faces that draw whole texts (a caption of the user's text, the text itself), in every script. */
    private static final List<String> TEXT_FACES = FACES.subList(0, 3);

    private static Set<Integer> messages;
    private static Set<Integer> labels;
    private static Set<Integer> symbols;

    @BeforeAll
    static void read() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Locale l : I18n.LANGUAGES) {
            String name = "/org/tokenspace/i18n/messages" + (l.getLanguage().equals("en") ? "" : "_" + l.getLanguage())
                    + ".properties";
            try (InputStream in = Fonts.class.getResourceAsStream(name)) {
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        messages = chars(all.toString());
        labels = new TreeSet<>();
        Gpt2Tokenizer bpe = Gpt2Tokenizer.get();
        for (int id = 0; id < Gpt2Tokenizer.VOCAB_SIZE; id++) {
            labels.addAll(chars(bpe.tokenText(id)));
        }
        symbols = chars(MEDIA);
        try (var files = Files.walk(Path.of("src/main/java/org/tokenspace"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = STRING.matcher(Files.readString(f));
                while (m.find()) { // string literals only: comments are not drawn
                    chars(m.group()).stream().filter(c -> c > 0x7e).forEach(symbols::add);
                }
            }
        }
    }

    @Test
    void everyFaceDrawsTheMessagesTheTokenLabelsAndTheWindowsSymbols() throws IOException {
        assertTrue(messages.size() > 800, messages.size() + " characters in the bundles");
        assertTrue(labels.size() > 400, labels.size() + " characters in GPT-2's labels");
        assertTrue(symbols.size() > 20, symbols.size() + " symbols in the sources");
        for (String face : FACES) {
            FontFile font = FontFile.bundled(face);
            assertEquals(List.of(), missing(font, messages), face + ": the messages");
            assertEquals(List.of(), missing(font, labels), face + ": GPT-2's token labels");
            assertEquals(List.of(), missing(font, symbols), face + ": the symbols the window draws");
        }
    }

    @Test
    void theTextFacesDrawTheSampleTexts() throws IOException {
        Set<Integer> samples = chars(SampleText.TEXT);
        for (String name : List.of("sample-ko.txt", "sample-ja.txt", "sample-el.txt")) {
            try (InputStream in = FontCoverageTest.class.getResourceAsStream(name)) {
                samples.addAll(chars(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        try (var data = Files.list(Path.of("../shared/data"))) {
            for (Path f : data.filter(p -> p.toString().endsWith(".txt")).toList()) {
                samples.addAll(chars(Files.readString(f)));
            }
        }
        assertTrue(samples.containsAll(chars("토큰 トークン 埋め込み κειμένου İğş")), "the samples hold every script");
        for (String face : TEXT_FACES) {
            assertEquals(List.of(), missing(FontFile.bundled(face), samples), face + ": the sample texts");
        }
    }

    @Test
    void theTextFacesDrawEveryHangulSyllableKanaLevelOneKanjiAndTheWesternLetters() throws IOException {
        Set<Integer> hangul = range(0xAC00, 0xD7A3);
        Set<Integer> kana = range(0x3041, 0x3096);
        kana.addAll(range(0x30A1, 0x30FA));
        Set<Integer> kanji = jisLevel1();
        assertEquals(2965, kanji.size(), "JIS X 0208 level 1 has 2,965 kanji");
        Set<Integer> western = range(0x21, 0x7E);
        western.addAll(range(0xA1, 0x17F)); // Latin-1 and Latin Extended-A (Turkish: ğ ı İ ş)
        western.addAll(range(0x391, 0x3A1));
        western.addAll(range(0x3A3, 0x3CE)); // Greek with its accented vowels
        western.removeIf(c -> Character.getType(c) == Character.FORMAT); // the soft hyphen
        for (String face : TEXT_FACES) {
            FontFile font = FontFile.bundled(face);
            assertEquals(List.of(), missing(font, hangul), face + ": Hangul syllables");
            assertEquals(List.of(), missing(font, kana), face + ": kana");
            assertEquals(List.of(), missing(font, kanji), face + ": level-1 kanji");
            assertEquals(List.of(), missing(font, western), face + ": Latin and Greek");
        }
    }

    /** The kanji of JIS X 0208 level 1: rows 16 to 47 (EUC-JP lead bytes 0xB0 to 0xCF), row 47 ending at 51. */
    static Set<Integer> jisLevel1() {
        Charset eucJp = Charset.forName("EUC-JP");
        Set<Integer> out = new TreeSet<>();
        for (int row = 16; row <= 47; row++) {
            for (int cell = 1; cell <= (row == 47 ? 51 : 94); cell++) {
                String s = new String(new byte[] {(byte) (0xA0 + row), (byte) (0xA0 + cell)}, eucJp);
                out.add(s.codePointAt(0));
            }
        }
        return out;
    }

    /** The characters of {@code wanted} that {@code font} does not draw, as {@code U+AC00 가} (empty when all are). */
    static List<String> missing(FontFile font, Set<Integer> wanted) {
        List<String> out = new ArrayList<>();
        for (int c : wanted) {
            int glyph = font.glyph(c);
            if (glyph == 0 || !blank(c) && !font.hasOutline(glyph)) {
                out.add(String.format("U+%04X %s%s", c, Character.toString(c), glyph == 0 ? "" : " (empty glyph)"));
            }
        }
        return out;
    }

    /** Characters that draw nothing by nature: spaces, format characters, combining marks, Hangul fillers. */
    private static boolean blank(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0;
    }

    private static Set<Integer> chars(String text) {
        Set<Integer> s = new TreeSet<>();
        text.codePoints().filter(c -> !Character.isISOControl(c) && !Character.isWhitespace(c)).forEach(s::add);
        return s;
    }

    private static Set<Integer> range(int first, int last) {
        Set<Integer> s = new TreeSet<>();
        IntStream.rangeClosed(first, last).forEach(s::add);
        return s;
    }
}

package org.tokenspace.view;

import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Korean, Japanese, Greek and Turkish text and the media symbols draw headless with real glyphs in the bundled
 * families: each character, drawn alone, leaves ink, and its picture differs from the .notdef box (drawn for an
 * unassigned code point, which no font maps).
 */
class FontRenderTest {
    private static final String SAMPLES = "한국어토큰뷁 日本語埋め込み ひらがなカタカナ Ελληνικά Türkçeİğış ⏸⏹▶";
    /** U+0378 is unassigned: every font draws its .notdef glyph for it. */
    private static final String NOTDEF = "\u0378";

    @BeforeAll
    static void start() {
        HeadlessFx.start();
    }

    @Test
    void theCssFamiliesResolveToTheBundledFaces() {
        List<String> names = HeadlessFx.call(() -> List.of(Font.font(FontScale.SANS, 20).getName(),
                Font.font(FontScale.SANS, FontWeight.BOLD, 20).getName(), Font.font(FontScale.MONO, 20).getName(),
                Font.font(FontScale.MONO, FontWeight.BOLD, 20).getName()));
        assertEquals(List.of("TokenSpace Sans", "TokenSpace Sans Bold", "TokenSpace Mono", "TokenSpace Mono Bold"),
                names);
    }

    @Test
    void thePointViewDrawnAloneNamesTheBundledFace() {
        List<String> families = HeadlessFx.call(() -> {
            PointCloudView view = new PointCloudView();
            new javafx.scene.Scene(view, 800, 600);
            view.applyCss();
            return List.of(((javafx.scene.control.TextField) view.lookup("#point-search")).getFont().getFamily(),
                    ((javafx.scene.control.Labeled) view.lookup("#mode-perspective")).getFont().getFamily(),
                    ((javafx.scene.control.Labeled) view.lookup("#point-tooltip")).getFont().getFamily());
        });
        assertEquals(List.of(FontScale.SANS, FontScale.SANS, FontScale.SANS), families);
    }

    @Test
    void everySampleCharacterDrawsAGlyphThatIsNotTheBox() {
        for (FontWeight weight : List.of(FontWeight.NORMAL, FontWeight.BOLD)) {
            for (String family : List.of(FontScale.SANS, FontScale.MONO)) {
                Font font = HeadlessFx.call(() -> Font.font(family, weight, 40));
                Ink box = draw(NOTDEF, font);
                assertTrue(box.pixels.length > 0, family + " " + weight + ": the .notdef box leaves ink");
                List<String> boxes = new ArrayList<>();
                SAMPLES.codePoints().filter(c -> c != ' ').forEach(c -> {
                    String s = Character.toString(c);
                    Ink ink = draw(s, font);
                    assertTrue(ink.pixels.length > 0, family + " " + weight + ": " + s + " leaves no ink");
                    if (ink.equals(box)) {
                        boxes.add(s);
                    }
                });
                assertEquals(List.of(), boxes, family + " " + weight + ": characters drawn as the box");
            }
        }
        // the comparison can fail: a character the fonts lack draws exactly the box
        Font sans = HeadlessFx.call(() -> Font.font(FontScale.SANS, 40));
        assertNotEquals(draw("한", sans), draw(NOTDEF, sans));
        assertEquals(draw("\u0379", sans), draw(NOTDEF, sans));
    }

    /** The dark pixels of {@code s} drawn black on white, cropped to their bounds. */
    private static Ink draw(String s, Font font) {
        return HeadlessFx.call(() -> {
            Text t = new Text(s);
            t.setFont(font);
            t.setFill(Color.BLACK);
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.WHITE);
            WritableImage img = t.snapshot(p, null);
            PixelReader r = img.getPixelReader();
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (dark(r.getArgb(x, y))) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x);
                        y1 = Math.max(y1, y);
                    }
                }
            }
            if (x1 < 0) {
                return new Ink(0, new boolean[0]);
            }
            boolean[] pixels = new boolean[(x1 - x0 + 1) * (y1 - y0 + 1)];
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    pixels[(y - y0) * (x1 - x0 + 1) + x - x0] = dark(r.getArgb(x, y));
                }
            }
            return new Ink(x1 - x0 + 1, pixels);
        });
    }

    private static boolean dark(int argb) {
        return (argb & 0xff) < 128; // blue channel of a grey pixel
    }

    /** A glyph's picture: its width and its dark pixels, row by row. */
    private record Ink(int width, boolean[] pixels) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Ink i && i.width == width && Arrays.equals(i.pixels, pixels);
        }

        @Override
        public int hashCode() {
            return 31 * width + Arrays.hashCode(pixels);
        }
    }
}

package org.tokenspace.view;

import javafx.scene.text.Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The typefaces bundled with TokenSpace, loaded once before anything is drawn, so every machine (a fresh one without
 * CJK fonts, a headless snapshot) draws Latin, Greek, Turkish, Hangul, kana, kanji and every GPT-2 token label with
 * the same glyphs: "TokenSpace Sans" and "TokenSpace Mono", each in regular and bold, each DejaVu's Latin, Greek and
 * symbols merged with Noto Sans CJK JP's kana, Hangul and kanji (licences in {@code fonts/LICENSES.txt}; made by
 * {@code src/main/fonts/subset.py}). One face must draw every character a text can hold: JavaFX falls back from a
 * bundled font only to the machine's own fonts, never to another bundled one. The app, the headless renderer and the
 * tests all start here, through {@link FontScale}.
 */
public final class Fonts {
    /** The bundled files, under {@code /org/tokenspace/fonts/}. */
    public static final List<String> FILES = List.of("TokenSpaceSans-Regular.ttf", "TokenSpaceSans-Bold.ttf",
            "TokenSpaceMono-Regular.ttf", "TokenSpaceMono-Bold.ttf");
    private static List<String> families;

    private Fonts() {
    }

    /** Loads the bundled fonts (once); returns the family each file registered, in the order of {@link #FILES}. */
    public static synchronized List<String> load() {
        if (families == null) {
            List<String> found = new ArrayList<>();
            for (String file : FILES) {
                try (InputStream in = Fonts.class.getResourceAsStream("/org/tokenspace/fonts/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the bundled font " + file + " is missing from the build");
                    }
                    Font f = Font.loadFont(in, FontScale.BASE);
                    found.add(f == null ? null : f.getFamily());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            families = List.copyOf(found);
        }
        return families;
    }
}

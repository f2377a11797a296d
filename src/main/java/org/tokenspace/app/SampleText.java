package org.tokenspace.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The text the app opens with: a short story written for TokenSpace ({@code sample-text.txt}). */
public final class SampleText {
    public static final String TEXT = load();

    private SampleText() {
    }

    private static String load() {
        try (InputStream in = SampleText.class.getResourceAsStream("sample-text.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

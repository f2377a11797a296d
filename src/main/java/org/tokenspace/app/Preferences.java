package org.tokenspace.app;

import org.tokenspace.io.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/** What the window remembers between starts ({@code ~/.tokenspace/preferences.properties}): the language. */
final class Preferences {
    private static final String LANGUAGE = "language";

    private Preferences() {
    }

    private static Path file() {
        return Path.of(System.getProperty("user.home"), ".tokenspace", "preferences.properties");
    }

    /** The language chosen last time, or null. */
    static Locale language() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return null; // unreadable preferences are no reason not to start
        }
        String tag = p.getProperty(LANGUAGE);
        return tag == null ? null : org.tokenspace.i18n.I18n.parse(tag);
    }

    /** Remembers the language; a failure to write is logged, never shown. */
    static void saveLanguage(Locale l) {
        try {
            AtomicFiles.writeString(file(), LANGUAGE + "=" + l.toLanguageTag() + "\n");
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Preferences.class).warn("cannot remember the language", e);
        }
    }
}

package org.tokenspace.i18n;

import org.junit.jupiter.api.Test;
import org.tokenspace.app.Step;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message bundles against the sources: every key the code asks for exists, every key exists because the code
 * asks for it, and every text is a pattern {@link MessageFormat} reads as meant.
 */
class BundleTest {
    /** {@code I18n.tr("key"} with a literal key. */
    private static final Pattern LITERAL = Pattern.compile("I18n\\.tr\\(\\s*\"([^\"]+)\"");
    /** A string literal shaped like a key: {@code "group.name"}, {@code "group.name.more"}. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)+)\"");
    /** {@code I18n.tr("prefix." + ...}: a family of keys made in code. */
    private static final Pattern FAMILY = Pattern.compile("I18n\\.tr\\(\\s*\"([^\"]+\\.)\"\\s*\\+");

    static Properties bundle(Locale locale) throws IOException {
        String name = "/org/tokenspace/i18n/messages" + (locale.getLanguage().equals("en") ? ""
                : "_" + locale.getLanguage()) + ".properties";
        Properties p = new Properties();
        try (InputStream in = BundleTest.class.getResourceAsStream(name)) {
            if (in == null) {
                return null;
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** The window's sources: the app and the point view (the command line speaks English only). */
    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String pkg : new String[] {"app", "view"}) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/tokenspace", pkg))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(f)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static Set<String> matches(Pattern p, String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyKeyTheCodeAsksForExistsAndEveryKeyIsAskedFor() throws IOException {
        Properties english = bundle(Locale.ENGLISH);
        String code = sources();
        Set<String> families = matches(FAMILY, code);
        // a literal shaped like a key of one of the bundle's groups ("menu.about", "status.wrote") is a key
        Set<String> groups = new TreeSet<>();
        english.stringPropertyNames().forEach(k -> groups.add(k.substring(0, k.indexOf('.') + 1)));
        Set<String> literals = matches(KEY_LITERAL, code);
        literals.removeIf(l -> groups.stream().noneMatch(l::startsWith) || families.contains(l));
        literals.addAll(matches(LITERAL, code));
        literals.removeAll(families);
        Set<String> missing = new TreeSet<>(literals);
        missing.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), missing, "keys the code uses but the English bundle lacks");
        for (Step s : Step.values()) {
            assertFalse(I18n.tr("step." + s.cliName() + ".title").startsWith("!"), s + " has a title");
            assertFalse(I18n.tr("step." + s.cliName() + ".summary").startsWith("!"), s + " has a summary");
        }
        Set<String> unused = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (!literals.contains(key) && families.stream().noneMatch(key::startsWith)) {
                unused.add(key);
            }
        }
        assertEquals(Set.of(), unused, "keys no code asks for");
    }

    @Test
    void everyTextIsAMessageFormatPatternWithItsApostrophesDoubled() throws IOException {
        Properties english = bundle(Locale.ENGLISH);
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            new MessageFormat(text, Locale.ENGLISH); // throws on a malformed pattern
            assertTrue(text.replace("''", "").indexOf('\'') < 0, key + ": a single ' would quote the rest: " + text);
        }
    }

    @Test
    void wholeNumbersArePlacedAsTheyAreUnlessACountIsAskedFor() {
        I18n.setLocale(Locale.ENGLISH);
        assertEquals("id 50256 is outside the token table: valid ids are 0 to 49999",
                I18n.tr("lookup.idOutside", 50256, 49999));
        assertEquals("2 windows of maxLength 4 stack into inputs of shape (2, 4); each id becomes its token vector "
                + "plus its position's vector: a tensor of shape (2, 4, 256)", I18n.tr("batch.caption", 2, 4, 256));
        assertTrue(I18n.tr("batch.caption", 1, 4, 256).startsWith("1 window of maxLength 4"));
        assertEquals("wrote 1 file into /tmp", I18n.tr("status.wrote", 1, "/tmp"));
        assertEquals("wrote 12 files into /tmp", I18n.tr("status.wrote", 12, "/tmp"));
        assertTrue(I18n.tr("tokenize.caption", 765940, 4, 4, 191485, 1, 23935, 8, 4)
                .startsWith("765,940 GPT-2 ids; windows of maxLength 4 every stride 4 give 191,485 windows; batch 1 "
                        + "of 23,935 takes 8 of them"), I18n.tr("tokenize.caption", 765940, 4, 4, 191485, 1, 23935,
                8, 4));
        assertEquals("!no.such.key!", I18n.tr("no.such.key"));
    }
}

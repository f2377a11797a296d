package org.tokenspace.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every language against English: the same keys, the same placeholders, patterns MessageFormat reads, a bundle that
 * loads; in the languages with another script, no text left in English but names, symbols and code.
 */
class BundleConsistencyTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** Texts that are names, code or symbols in every language. */
    private static final Set<String> SAME_EVERYWHERE = Set.of("app.name", "step.heading", "stepper.interval",
            "tables.pair", "tables.single", "about.header", "bars.tip", "position.arrow", "projection.withPosition",
            "settings.seed", "settings.vocabSize", "settings.embeddingDim", "settings.contextLength",
            "settings.batchSize", "settings.maxLength", "settings.stride", "train.lr", "explore.k",
            "explore.method.tsne", "explore.method.umap", "explore.task.tsne", "explore.task.umap",
            "schemes.kind.rope", "schemes.kind.alibi", "schemes.axis.distance", "batch.positionTitle",
            "position.rowLabel", "cloud.ortho", "explore.method.pca", "train.wd", "position.tokenField",
            "batch.slice.sample", "batch.slice.position", "batch.slice.dimension", "settings.bookPreset",
            "oneHot.table", "position.positionField", "lookup.heatmapTitle", "train.positionsTitle",
            "position.heatmapTitle", "heatmap.rowTip", "schemes.pairing.interleaved", "schemes.pairing.half",
            "schemes.kind.learned", "explore.perplexity");

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
        Properties english = BundleTest.bundle(Locale.ENGLISH);
        List<String> problems = new ArrayList<>();
        for (Locale l : I18n.LANGUAGES.subList(1, I18n.LANGUAGES.size())) {
            String lang = l.getLanguage();
            Properties p = BundleTest.bundle(l);
            for (String key : english.stringPropertyNames()) {
                String value = p.getProperty(key);
                if (value == null) {
                    problems.add(lang + ": " + key + " is missing");
                    continue;
                }
                if (!arguments(value).equals(arguments(english.getProperty(key)))) {
                    problems.add(lang + ": " + key + " has placeholders " + arguments(value) + ", English "
                            + arguments(english.getProperty(key)));
                }
                try {
                    new MessageFormat(value, l);
                } catch (IllegalArgumentException e) {
                    problems.add(lang + ": " + key + " is not a MessageFormat pattern: " + e.getMessage());
                }
                boolean otherScript = Set.of("el", "ko", "ja").contains(lang);
                if (otherScript && value.equals(english.getProperty(key)) && !SAME_EVERYWHERE.contains(key)
                        && value.codePoints().anyMatch(Character::isLetter)) {
                    problems.add(lang + ": " + key + " is still in English: " + value);
                }
            }
            for (String key : p.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(lang + ": " + key + " is not an English key (unused)");
                }
            }
            ResourceBundle b = ResourceBundle.getBundle(I18n.BUNDLE, l);
            if (!b.getLocale().getLanguage().equals(lang)) {
                problems.add(lang + ": ResourceBundle loads " + b.getLocale() + " instead");
            }
        }
        assertEquals(List.of(), problems);
    }
}

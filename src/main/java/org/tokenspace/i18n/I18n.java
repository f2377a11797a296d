package org.tokenspace.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one localization call: every string the window shows comes from {@link #tr}, out of the UTF-8 bundles
 * {@code org/tokenspace/i18n/messages_*.properties} (English is the fallback). Texts are {@link MessageFormat}
 * patterns: {@code {0}} places an argument, so each language orders a caption as it needs; an apostrophe is written
 * twice. Whole numbers placed with a plain {@code {0}} are printed as they are (ids, sizes, shapes: code, not
 * prose); {@code {0,number,integer}} prints a count with the language's digit grouping. Tensor printouts are never
 * translated.
 */
public final class I18n {
    /** The bundles' base name. */
    public static final String BUNDLE = "org.tokenspace.i18n.messages";
    /** The languages TokenSpace speaks, English first. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("el"),
            Locale.FRENCH, Locale.forLanguageTag("tr"), Locale.KOREAN, Locale.JAPANESE);

    private static final Pattern PLAIN = Pattern.compile("\\{(\\d+)}");

    private static volatile Locale locale = supported(Locale.getDefault());
    private static volatile ResourceBundle bundle = load(locale);

    private I18n() {
    }

    /** The text of {@code key} in the current language, with {@code args} placed in it. */
    public static String tr(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // the bundle test keeps this from shipping
        }
        return new MessageFormat(plainWholeNumbers(pattern, args), locale).format(args);
    }

    /**
     * A top-level plain {@code {n}} whose argument is a whole number prints it ungrouped: {@code {n,number,#}}.
     * Quoted text and the insides of other elements (a choice's sub-patterns) stay as they are.
     */
    private static String plainWholeNumbers(String pattern, Object[] args) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // '' toggles twice: an apostrophe
            } else if (!quoted && c == '{') {
                Matcher m = PLAIN.matcher(pattern).region(i, pattern.length());
                if (depth == 0 && m.lookingAt()) {
                    int n = Integer.parseInt(m.group(1));
                    boolean whole = n < args.length && (args[n] instanceof Integer || args[n] instanceof Long);
                    out.append(whole ? "{" + n + ",number,#}" : m.group());
                    i = m.end() - 1;
                    continue;
                }
                depth++;
            } else if (!quoted && c == '}') {
                depth--;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The language in use. */
    public static Locale locale() {
        return locale;
    }

    /** Switches the language (one of {@link #LANGUAGES}, else English); texts asked for afterwards use it. */
    public static void setLocale(Locale l) {
        Locale chosen = supported(l);
        bundle = load(chosen);
        locale = chosen;
    }

    /** The supported language closest to {@code l}: the same language, else English. */
    public static Locale supported(Locale l) {
        return LANGUAGES.stream().filter(s -> s.getLanguage().equals(l.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** A language from its tag ({@code el}, {@code ko-KR}, ...), or null when TokenSpace does not speak it. */
    public static Locale parse(String tag) {
        Locale l = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        return LANGUAGES.stream().filter(s -> s.getLanguage().equals(l.getLanguage())).findFirst().orElse(null);
    }

    private static ResourceBundle load(Locale l) {
        // English is the base bundle: never fall back to the machine's default locale instead
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}

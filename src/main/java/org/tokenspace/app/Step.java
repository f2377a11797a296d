package org.tokenspace.app;

import org.tokenspace.i18n.I18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The walkthrough's stages, in order; their titles and summaries come from the message bundles. */
public enum Step {
    TOKENIZE, LOOKUP, POSITION, BATCH, PROJECTION, SCHEMES, TRAIN, EXPLORE;

    /** The stage's title with its number, e.g. "2  Lookup". */
    public String title() {
        return (ordinal() + 1) + "  " + name(this);
    }

    /** The stage's name without its number. */
    public static String name(Step s) {
        return I18n.tr("step." + s.cliName() + ".title");
    }

    /** One line on what happens at this stage. */
    public String summary() {
        return I18n.tr("step." + cliName() + ".summary");
    }

    public Step next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    public Step previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }

    public static Step first() {
        return values()[0];
    }

    public static Step last() {
        return values()[values().length - 1];
    }

    /** The stage of that {@link #cliName()}, ignoring case and surrounding spaces. */
    public static Optional<Step> find(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.cliName().equals(n)).findFirst();
    }

    /** The name used on the command line ({@code snapshot --view lookup}) and in sessions. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.tokenspace.view;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * How large a drawn widget's text and spacing are: the CSS font size it inherits (the window's zoom sets the root
 * font size) over the base size of {@value #BASE} px. A hidden text node takes the CSS font, so canvases scale with
 * the zoom like every label does, with no wiring.
 */
public final class FontScale {
    /** The root font size at zoom 1. */
    public static final double BASE = 14;
    /** The user interface's typeface (bundled: {@link Fonts}). */
    public static final String SANS = "TokenSpace Sans";
    /** The typeface of numbers, ids and tensors (bundled). */
    public static final String MONO = "TokenSpace Mono";

    static {
        Fonts.load(); // before any text is measured or drawn, and before the CSS names these families
    }

    private final Text probe = new Text();

    /** Adds the probe to {@code children} (a region's own list); {@code changed} runs when the size changes. */
    public FontScale(ObservableList<Node> children, Runnable changed) {
        probe.setManaged(false);
        probe.setVisible(false);
        children.add(probe);
        changed(changed);
    }

    /** Runs {@code changed} whenever the inherited font size changes. */
    public void changed(Runnable changed) {
        probe.fontProperty().addListener((o, a, b) -> changed.run());
    }

    /** The scale: 1 at the base size, 1.5 at 21 px. */
    public double get() {
        return probe.getFont().getSize() / BASE;
    }

    /** The UI face at {@code size} base pixels, scaled. */
    public Font sans(double size, boolean bold) {
        return Font.font(SANS, bold ? FontWeight.BOLD : FontWeight.NORMAL, size * get());
    }

    /** The mono face at {@code size} base pixels, scaled. */
    public Font mono(double size) {
        return Font.font(MONO, size * get());
    }
}

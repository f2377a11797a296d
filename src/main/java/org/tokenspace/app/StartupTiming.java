package org.tokenspace.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Prints when the window drew its first frame and its first computed state, in milliseconds since the JVM started
 * ({@code -Dtokenspace.timing}): the measure behind the README's start-up numbers.
 */
final class StartupTiming extends AnimationTimer {
    private final WalkthroughModel model;
    private final boolean exit;
    private boolean firstFrame;
    private boolean stateSeen;

    private StartupTiming(WalkthroughModel model, boolean exit) {
        this.model = model;
        this.exit = exit;
    }

    static void watch(WalkthroughModel model, boolean exit) {
        new StartupTiming(model, exit).start();
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public void handle(long now) {
        if (!firstFrame) {
            firstFrame = true;
            System.out.printf(Locale.ROOT, "first frame: %d ms%n", sinceStart());
        } else if (stateSeen) { // the pulse after the state arrived has drawn it
            System.out.printf(Locale.ROOT, "first state drawn: %d ms%n", sinceStart());
            stop();
            if (exit) {
                Platform.exit();
            }
        } else if (model.walkthroughProperty().get() != null) {
            stateSeen = true;
        }
    }
}

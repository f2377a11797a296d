package org.tokenspace;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testfx.api.FxToolkit;

import java.util.concurrent.TimeoutException;

/**
 * Starts JavaFX the way TestFX does, once, before any test runs. A test that draws headless through the app's own
 * {@code HeadlessFx} (the snapshot command) would otherwise start the platform first, and TestFX's robot would then
 * miss every window of the tests after it.
 */
public final class FxFirst implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("glass.platform") == null && System.getenv("DISPLAY") == null) {
            return; // no screen and no headless platform set up: the jar's integration tests, which need neither
        }
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("JavaFX did not start for the tests", e);
        }
    }
}

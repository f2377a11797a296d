package org.tokenspace.app;

import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The window on the course's defaults, headless, for tests that drive it. */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTest {
    protected WalkthroughModel model;
    protected MainView view;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.setupStage(stage -> {
            model = new WalkthroughModel();
            view = new MainView(model);
            stage.setScene(new Scene(view, width(), height()));
            stage.show();
            model.recompute();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window's size: a laptop's by default. */
    protected int width() {
        return 1440;
    }

    protected int height() {
        return 900;
    }

    /** Waits until events are handled and the background computation is done. */
    protected void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        model.awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();
    }
}

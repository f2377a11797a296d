package org.tokenspace.cli;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tokenspace.app.FrameMonitor;
import org.tokenspace.app.MainView;
import org.tokenspace.app.Step;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.model.Settings;
import org.tokenspace.view.HeadlessFx;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The window under a full recompute: the seed changes (a new 50257 x 256 table, a new PCA fit) while the FX thread's
 * frame gaps are recorded. The longest gap is the longest the UI was frozen.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Print the longest frame of the FX thread while the window, on the headless platform,"
                + " recomputes the course's defaults.")
final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--recomputes", paramLabel = "N",
            description = "How many seeds to go through (default: ${DEFAULT-VALUE}).")
    int recomputes = 10;

    @Option(names = "--step", paramLabel = "STAGE",
            description = "The stage on screen; projection redraws the most (default: ${DEFAULT-VALUE}).")
    String step = "projection";

    @Option(names = "--train", paramLabel = "SECONDS", description = "Instead, time the Train stage training for"
            + " this many seconds at the course's settings (shuffled) while the window draws its snapshots.")
    int trainSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        HeadlessFx.start();
        WalkthroughModel model = HeadlessFx.call(WalkthroughModel::new);
        FrameMonitor monitor = HeadlessFx.call(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new MainView(model), 1440, 900));
            stage.show();
            model.stepper().show(Step.valueOf(step.toUpperCase(Locale.ROOT)));
            model.recompute();
            return new FrameMonitor();
        });
        model.awaitIdle();
        if (trainSeconds > 0) {
            return train(model, monitor);
        }
        HeadlessFx.call(() -> { // one change first, so the numbers are for code the JIT has compiled
            model.setSettings(Settings.DEFAULTS.withSeed(122));
            return null;
        });
        Thread.sleep(50);
        model.awaitIdle();
        HeadlessFx.call(() -> {
            monitor.start();
            return null;
        });
        long t0 = System.nanoTime();
        for (int i = 1; i <= recomputes; i++) {
            long seed = 123 + i;
            HeadlessFx.call(() -> {
                model.setSettings(Settings.DEFAULTS.withSeed(seed));
                return null;
            });
            Thread.sleep(50);
            model.awaitIdle();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double[] gaps = HeadlessFx.call(() -> {
            monitor.stop();
            return monitor.gapsMillis();
        });
        double p50 = gaps[gaps.length / 2];
        double p99 = gaps[(int) Math.min(gaps.length - 1, Math.round(gaps.length * 0.99))];
        spec.commandLine().getOut().printf(Locale.ROOT, "%d recomputes of the 50257 x 256 default in %.1f s (%.0f ms "
                        + "each); %d frames on the FX thread: median gap %.1f ms, 99th percentile %.1f ms, longest "
                        + "%.1f ms%n", recomputes, seconds, seconds * 1000 / recomputes, gaps.length, p50, p99,
                gaps[gaps.length - 1]);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Frame gaps while the Train stage trains and draws. */
    private int train(WalkthroughModel model, FrameMonitor monitor) throws InterruptedException {
        HeadlessFx.call(() -> {
            model.setSettings(Settings.builder().shuffle(true).build());
            return null;
        });
        model.awaitIdle();
        HeadlessFx.call(() -> {
            model.stepper().show(Step.TRAIN);
            model.train().steps(20); // the trainer made and the JIT warm before the frames count
            return null;
        });
        model.train().awaitIdle();
        HeadlessFx.call(() -> {
            monitor.start();
            model.train().play();
            return null;
        });
        long before = HeadlessFx.call(() -> model.train().snapshotProperty().get().steps());
        Thread.sleep(trainSeconds * 1000L);
        double[] gaps = HeadlessFx.call(() -> {
            model.train().pause();
            monitor.stop();
            return monitor.gapsMillis();
        });
        model.train().awaitIdle();
        long after = HeadlessFx.call(() -> model.train().snapshotProperty().get().steps());
        spec.commandLine().getOut().printf(Locale.ROOT, "training %d s on the Train stage: %d steps (%.1f a second); "
                        + "%d frames on the FX thread: median gap %.1f ms, 99th percentile %.1f ms, longest %.1f ms%n",
                trainSeconds, after - before, (after - before) / (double) trainSeconds, gaps.length,
                gaps[gaps.length / 2], gaps[(int) Math.min(gaps.length - 1, Math.round(gaps.length * 0.99))],
                gaps[gaps.length - 1]);
        spec.commandLine().getOut().flush();
        return 0;
    }
}

package org.tokenspace.cli;

import org.tokenspace.train.Optimizer;
import picocli.CommandLine.Option;

/** The optimizer options of {@code train}, and of {@code show} and {@code code} for the train stage. */
final class OptimizerOptions {
    @Option(names = "--optimizer", converter = TrainCommand.OptimizerKind.class, paramLabel = "adamw|sgd",
            description = "AdamW (decoupled weight decay) or SGD without momentum (default: ${DEFAULT-VALUE}).")
    Optimizer.Kind kind = Optimizer.Kind.ADAMW;

    @Option(names = "--lr", paramLabel = "LR", converter = Converters.AnyDouble.class,
            description = "Learning rate, above 0 (default: ${DEFAULT-VALUE}, the course's).")
    double lr = 4e-4;

    @Option(names = "--weight-decay", paramLabel = "WD", converter = Converters.AnyDouble.class,
            description = "Weight decay, 0 or more (default: ${DEFAULT-VALUE}).")
    double weightDecay = 0.1;

    /** The optimizer; a bad value is a message naming the fix. */
    Optimizer optimizer() {
        return new Optimizer(kind, lr, weightDecay);
    }
}

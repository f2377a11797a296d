package org.tokenspace.io;

import org.tokenspace.model.Pipeline;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * How a long load or write reports how far it got (a fraction from 0 to 1) and learns that the user cancelled. Both
 * are called on the working thread, between chunks of a few megabytes.
 *
 * @param fraction  receives the fraction done
 * @param cancelled polled between chunks; when it answers true the work stops with {@link Pipeline.Cancelled}
 */
public record Progress(DoubleConsumer fraction, BooleanSupplier cancelled) {
    /** No progress shown, no way to cancel. */
    public static final Progress NONE = new Progress(f -> { }, () -> false);

    /** Stops the work if it was cancelled, reporting no fraction (a stream's length is not known). */
    public void poll() {
        if (cancelled.getAsBoolean()) {
            throw new Pipeline.Cancelled();
        }
    }

    /** Reports {@code done} of {@code total}, then stops the work if it was cancelled. */
    public void step(long done, long total) {
        if (cancelled.getAsBoolean()) {
            throw new Pipeline.Cancelled();
        }
        fraction.accept(total <= 0 ? 1.0 : Math.min(1.0, (double) done / total));
    }
}

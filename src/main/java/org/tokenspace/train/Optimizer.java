package org.tokenspace.train;

import org.tokenspace.model.TokenSpaceException;

import java.util.Locale;

/**
 * How the parameters follow their gradients: {@code torch.optim.AdamW} (decoupled weight decay) or
 * {@code torch.optim.SGD} without momentum (weight decay added to the gradient), with their settings.
 *
 * @param kind        ADAMW or SGD
 * @param lr          the learning rate, above 0
 * @param weightDecay 0 or more
 */
public record Optimizer(Kind kind, double lr, double weightDecay) {
    /** AdamW's betas and eps, as the course uses them (PyTorch's defaults). */
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    /** The course's ch05 settings: AdamW, lr 4e-4, weight decay 0.1. */
    public static final Optimizer COURSE = new Optimizer(Kind.ADAMW, 4e-4, 0.1);

    public enum Kind {
        ADAMW, SGD;

        /** {@code adamw} or {@code sgd}, as the command line takes it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id().equalsIgnoreCase(id.trim())) {
                    return k;
                }
            }
            throw new TokenSpaceException("unknown optimizer '" + id + "': use adamw or sgd");
        }
    }

    public Optimizer {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new TokenSpaceException("learning rate " + lr + " cannot train: use a finite number above 0, e.g. "
                    + "4e-4 for AdamW or 0.1 for SGD");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new TokenSpaceException("weight decay " + weightDecay + " cannot train: use a finite number of 0 or "
                    + "more, e.g. 0.1");
        }
    }

    public Optimizer withLr(double v) {
        return new Optimizer(kind, v, weightDecay);
    }
}

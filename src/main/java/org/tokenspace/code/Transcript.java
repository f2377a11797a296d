package org.tokenspace.code;

import org.tokenspace.model.TokenSpaceException;

/**
 * A stage's PyTorch script and what it prints, character for character. The output always exists; the script may
 * not (a text too long to write its ids into a script), and then asking for it names the problem.
 */
public final class Transcript {
    private final String script;
    private final String output;
    private final String problem;
    private final Refusal refusal;

    /** Why a script cannot be given; the window words each in its language. */
    public enum Refusal {
        /** More ids than a script holds written out. */
        TOO_LONG,
        /** Training that started from loaded tables: the script trains from the seeded ones. */
        TRAINED_FROM_LOADED
    }

    Transcript(String script, String output, String problem, Refusal refusal) {
        this.script = script;
        this.output = output;
        this.problem = problem;
        this.refusal = refusal;
    }

    /** The Python source; it needs only {@code torch}. */
    public String script() {
        if (problem != null) {
            throw new TokenSpaceException(problem);
        }
        return script;
    }

    /** Whether there is a script, or only the output. */
    public boolean hasScript() {
        return problem == null;
    }

    /** Why there is no script, or null when there is one. */
    public Refusal refusal() {
        return refusal;
    }

    /** What running the script prints, as TokenSpace computes it from its own tensors. */
    public String output() {
        return output;
    }
}

package org.tokenspace.code;

import java.util.List;

/**
 * A script and what it prints, written together: every {@code print} in the script is recorded with the text that
 * TokenSpace computes for it, so the script and {@code show} cannot drift apart in layout. Only the numbers come from
 * two places: PyTorch when the script runs, TokenSpace's own tensors here.
 */
public final class PyScript {
    private final StringBuilder script = new StringBuilder();
    private final StringBuilder output = new StringBuilder();
    private String problem;
    private Transcript.Refusal refusal;

    /** Lines of code that print nothing. */
    public PyScript code(String... lines) {
        for (String line : lines) {
            script.append(line).append('\n');
        }
        return this;
    }

    /** Lines of code that print nothing. */
    public PyScript code(List<String> lines) {
        return code(lines.toArray(String[]::new));
    }

    /** An empty line between parts of the script. */
    public PyScript blank() {
        return code("");
    }

    /** {@code print(expression)}, which prints {@code printed}. */
    public PyScript print(String expression, String printed) {
        script.append("print(").append(expression).append(")\n");
        output.append(printed).append('\n');
        return this;
    }

    /** Lines a loop in the code already written prints, one after another. */
    public PyScript printedByCode(List<String> lines) {
        for (String line : lines) {
            output.append(line).append('\n');
        }
        return this;
    }

    /** {@code print()}: an empty line between parts of the output. */
    public PyScript newline() {
        script.append("print()\n\n");
        output.append('\n');
        return this;
    }

    /** {@code print("text")}. */
    public PyScript say(String text) {
        return print(PyText.str(text), text);
    }

    /** {@code print("label", expression)}: the label, a space, then what the expression prints. */
    public PyScript print(String label, String expression, String printed) {
        return print(PyText.str(label) + ", " + expression, label + " " + printed);
    }

    /** Marks the script as one that cannot be given (the output still can), with the one-line reason. */
    public PyScript refuse(Transcript.Refusal why, String reason) {
        refusal = why;
        problem = reason;
        return this;
    }

    public Transcript done() {
        return new Transcript(problem == null ? script.toString() : null, output.toString(), problem, refusal);
    }
}

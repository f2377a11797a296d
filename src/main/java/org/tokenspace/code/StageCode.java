package org.tokenspace.code;

/**
 * One walkthrough stage as PyTorch code: a short script for the current settings and what it prints. A new stage
 * adds one implementation and registers it in {@link StageCodes}.
 */
public interface StageCode {
    /** The stage's name on the command line and in the window, e.g. {@code lookup}. */
    String name();

    /** One line on what the script shows. */
    String summary();

    /** The script for {@code in} and its output, computed from TokenSpace's tensors. */
    Transcript write(CodeInput in);
}

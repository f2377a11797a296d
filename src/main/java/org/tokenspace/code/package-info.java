/**
 * Each walkthrough stage as PyTorch code: a short script for the current settings, in the course's style, and what
 * it prints. No JavaFX.
 *
 * <p>{@link org.tokenspace.code.StageCodes} lists every stage's code; each is one
 * {@link org.tokenspace.code.StageCode} ({@code TokenizeCode}, {@code LookupCode}, {@code PositionCode},
 * {@code BatchCode}, {@code ProjectionCode}, {@code SchemesCode}, {@code TrainCode}, {@code ExploreCode}); a stage's
 * own choices beyond the walkthrough's (the position scheme, the schemes compared, the training so far, the
 * neighbour search) come in {@link org.tokenspace.code.CodeInput}. A stage writes its script and its output together through one
 * {@link org.tokenspace.code.PyScript}: each {@code print} in the script is paired with the text TokenSpace computes
 * for it from its own tensors with {@link org.tokenspace.model.TorchFormat}, so the two can differ only in the numbers
 * themselves, which is what the tests compare against PyTorch.
 *
 * <p>What the scripts mirror so that PyTorch prints the same numbers: the tables are drawn right after
 * {@code torch.manual_seed(seed)}, token table first; a shuffled loader draws its order from a stream seeded with the
 * same seed before the tables are (TokenSpace's batches come from their own {@code manual_seed(seed)} stream); and the
 * generic normal kernel, which PyTorch runs only on CPUs without AVX2, is selected with
 * {@code ATEN_CPU_CAPABILITY=default} before torch is imported.
 *
 * <p>A window shows a stage's code with {@code StageCodes.find(step).write(CodeInput.of(result, text, file, tables,
 * selectedId))}: {@link org.tokenspace.code.Transcript#script()} to show and copy,
 * {@link org.tokenspace.code.Transcript#output()} under it.
 */
package org.tokenspace.code;

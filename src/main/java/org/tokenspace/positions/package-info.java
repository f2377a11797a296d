/**
 * Position schemes side by side, exact to their formulas, for the command line and for drawing. No JavaFX.
 *
 * <p>Two kinds act in two places. {@link org.tokenspace.positions.LearnedPositions} and
 * {@link org.tokenspace.positions.SinusoidalPositions} give a {@code [contextLength, embeddingDim]} float32 table that
 * is added to the token vectors (so it flows through {@link org.tokenspace.model.Pipeline} as the positional table).
 * {@link org.tokenspace.positions.RotaryPositions}, {@link org.tokenspace.positions.T5Positions} and
 * {@link org.tokenspace.positions.AlibiPositions} add nothing to the input: they act inside attention, on queries
 * and keys (RoPE) or as a bias on the scores (T5, ALiBi).
 *
 * <p>Every scheme answers the same questions behind {@link org.tokenspace.positions.PositionScheme}: what it adds to
 * the input, the matrix to draw as a heatmap with the formula of each cell filled in, and the attention scores it
 * makes of given query and key vectors. {@link org.tokenspace.positions.PositionSimilarity} compares positions of
 * an added table (dot product, cosine) and averages any position-by-position matrix by distance.
 *
 * <p>The formulas are those of {@code shared/golden/tools/positions_reference.py}; the tests compare with it.
 */
package org.tokenspace.positions;

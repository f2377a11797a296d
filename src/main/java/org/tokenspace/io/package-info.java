/**
 * Files in and out.
 *
 * <p>Writing: {@link org.tokenspace.io.AtomicFiles} is the one place that writes a file (a temporary file beside the
 * target, forced to disk, moved over it in one step), so an export killed half-way leaves the previous file or the
 * complete new one. {@link org.tokenspace.io.Exports} lays tables and batches out as {@code .npy},
 * safetensors, CSV or the Embedding Projector's TSV pair.
 *
 * <p>Reading: {@link org.tokenspace.io.Npy}, {@link org.tokenspace.io.Safetensors} and
 * {@link org.tokenspace.io.ProjectorTsv} read vectors as float32 (float16 and bfloat16 widen exactly);
 * {@link org.tokenspace.io.TableFiles} opens any of them as a {@link org.tokenspace.model.LabeledTable}, with a
 * {@link org.tokenspace.io.Progress} for a progress bar and a cancel button. Data is memory-mapped and copied chunk
 * by chunk. A damaged or unsupported file fails with a {@link org.tokenspace.io.FileFormatException} that names the
 * file and the problem, and with nothing else (the readers are fuzzed for that); sizes are checked against the file
 * and against {@link org.tokenspace.model.MemoryBudget} before anything is allocated.
 */
package org.tokenspace.io;

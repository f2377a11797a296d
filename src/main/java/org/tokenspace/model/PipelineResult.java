package org.tokenspace.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every intermediate of one pipeline run, as the views show them.
 *
 * @param ids                the text's GPT-2 ids
 * @param windows            the sliding windows over {@code ids}
 * @param batchCount         how many batches the loader gives
 * @param batch              the chosen batch: inputs and targets {@code [B, T]}
 * @param tokenEmbeddings    {@code tokenTable[inputs]}, {@code [B, T, D]}
 * @param positionEmbeddings {@code positionTable[0:T]}, {@code [T, D]}
 * @param inputEmbeddings    {@code tokenEmbeddings + positionEmbeddings}, {@code [B, T, D]}
 */
public record PipelineResult(
        Settings settings,
        int[] ids,
        SlidingWindows windows,
        int batchCount,
        Batch batch,
        Tables tables,
        INDArray tokenEmbeddings,
        INDArray positionEmbeddings,
        INDArray inputEmbeddings) {
}

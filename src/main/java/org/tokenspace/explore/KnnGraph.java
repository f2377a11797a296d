package org.tokenspace.explore;

/**
 * The {@code k} nearest other rows of every row, nearest first (ties by the smaller id), with exact squared
 * Euclidean distances.
 *
 * @param ids               {@code [n * k]}: row {@code i}'s neighbours at {@code i * k}
 * @param squaredDistances  {@code [n * k]}, in double
 */
public record KnnGraph(int rows, int k, int[] ids, double[] squaredDistances) {
}

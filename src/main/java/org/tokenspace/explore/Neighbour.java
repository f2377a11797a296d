package org.tokenspace.explore;

/**
 * One row near a query.
 *
 * @param id    the row (a token id for a vocabulary table)
 * @param score cosine similarity, or Euclidean distance, by the metric asked for
 */
public record Neighbour(int id, double score) {
}

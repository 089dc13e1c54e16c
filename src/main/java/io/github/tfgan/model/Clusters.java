package io.github.tfgan.model;

/**
 * Clusters of a data set in the training space, as a clustered generator and discriminator start
 * from them ({@link NetworkSpec#clusters()}): the centroids and each cluster's share of the data.
 *
 * @param centroids {@code [clusters, values]}, row-major
 * @param logShares the natural log of each cluster's share of the data, {@code [clusters]}
 */
public record Clusters(float[] centroids, float[] logShares) {

  /** Checks that the centroids hold whole rows. */
  public Clusters {
    if (logShares.length == 0 || centroids.length % logShares.length != 0) {
      throw new IllegalArgumentException(
          "clusters: expected centroids of whole rows, found "
              + centroids.length
              + " values for "
              + logShares.length
              + " clusters");
    }
  }

  /** How many clusters. */
  public int count() {
    return logShares.length;
  }
}

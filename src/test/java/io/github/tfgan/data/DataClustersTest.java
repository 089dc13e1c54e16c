package io.github.tfgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.model.DataScaling;
import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.GanArchitecture;
import io.github.tfgan.model.SeedStreams;
import org.junit.jupiter.api.Test;

/**
 * K-means of a data set ({@link DataClusters}): blobs found, shares counted, a function of the
 * seed.
 */
class DataClustersTest {

  /** Rows of three blobs around (5, 0, 0), (0, 5, 0), (0, 0, 5), of 300, 200 and 100 rows. */
  private static ArrayDataset blobs() {
    int[] sizes = {300, 200, 100};
    float[] v = new float[600 * 3];
    float[] noise = new float[600 * 3];
    new SeedStreams(3).fillGaussian(SeedStreams.NOISE, 0, noise);
    int row = 0;
    for (int b = 0; b < 3; b++) {
      for (int i = 0; i < sizes[b]; i++, row++) {
        for (int f = 0; f < 3; f++) {
          v[row * 3 + f] = (f == b ? 5f : 0f) + 0.5f * noise[row * 3 + f];
        }
      }
    }
    return ArrayDataset.vectors(v, 3, "blobs");
  }

  @Test
  void findsTheBlobsAndCountsTheirShares() {
    ArrayDataset data = blobs();
    DataClusters c = DataClusters.fit(data, DataScaling.UNIT, 3, 42);
    int[] a = c.assignments();
    int[] blobOf = {a[0], a[300], a[500]};
    assertEquals(3, java.util.Arrays.stream(blobOf).distinct().count(), "three clusters");
    for (int row = 0; row < 600; row++) {
      int blob = row < 300 ? 0 : row < 500 ? 1 : 2;
      assertEquals(blobOf[blob], a[row], "row " + row);
    }
    double[] shares = {0.5, 1 / 3.0, 1 / 6.0};
    for (int b = 0; b < 3; b++) {
      assertEquals(Math.log(shares[b]), c.clusters().logShares()[blobOf[b]], 1e-6);
      float[] centroid = new float[3];
      System.arraycopy(c.clusters().centroids(), blobOf[b] * 3, centroid, 0, 3);
      assertEquals(5f, centroid[b], 0.2f, "centroid of blob " + b);
    }
    Dataset labelled = c.labelled(data);
    assertTrue(labelled.hasLabels());
    assertEquals(3, labelled.classes());
    assertEquals(a[123], labelled.label(123));

    DataClusters again = DataClusters.fit(data, DataScaling.UNIT, 3, 42);
    assertArrayEquals(a, again.assignments(), "a function of the data and the seed");
    assertArrayEquals(c.clusters().centroids(), again.clusters().centroids());
  }

  /**
   * Nearest centroids, four at a time, are those of one product at a time, summed in the same
   * order: for every count of centroids left over after the blocks of four.
   */
  @Test
  void blockedAssignmentIsTheOneAtATimeAssignment() {
    int d = 37;
    int rows = 50;
    float[] x = new float[rows * d];
    new SeedStreams(5).fillGaussian(SeedStreams.NOISE, 0, x);
    for (int k = 1; k <= 9; k++) {
      float[] c = new float[k * d];
      new SeedStreams(6).fillGaussian(SeedStreams.NOISE, k, c);
      int[] expected = new int[rows];
      for (int i = 0; i < rows; i++) {
        double best = Double.MAX_VALUE;
        for (int j = 0; j < k; j++) {
          double norm = 0;
          float dot = 0f;
          for (int v = 0; v < d; v++) {
            norm += (double) c[j * d + v] * c[j * d + v];
            dot += x[i * d + v] * c[j * d + v];
          }
          double dist = norm - 2.0 * dot;
          if (dist < best) {
            best = dist;
            expected[i] = j;
          }
        }
      }
      assertArrayEquals(expected, DataClusters.assign(x, rows, c, k, d), k + " centroids");
    }
  }

  /** The trainers of one data set (a benchmark's) cluster it once. */
  @Test
  void ofKeepsTheLastClusteringOfTheSameDataAndSeed() {
    ArrayDataset data = blobs();
    GanArchitecture mlp =
        GanArchitecture.mlp("mlp:8", 4, DataShape.vector(3), DataScaling.UNIT, true);
    GanArchitecture arch =
        new GanArchitecture(
            mlp.shape(),
            mlp.scaling(),
            mlp.flat(),
            mlp.generator().withClusters(3),
            mlp.discriminator().withClusters(3));
    DataClusters first = DataClusters.of(data, arch, 42);
    assertSame(first, DataClusters.of(data, arch, 42));
    DataClusters otherSeed = DataClusters.of(data, arch, 43);
    assertNotSame(first, otherSeed);
    DataClusters otherData = DataClusters.of(blobs(), arch, 43);
    assertNotSame(otherSeed, otherData);
    assertArrayEquals(otherSeed.assignments(), otherData.assignments(), "same rows, same clusters");
  }

  @Test
  void refusesFewerRowsThanClusters() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DataClusters.fit(blobs().first(4), DataScaling.UNIT, 5, 1));
    assertTrue(
        e.getMessage().contains("expected at least 5 samples to cluster, found 4"), e.getMessage());
  }
}

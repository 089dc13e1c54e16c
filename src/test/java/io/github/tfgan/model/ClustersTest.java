package io.github.tfgan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Networks conditioned on data clusters ({@link NetworkSpec#clusters()}): a generator draws its
 * cluster from its noise as often as the cluster's share says and sees it one-hot; a discriminator
 * projects onto the given cluster, or the input's nearest centroid; both against plain Java.
 */
class ClustersTest {

  @Test
  void theSpecsCountTheirClustersAndRefuseWhatCannotFit() {
    NetworkSpec g = ConvNets.generator(100, DataShape.MNIST, 8, Activation.TANH).withClusters(50);
    NetworkSpec d = ConvNets.discriminator(DataShape.MNIST, 8, false).withClusters(50);
    assertTrue(g.hasClusterInput() && !g.hasClusterProjection());
    assertTrue(d.hasClusterProjection() && !d.hasClusterInput());
    assertEquals(150, g.shapes().get(0)[0], "z and the one-hot cluster");
    NetworkSpec plainG = ConvNets.generator(100, DataShape.MNIST, 8, Activation.TANH);
    assertEquals(plainG.parameterCount() + 50L * 7 * 7 * 16, g.parameterCount());
    assertEquals(plainG.stateCount() + 50, g.stateCount(), "the log shares");
    NetworkSpec plainD = ConvNets.discriminator(DataShape.MNIST, 8, false);
    assertEquals(plainD.parameterCount() + 50L * 7 * 7 * 16, d.parameterCount(), "embedding");
    assertEquals(50L * 784, d.stateCount(), "the centroids");
    assertTrue(ModelSummary.of(g).contains("input (z, one-hot cluster)"), ModelSummary.of(g));
    assertTrue(ModelSummary.of(d).contains("cluster centroids"), ModelSummary.of(d));
    assertFalse(g.isConditional() || d.isConditional(), "callers see unconditional networks");

    for (int bad : List.of(1, 2000)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> plainG.withClusters(bad));
      assertTrue(e.getMessage().contains("found " + bad + " clusters"), e.getMessage());
    }
    assertEquals(
        205,
        ConvNets.generator(5, DataShape.MNIST, 8, Activation.TANH)
            .withClusters(200)
            .shapes()
            .get(0)[0],
        "more clusters than noise values: the cluster comes from the first");
    IllegalArgumentException labelled =
        assertThrows(
            IllegalArgumentException.class,
            () -> plainG.conditioned(10, NetworkSpec.Conditioning.INPUT).withClusters(10));
    assertTrue(labelled.getMessage().contains("a label as well"), labelled.getMessage());
    // A conditional architecture drops the clusters: the label takes their place.
    GanArchitecture clustered =
        GanArchitecture.of("dcgan:8:clusters10", 100, DataShape.MNIST, DataScaling.SYMMETRIC, true);
    assertEquals(10, clustered.clusters());
    assertFalse(clustered.isConditional());
    assertEquals(0, clustered.conditional(10).clusters());
    assertEquals(10, clustered.conditional(10).classes());
  }

  @Test
  void theGeneratorDrawsClustersAsOftenAsTheirSharesAndSeesThemOneHot() {
    NetworkSpec spec =
        new NetworkSpec("generator", 4, List.of(new Layer(2, Activation.LINEAR))).withClusters(3);
    float[] shares = {0.7f, 0.2f, 0.1f};
    float[] logShares = new float[3];
    for (int k = 0; k < 3; k++) {
      logShares[k] = (float) Math.log(shares[k]);
    }
    int n = 20_000;
    float[] z = new float[n * 4];
    new SeedStreams(5).fillGaussian(SeedStreams.NOISE, 0, z);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Network g = Network.create(tf, spec, 5, "generator", new Clusters(new float[3], logShares));
      Operand<TFloat32> zs = tf.constant(Shape.of(n, 4), DataBuffers.of(z));
      Operand<TInt32> drawn = g.clusterOf(tf, zs);
      Operand<TFloat32> out = g.apply(tf, zs);
      try (Session s = new Session(graph)) {
        s.initialize();
        Session.Runner runner = s.runner().fetch(drawn).fetch(out);
        g.variables().forEach(runner::fetch);
        try (Result r = runner.run()) {
          int[] clusters = new int[n];
          ((TInt32) r.get(0)).asRawTensor().data().asInts().read(clusters);
          float[] images = NetworkTest.read((TFloat32) r.get(1));
          float[] k = NetworkTest.read((TFloat32) r.get(2));
          float[] b = NetworkTest.read((TFloat32) r.get(3));
          int[] counts = new int[3];
          for (int row = 0; row < n; row++) {
            counts[clusters[row]]++;
            float[] in = new float[7];
            System.arraycopy(z, row * 4, in, 0, 4);
            in[4 + clusters[row]] = 1f;
            for (int j = 0; j < 2; j++) {
              double acc = b[j];
              for (int i = 0; i < 7; i++) {
                acc += in[i] * k[i * 2 + j];
              }
              assertEquals(acc, images[row * 2 + j], 1e-5, "row " + row + ", output " + j);
            }
          }
          for (int c = 0; c < 3; c++) {
            assertEquals(shares[c], counts[c] / (double) n, 0.015, "share of cluster " + c);
          }
        }
      }
    }
  }

  @Test
  void theDiscriminatorProjectsOntoTheGivenClusterOrTheNearestCentroid() {
    NetworkSpec spec =
        new NetworkSpec(
                "discriminator",
                2,
                List.of(new Layer(3, Activation.LEAKY_RELU), new Layer(1, Activation.LINEAR)))
            .withClusters(2);
    float[] centroids = {1f, 1f, -1f, -1f};
    float[] x = {0.9f, 1.2f, -2f, -0.5f, 0.3f, 0.1f, -0.2f, -0.1f};
    int[] nearest = {0, 1, 0, 1};
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Network d =
          Network.create(tf, spec, 9, "discriminator", new Clusters(centroids, new float[2]));
      Operand<TFloat32> xs = tf.constant(Shape.of(4, 2), DataBuffers.of(x));
      Operand<TFloat32> own = d.apply(tf, xs);
      Operand<TFloat32> given = d.apply(tf, xs, tf.constant(nearest));
      Operand<TFloat32> other = d.apply(tf, xs, tf.constant(new int[] {1, 0, 1, 0}));
      try (Session s = new Session(graph)) {
        s.initialize();
        try (Result r = s.runner().fetch(own).fetch(given).fetch(other).run()) {
          float[] a = NetworkTest.read((TFloat32) r.get(0));
          assertArrayEquals(a, NetworkTest.read((TFloat32) r.get(1)), 1e-6f);
          float[] c = NetworkTest.read((TFloat32) r.get(2));
          for (int i = 0; i < 4; i++) {
            assertTrue(Math.abs(a[i] - c[i]) > 1e-6f, "the cluster changes the logit, row " + i);
          }
        }
      }
    }
  }
}

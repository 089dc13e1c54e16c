package io.github.tfgan.train;

import io.github.tfgan.model.SeedStreams;

/**
 * Which images make up the batch of each iteration: each epoch is a fresh seeded permutation of the
 * data set, cut into full batches (a last partial batch is dropped). The batch of iteration i
 * depends only on (seed, i) (stream {@link SeedStreams#SHUFFLE} at the epoch), so a run can be
 * repeated or resumed exactly.
 */
final class BatchSampler {
  private final int count;
  private final int batchSize;
  private final long seed;
  private final int batchesPerEpoch;
  private long cachedEpoch = -1;
  private int[] permutation;

  /**
   * @param count number of images in the data set
   * @param batchSize images per batch, at most {@code count}
   */
  public BatchSampler(int count, int batchSize, long seed) {
    if (batchSize > count) {
      throw new IllegalArgumentException(
          "batchSize: expected at most the number of training images ("
              + count
              + "), found "
              + batchSize);
    }
    this.count = count;
    this.batchSize = batchSize;
    this.seed = seed;
    this.batchesPerEpoch = count / batchSize;
  }

  /** Fills {@code out} with the image indices of the 0-based {@code iteration}'s batch. */
  public void indices(long iteration, int[] out) {
    long epoch = iteration / batchesPerEpoch;
    if (epoch != cachedEpoch) {
      permutation = permutation(epoch);
      cachedEpoch = epoch;
    }
    int start = (int) (iteration % batchesPerEpoch) * batchSize;
    System.arraycopy(permutation, start, out, 0, batchSize);
  }

  private int[] permutation(long epoch) {
    int[] p = new int[count];
    for (int i = 0; i < count; i++) {
      p[i] = i;
    }
    SeedStreams.Generator random = new SeedStreams(seed).generator(SeedStreams.SHUFFLE, epoch);
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}

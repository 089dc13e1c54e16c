package io.github.tfgan.model;

import java.nio.charset.StandardCharsets;

/**
 * Every random stream of a run, derived from its one seed in one place: a stream has a name and an
 * index ({@code noise} and the iteration, {@code shuffle} and the epoch, {@code init/generator} and
 * the layer), and its values are a pure function of (seed, name, index), like JAX's {@code PRNGKey}
 * split or NumPy's {@code SeedSequence.spawn}.
 *
 * <p>Only arithmetic whose result the Java specification fixes is used: 64-bit integer mixing
 * (SplitMix64's finaliser), IEEE double {@code + - * /}, {@link StrictMath#log} and {@link
 * StrictMath#sqrt}. The same seed therefore gives the same streams on every JDK. (The streams used
 * before, {@code SplittableRandom.nextGaussian}, did not: its ziggurat's tail uses {@code Math}
 * functions that the JIT may replace with intrinsics, and on JDK 25 the noise of iteration 102
 * differed from JDK 17's.) {@code SeedStreamsTest} pins the first values of each stream.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class SeedStreams {
  /** The generator's noise z of one iteration; index: the 0-based iteration. */
  public static final String NOISE = "noise";

  /**
   * The gradient penalty's interpolation weights ε ~ U[0, 1] of one iteration (drawn only when the
   * penalty is on); index: the 0-based iteration.
   */
  public static final String GP_MIX = "gp/mix";

  /** The permutation of the training images in one epoch; index: the 0-based epoch. */
  public static final String SHUFFLE = "shuffle";

  /** The fixed noise batch of the sample grids; index 0. */
  public static final String SAMPLE_GRID = "samples";

  /** A network's kernel initialisers: {@code init/NETWORK}; index: the 0-based layer. */
  public static final String INIT = "init/";

  /**
   * Noise drawn from an exported generator by {@code generate} or {@code evaluate}; index: the
   * 0-based row (sample), so that any range of rows is drawn without the rows before it (since
   * 0.12.0; before, all rows came from index 0 in turn).
   */
  public static final String EXPORTED_NOISE = "exported-noise";

  /** The k-means clustering of the training data ({@code data.DataClusters}): sample and seeds. */
  public static final String CLUSTERS = "clusters";

  /** The uniform-noise reference images of {@code evaluate}; index 0. */
  public static final String UNIFORM_REFERENCE = "eval/uniform";

  /** The points of a two-dimensional Gaussian mixture ({@code eval.GaussianMixture}); index 0. */
  public static final String MIXTURE = "eval/mixture";

  /**
   * The images of the colour set with known modes ({@code eval.ColourModes}): per image its mode,
   * shifts and brightness; index 0.
   */
  public static final String COLOUR_MODES = "eval/colour-modes";

  /** The random operands of the benchmark's matmul floor; index 0. */
  public static final String BENCH_OPERANDS = "bench/operands";

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final long seed;

  /**
   * @param seed the run's seed
   */
  public SeedStreams(long seed) {
    this.seed = seed;
  }

  /** The seed these streams derive from. */
  public long seed() {
    return seed;
  }

  /**
   * The 64-bit key of stream {@code name} at {@code index}: SplitMix64 mixing of the seed, the
   * FNV-1a hash of the name's UTF-8 bytes and the index, so nearby seeds and indices give unrelated
   * keys.
   */
  public long key(String name, long index) {
    long h = mix(seed + GOLDEN_GAMMA);
    h = mix(h ^ fnv1a(name));
    return mix(h + index * GOLDEN_GAMMA);
  }

  /** A generator for stream {@code name} at {@code index}. */
  public Generator generator(String name, long index) {
    return new Generator(key(name, index));
  }

  /** Fills {@code out} with standard-normal floats of stream {@code name} at {@code index}. */
  public void fillGaussian(String name, long index, float[] out) {
    generator(name, index).fillGaussian(out);
  }

  /**
   * Fills {@code out} with floats of stream {@code name} at {@code index}, uniform in [0, 1]: each
   * a {@link Generator#nextDouble} rounded to float (which rounds the largest up to 1).
   */
  public void fillUniform(String name, long index, float[] out) {
    Generator g = generator(name, index);
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) g.nextDouble();
    }
  }

  /** SplitMix64's finaliser (Stafford's variant 13). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long fnv1a(String name) {
    long h = 0xCBF29CE484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return h;
  }

  /**
   * SplitMix64 (Steele, Lea and Flood 2014): a 64-bit state advanced by a fixed odd constant and
   * mixed on output. Not thread-safe; one per stream.
   */
  public static final class Generator {
    private long state;
    private double spare;
    private boolean hasSpare;

    /**
     * @param key the initial state, e.g. from {@link SeedStreams#key}
     */
    public Generator(long key) {
      this.state = key;
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
      state += GOLDEN_GAMMA;
      return mix(state);
    }

    /** Uniform in [0, bound), without modulo bias (Lemire's method, with rejection). */
    public int nextInt(int bound) {
      if (bound <= 0) {
        throw new IllegalArgumentException("bound: expected > 0, found " + bound);
      }
      long m = (nextLong() >>> 32) * bound;
      long low = m & 0xFFFFFFFFL;
      if (low < bound) {
        long threshold = (0x100000000L - bound) % bound;
        while (low < threshold) {
          m = (nextLong() >>> 32) * bound;
          low = m & 0xFFFFFFFFL;
        }
      }
      return (int) (m >>> 32);
    }

    /** Uniform in [0, 1), 53 random bits. */
    public double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Standard normal, by Marsaglia's polar method with {@link StrictMath}: the same value on every
     * JDK.
     */
    public double nextGaussian() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      double u;
      double v;
      double s;
      do {
        u = 2 * nextDouble() - 1;
        v = 2 * nextDouble() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s == 0);
      double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
      spare = v * scale;
      hasSpare = true;
      return u * scale;
    }

    /** Fills {@code out} with standard-normal floats. */
    public void fillGaussian(float[] out) {
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) nextGaussian();
      }
    }
  }
}

package io.github.tfgan.config;

import io.github.tfgan.model.NetworkSpec;

/**
 * The complete, validated configuration of one training run.
 *
 * <p>Every default is the value the ported article uses ({@code tf.layers.dense} defaults, TF1
 * {@code AdamOptimizer} defaults, and the listing's hyper-parameters). Options the article only
 * advises (learning-rate decay, gradient clipping) and one-sided label smoothing are off by
 * default.
 *
 * @param dataset which data set to train on
 * @param iterations number of training iterations (one D step then one G step each)
 * @param batchSize real images per D step, and fake images per step
 * @param noiseDim size of the standard-normal input z of the generator
 * @param learningRate Adam step size for both networks
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param epsilon Adam epsilon ("epsilon hat", as TF1's AdamOptimizer)
 * @param lrDecayRate multiply the learning rate by this every {@code lrDecaySteps}; 1 = off
 * @param lrDecaySteps iterations per decay period
 * @param clipNorm clip each network's gradients to this global norm; 0 = off
 * @param realLabel target label for real images in D's loss; 1 = off, 0.9 = one-sided smoothing
 * @param loss the objective on D's logits ({@link LossKind})
 * @param generatorLearningRate G's learning rate when it differs from D's; 0 = {@code learningRate}
 * @param r1Gamma weight γ of the R1 penalty γ/2·E‖∇ₓ D_logit(x)‖² on real images added to D's loss
 *     (Mescheder et al. 2018); 0 = off
 * @param r1Every apply the R1 penalty every this many iterations only, weighted by this number
 *     (lazy regularisation, Karras et al. 2020); 1 = every iteration. 0, what a configuration
 *     written before this field existed reads as, means 1
 * @param gpGamma weight λ of the WGAN-GP gradient penalty λ·E(‖∇ D_logit(x̂)‖ − 1)² on random
 *     interpolates x̂ = εx + (1 − ε)G(z), ε ~ U[0, 1] per sample (Gulrajani et al. 2017), added to
 *     D's loss every iteration; 0 = off, and what a configuration written before this field existed
 *     reads as
 * @param emaDecay decay of an exponential moving average of G's weights, which is what samples and
 *     exports use; 0 = off (the raw weights)
 * @param emaWarmup decay min(emaDecay, (1 + n) / (10 + n)) at iteration n, as TF's {@code
 *     ExponentialMovingAverage(decay, num_updates)}; false (a configuration written before this
 *     field existed reads so): a constant decay, as up to 0.8.0
 * @param updates whether G steps against D as just updated (the article's alternating steps) or
 *     both step from the same point; null, what a configuration written before this field existed
 *     reads as, means alternating
 * @param seed one seed drives initialisation, noise and shuffling
 * @param logEvery print a log line every this many iterations
 * @param sampleEvery write a sample grid every this many iterations; 0 = only at the end
 * @param checkpointEvery write a checkpoint every this many iterations; 0 = never
 * @param keepCheckpoints how many of the latest checkpoints to keep
 * @param net the networks, {@code mlp:W1,W2,...} (G's hidden widths, D's reversed) or {@code
 *     dcgan:W}; input and output sizes from the data ({@link NetworkSpec#hiddenWidths}); null, what
 *     a configuration written before this field existed reads as, means the article's {@value
 *     NetworkSpec#ARTICLE_NET}
 * @param conditional class-conditional G and D: G takes a label beside z, D projects it onto its
 *     features (the data's labels train them); false, what a configuration written before this
 *     field existed reads as, means unconditional
 */
public record GanConfig(
    Dataset dataset,
    int iterations,
    int batchSize,
    int noiseDim,
    float learningRate,
    float beta1,
    float beta2,
    float epsilon,
    float lrDecayRate,
    int lrDecaySteps,
    float clipNorm,
    float realLabel,
    LossKind loss,
    float generatorLearningRate,
    float r1Gamma,
    int r1Every,
    float gpGamma,
    float emaDecay,
    boolean emaWarmup,
    UpdateOrder updates,
    long seed,
    int logEvery,
    int sampleEvery,
    int checkpointEvery,
    int keepCheckpoints,
    String net,
    boolean conditional) {

  /** Article: {@code num_iterations = 10000}. */
  public static final int ARTICLE_ITERATIONS = 10_000;

  /** Article: {@code batch_size = 128}. */
  public static final int ARTICLE_BATCH_SIZE = 128;

  /** Article: {@code noise_dim = 100}. */
  public static final int ARTICLE_NOISE_DIM = 100;

  /** Article: {@code learning_rate = 0.0002}. */
  public static final float ARTICLE_LEARNING_RATE = 0.0002f;

  /** TF1 {@code tf.train.AdamOptimizer} default {@code beta1}. */
  public static final float TF1_ADAM_BETA1 = 0.9f;

  /** TF1 {@code tf.train.AdamOptimizer} default {@code beta2}. */
  public static final float TF1_ADAM_BETA2 = 0.999f;

  /** TF1 {@code tf.train.AdamOptimizer} default {@code epsilon}. */
  public static final float TF1_ADAM_EPSILON = 1e-8f;

  /** Article: a log line every 100 iterations. */
  public static final int ARTICLE_LOG_EVERY = 100;

  /** Not in the article: how often a sample grid is written by default. */
  public static final int DEFAULT_SAMPLE_EVERY = 1_000;

  /** Not in the article: how often a checkpoint is written by default. */
  public static final int DEFAULT_CHECKPOINT_EVERY = 1_000;

  /** Not in the article: how many checkpoints are kept by default. */
  public static final int DEFAULT_KEEP_CHECKPOINTS = 3;

  /** Not in the article (it only advises decay): iterations per decay period, when decaying. */
  public static final int DEFAULT_LR_DECAY_STEPS = 1_000;

  /** Not in the article: the default seed. */
  public static final long DEFAULT_SEED = 42L;

  /**
   * Validates every field; the message starts with the field's name, then what was expected and
   * what was found.
   */
  public GanConfig {
    Checks.present("dataset", dataset, Dataset.values(), Dataset::cliName);
    Checks.positive("iterations", iterations);
    Checks.positive("batchSize", batchSize);
    Checks.positive("noiseDim", noiseDim);
    Checks.finitePositive("learningRate", learningRate);
    Checks.openUnit("beta1", beta1, true);
    Checks.openUnit("beta2", beta2, false);
    Checks.finitePositive("epsilon", epsilon);
    Checks.check(
        lrDecayRate > 0f && lrDecayRate <= 1f, "lrDecayRate", "(0, 1] (1 = no decay)", lrDecayRate);
    Checks.positive("lrDecaySteps", lrDecaySteps);
    Checks.finiteNonNegative("clipNorm", clipNorm, "no clipping");
    Checks.check(
        realLabel > 0.5f && realLabel <= 1f, "realLabel", "(0.5, 1] (1 = no smoothing)", realLabel);
    Checks.present("loss", loss, LossKind.values(), LossKind::cliName);
    Checks.finiteNonNegative("generatorLearningRate", generatorLearningRate, "learningRate");
    Checks.finiteNonNegative("r1Gamma", r1Gamma, "no penalty");
    r1Every = r1Every == 0 ? 1 : r1Every;
    Checks.positive("r1Every", r1Every);
    Checks.finiteNonNegative("gpGamma", gpGamma, "no penalty");
    Checks.realLabelFits(realLabel, loss);
    Checks.check(
        emaDecay >= 0f && emaDecay < 1f, "emaDecay", "[0, 1) (0 = no averaging)", emaDecay);
    updates = updates == null ? UpdateOrder.ALTERNATING : updates;
    Checks.positive("logEvery", logEvery);
    Checks.nonNegative("sampleEvery", sampleEvery, "only at the end");
    Checks.nonNegative("checkpointEvery", checkpointEvery, "never");
    Checks.positive("keepCheckpoints", keepCheckpoints);
    net = net == null ? NetworkSpec.ARTICLE_NET : net;
    NetworkSpec.checkNet(net);
  }

  /** The article's settings on MNIST with the default seed. */
  public static GanConfig article() {
    return builder().build();
  }

  /** A builder starting from the article's settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return ConfigCopy.of(this);
  }

  /** Mutable builder; {@link #build()} validates. Starts from the article's settings. */
  public static final class Builder {
    private Dataset dataset = Dataset.MNIST;
    private int iterations = ARTICLE_ITERATIONS;
    private int batchSize = ARTICLE_BATCH_SIZE;
    private int noiseDim = ARTICLE_NOISE_DIM;
    private float learningRate = ARTICLE_LEARNING_RATE;
    private float beta1 = TF1_ADAM_BETA1;
    private float beta2 = TF1_ADAM_BETA2;
    private float epsilon = TF1_ADAM_EPSILON;
    private float lrDecayRate = 1f;
    private int lrDecaySteps = DEFAULT_LR_DECAY_STEPS;
    private float clipNorm = 0f;
    private float realLabel = 1f;
    private LossKind loss = LossKind.STANDARD;
    private float generatorLearningRate = 0f;
    private float r1Gamma = 0f;
    private int r1Every = 1;
    private float gpGamma = 0f;
    private float emaDecay = 0f;
    private boolean emaWarmup = true;
    private UpdateOrder updates = UpdateOrder.ALTERNATING;
    private long seed = DEFAULT_SEED;
    private int logEvery = ARTICLE_LOG_EVERY;
    private int sampleEvery = DEFAULT_SAMPLE_EVERY;
    private int checkpointEvery = DEFAULT_CHECKPOINT_EVERY;
    private int keepCheckpoints = DEFAULT_KEEP_CHECKPOINTS;
    private String net = NetworkSpec.ARTICLE_NET;
    private boolean conditional = false;

    private Builder() {}

    public Builder dataset(Dataset v) {
      dataset = v;
      return this;
    }

    public Builder iterations(int v) {
      iterations = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder noiseDim(int v) {
      noiseDim = v;
      return this;
    }

    public Builder learningRate(float v) {
      learningRate = v;
      return this;
    }

    public Builder beta1(float v) {
      beta1 = v;
      return this;
    }

    public Builder beta2(float v) {
      beta2 = v;
      return this;
    }

    public Builder epsilon(float v) {
      epsilon = v;
      return this;
    }

    /** Multiply the learning rate by this every {@link #lrDecaySteps} iterations; 1 = off. */
    public Builder lrDecayRate(float v) {
      lrDecayRate = v;
      return this;
    }

    /** Iterations per learning-rate decay period. */
    public Builder lrDecaySteps(int v) {
      lrDecaySteps = v;
      return this;
    }

    /** Clip each network's gradients to this global norm; 0 turns it off. */
    public Builder clipNorm(float v) {
      clipNorm = v;
      return this;
    }

    /** D's target for real images: 1 = none, 0.9 = one-sided label smoothing. */
    public Builder realLabel(float v) {
      realLabel = v;
      return this;
    }

    public Builder loss(LossKind v) {
      loss = v;
      return this;
    }

    /** G's own learning rate (two time-scale updates); 0 = the shared learning rate. */
    public Builder generatorLearningRate(float v) {
      generatorLearningRate = v;
      return this;
    }

    /** Weight of the R1 gradient penalty on real images in D's loss; 0 turns it off. */
    public Builder r1Gamma(float v) {
      r1Gamma = v;
      return this;
    }

    /** See {@link GanConfig#r1Every()}; must be positive. */
    public Builder r1Every(int v) {
      Checks.positive("r1Every", v);
      r1Every = v;
      return this;
    }

    /** Weight of the WGAN-GP gradient penalty on interpolates in D's loss; 0 turns it off. */
    public Builder gpGamma(float v) {
      gpGamma = v;
      return this;
    }

    /** Decay of the moving average of G's weights used for samples and exports; 0 = off. */
    public Builder emaDecay(float v) {
      emaDecay = v;
      return this;
    }

    /** See {@link GanConfig#emaWarmup()}; on by default. */
    public Builder emaWarmup(boolean v) {
      emaWarmup = v;
      return this;
    }

    /** See {@link GanConfig#updates()}; must not be null. */
    public Builder updates(UpdateOrder v) {
      updates = Checks.present("updates", v, UpdateOrder.values(), UpdateOrder::cliName);
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder logEvery(int v) {
      logEvery = v;
      return this;
    }

    public Builder sampleEvery(int v) {
      sampleEvery = v;
      return this;
    }

    public Builder checkpointEvery(int v) {
      checkpointEvery = v;
      return this;
    }

    public Builder keepCheckpoints(int v) {
      keepCheckpoints = v;
      return this;
    }

    /** Class-conditional G and D ({@link GanConfig#conditional()}). */
    public Builder conditional(boolean v) {
      conditional = v;
      return this;
    }

    /** The networks: {@code mlp:W1,W2,...} ({@link GanConfig#net()}). */
    public Builder net(String v) {
      net = v;
      return this;
    }

    /** Validates and returns the configuration. */
    public GanConfig build() {
      return new GanConfig(
          dataset,
          iterations,
          batchSize,
          noiseDim,
          learningRate,
          beta1,
          beta2,
          epsilon,
          lrDecayRate,
          lrDecaySteps,
          clipNorm,
          realLabel,
          loss,
          generatorLearningRate,
          r1Gamma,
          r1Every,
          gpGamma,
          emaDecay,
          emaWarmup,
          updates,
          seed,
          logEvery,
          sampleEvery,
          checkpointEvery,
          keepCheckpoints,
          net,
          conditional);
    }
  }

  /** Whether samples and exports use a moving average of G's weights. */
  public boolean usesEma() {
    return emaDecay > 0f;
  }

  /** G's base learning rate: its own when set, else the shared one. */
  public float generatorBaseLearningRate() {
    return generatorLearningRate > 0f ? generatorLearningRate : learningRate;
  }
}

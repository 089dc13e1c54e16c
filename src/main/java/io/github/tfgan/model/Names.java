package io.github.tfgan.model;

/**
 * Every op and variable name that is fed, fetched, checkpointed or exported. Checkpoints and
 * SavedModels depend on these names: change them and old files no longer load.
 *
 * <p>Variable names carry no {@code /}: TF Java's Adam slot naming breaks on sub-scopes, and flat
 * names read the same in Python's {@code tf.train.list_variables}.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class Names {
  /** Prefix of every generator variable. */
  public static final String GENERATOR = "generator";

  /** Prefix of every discriminator variable. */
  public static final String DISCRIMINATOR = "discriminator";

  /** Prefix of the moving average of the generator's variables (training graph only). */
  public static final String GENERATOR_EMA = "generator_ema";

  /** Training graph: real images fed per step, {@code [batch, 784]}. */
  public static final String REAL_IMAGES = "real_images";

  /** Training graph: noise z fed per step, {@code [batch, noiseDim]}. */
  public static final String NOISE = "noise";

  /**
   * Training graph, with the gradient penalty only: its interpolation weights ε fed per step,
   * {@code [batch, 1]}.
   */
  public static final String GP_MIX = "gp_mix";

  /** Training graph: 0-based iteration fed per step; drives the learning-rate schedule. */
  public static final String ITERATION = "iteration";

  /** Training graph: discriminator loss. */
  public static final String D_LOSS = "d_loss";

  /** Training graph: generator loss (the configured loss's G part; non-saturating by default). */
  public static final String G_LOSS = "g_loss";

  /** Training graph: mean D(x) over the real batch. */
  public static final String D_REAL = "d_real_mean";

  /** Training graph: mean D(G(z)) over the fake batch. */
  public static final String D_FAKE = "d_fake_mean";

  /** Training graph: learning rate in force. */
  public static final String LEARNING_RATE = "learning_rate";

  /** Training graph: target running one D step. */
  public static final String D_TRAIN = "d_train";

  /** Training graph: target running one G step. */
  public static final String G_TRAIN = "g_train";

  /** Training graph: noise fed to draw sample grids, {@code [n, noiseDim]}. */
  public static final String SAMPLE_Z = "sample_z";

  /** Training graph: generated images for {@link #SAMPLE_Z}. */
  public static final String SAMPLE_IMAGES = "sample_images";

  /** Exported signatures: generator input. */
  public static final String SIG_Z = "z";

  /** Exported signatures: generator output and discriminator input. */
  public static final String SIG_IMAGES = "images";

  /** Serving signature name of vector samples (G's output, D's input) for vector data. */
  public static final String SIG_SAMPLES = "samples";

  /** Placeholder of a conditional run's batch labels. */
  public static final String LABELS = "labels";

  /** Placeholder of a conditional trainer's sample labels. */
  public static final String SAMPLE_LABELS = "sample_labels";

  /** Signature input of a conditional model: one int32 class label per row. */
  public static final String SIG_LABEL = "label";

  /** Exported signatures: discriminator probability output. */
  public static final String SIG_PROBABILITY = "probability";

  /** Exported signatures: discriminator logits output. */
  public static final String SIG_LOGITS = "logits";

  /** Exported signature key, the one TF Serving and Keras use by default. */
  public static final String SERVING_DEFAULT = "serving_default";

  /**
   * The same signature under Keras 3's default endpoint name ({@code keras.layers.TFSMLayer(path)}
   * and {@code model.export} use "serve").
   */
  public static final String SERVE = "serve";

  /** Method name TF Serving's Predict API requires. */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";

  /** SavedModel tag. */
  public static final String SERVE_TAG = "serve";

  private Names() {}
}

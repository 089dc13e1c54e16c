package io.github.tfgan.model;

/**
 * The geometry of MNIST (and Fashion-MNIST) images, in one place: 28 × 28 grey pixels, flattened
 * row-major to 784 floats in [0, 1], with labels 0–9. Every graph, reader and writer of this
 * project takes its sizes from here.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Public only because
 * the library's other packages use it.
 */
public final class MnistShape {
  /** Rows and columns of one image. */
  public static final int SIDE = 28;

  /** Pixels per image, the width of the discriminator's input and the generator's output. */
  public static final int PIXELS = SIDE * SIDE;

  /** Label classes (digits 0–9, or Fashion-MNIST's ten kinds of clothing). */
  public static final int CLASSES = 10;

  private MnistShape() {}
}

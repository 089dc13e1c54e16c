package io.github.tfgan.eval;

import io.github.tfgan.model.DataShape;
import io.github.tfgan.model.SeedStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A colour image set with 16 known modes, on which mode collapse of image GANs is measured as
 * {@link GaussianMixture} measures it for vectors:
 *
 * <ul>
 *   <li>{@link #colours16()}: 32×32 RGB images on a black background, each holding one filled
 *       square of side 10 pixels in one of 4 colours (red, green, blue, yellow) in one of the 4
 *       quadrants (top-left, top-right, bottom-left, bottom-right): 16 modes, equally likely. A
 *       sample's square is centred in its quadrant, then moved by a whole number of pixels in [-2,
 *       2] along each axis, and its colour's channels hold 220 times a brightness factor uniform in
 *       [0.9, 1.1) (rounded; 198–242), the others 0.
 * </ul>
 *
 * <p>Mode {@code k} is colour {@code k / 4} in quadrant {@code k % 4}, in the orders above ({@link
 * #modeName}: {@code "red top-left"}).
 *
 * <p>{@link #coverage} measures images in [0, 1] against <em>templates</em>: for each mode, its
 * square at the base level 220/255 at each of its 25 allowed positions. A sample goes to the mode
 * of its nearest template (Euclidean distance over all 3,072 values), and is of <em>high
 * quality</em> when that distance is at most {@link #QUALITY_DISTANCE} (0.5) in units of the norm
 * of one lit channel of the square ({@code 10 × 220/255}): what differs from the template weighs at
 * most as much as a quarter of a one-channel square at the full level, the same for every mode. The
 * set's own images lie within 0.1 (red, green, blue) and 0.15 (yellow) of their template, from the
 * brightness jitter. A red, green or blue square one pixel beyond the allowed shifts is at 0.45
 * (yellow, two lit channels: 0.63), two pixels beyond at 0.63; a square of the wrong colour or
 * quadrant is at 1 or more, and so is a blank image. A mode is <em>covered</em> when at least a
 * quarter of its fair share of the samples ({@code n / 64}, rounded up) are of high quality and
 * nearest to it; it is <em>reached</em> with one such sample.
 *
 * <pre>{@code
 * ColourModes set = ColourModes.colours16();
 * ColourModes.Images data = set.sample(10_000, 42);   // bytes [10000, 32, 32, 3] and mode indices
 * ColourModeCoverage c = set.coverage(generated);      // generated: [n, 32*32*3] in [0, 1]
 * System.out.println(c.summary());
 * }</pre>
 */
public final class ColourModes {
  /** The sets {@link #named} knows, for messages and help. */
  public static final List<String> NAMES = List.of("colours16");

  /** Samples drawn per evaluation by default. */
  public static final int DEFAULT_SAMPLES = 10_000;

  /**
   * A sample is of high quality within this distance of its nearest template, in units of the norm
   * of one lit channel of the square.
   */
  public static final double QUALITY_DISTANCE = 0.5;

  /** A mode is covered by this share of its fair share of high-quality samples. */
  public static final int FAIR_SHARE_DIVISOR = 4;

  /** The colours' names, in mode order. */
  public static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");

  /** The quadrants' names, in mode order. */
  public static final List<String> QUADRANTS =
      List.of("top-left", "top-right", "bottom-left", "bottom-right");

  /** Which of R, G, B each colour lights. */
  private static final boolean[][] CHANNELS = {
    {true, false, false}, {false, true, false}, {false, false, true}, {true, true, false}
  };

  /** Side of the images, in pixels. */
  public static final int SIDE = 32;

  /** Side of the square, in pixels. */
  public static final int SQUARE = 10;

  /** The largest shift of the square from its quadrant's centre, in pixels, along each axis. */
  public static final int JITTER = 2;

  /** The level of a lit channel at brightness factor 1. */
  public static final int LEVEL = 220;

  /** The brightness factor is uniform in [1 - this, 1 + this). */
  public static final double BRIGHTNESS_JITTER = 0.1;

  private static final int CHANNELS_RGB = 3;
  private static final int HALF = SIDE / 2;
  private static final int CENTRED = (HALF - SQUARE) / 2;
  private static final int SHIFTS = 2 * JITTER + 1;

  private final String name;

  private ColourModes(String name) {
    this.name = name;
  }

  /** The 16-mode set: 4 colours × 4 quadrants of 32×32 RGB images. */
  public static ColourModes colours16() {
    return new ColourModes("colours16");
  }

  /**
   * The set called {@code name}: {@code colours16}.
   *
   * @throws IllegalArgumentException naming the known sets
   */
  public static ColourModes named(String name) {
    if (name.toLowerCase(Locale.ROOT).equals("colours16")) {
      return colours16();
    }
    throw new IllegalArgumentException(
        "colour modes: expected " + String.join(" or ", NAMES) + ", found '" + name + "'");
  }

  /** The set's name, as {@link #named} takes it. */
  public String name() {
    return name;
  }

  /** The number of modes: 16. */
  public int modes() {
    return COLOURS.size() * QUADRANTS.size();
  }

  /** One image's shape: 32×32×3. */
  public DataShape shape() {
    return DataShape.image(SIDE, SIDE, CHANNELS_RGB);
  }

  /** "red top-left" for mode 0, .., "yellow bottom-right" for mode 15. */
  public String modeName(int mode) {
    return COLOURS.get(mode / 4) + " " + QUADRANTS.get(mode % 4);
  }

  /** The modes' names, in mode order. */
  public List<String> modeNames() {
    List<String> names = new ArrayList<>();
    for (int k = 0; k < modes(); k++) {
      names.add(modeName(k));
    }
    return names;
  }

  /**
   * High-quality samples a mode needs to count as covered among {@code samples}: a quarter of its
   * fair share, {@code samples / 64} rounded up, and at least 1.
   */
  public int modeMinimum(int samples) {
    long fair = (long) FAIR_SHARE_DIVISOR * modes();
    return (int) Math.max(1, (samples + fair - 1) / fair);
  }

  /**
   * Images of the set and their modes.
   *
   * @param pixels {@code n × 32 × 32 × 3} bytes (unsigned), HWC, row-major
   * @param modes each image's mode, in [0, 16)
   */
  public record Images(byte[] pixels, int[] modes) {
    /** The number of images. */
    public int count() {
      return modes.length;
    }
  }

  /**
   * {@code n} images of the set: for each, a mode, a vertical and a horizontal shift and a
   * brightness factor, drawn in that order from stream {@code SeedStreams.COLOUR_MODES} of {@code
   * seed} (the same bytes on every JDK).
   *
   * @throws IllegalArgumentException if {@code n} is not positive or the bytes would not fit one
   *     array
   */
  public Images sample(int n, long seed) {
    int size = shape().size();
    if (n <= 0 || n > Integer.MAX_VALUE / size) {
      throw new IllegalArgumentException(
          "n: expected a number of images in [1, " + Integer.MAX_VALUE / size + "], found " + n);
    }
    SeedStreams.Generator random = new SeedStreams(seed).generator(SeedStreams.COLOUR_MODES, 0);
    byte[] pixels = new byte[n * size];
    int[] modes = new int[n];
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(modes());
      int dy = random.nextInt(SHIFTS) - JITTER;
      int dx = random.nextInt(SHIFTS) - JITTER;
      double factor = 1 - BRIGHTNESS_JITTER + 2 * BRIGHTNESS_JITTER * random.nextDouble();
      byte level = (byte) Math.round(LEVEL * factor);
      modes[i] = k;
      paint(pixels, i * size, k, dy, dx, level);
    }
    return new Images(pixels, modes);
  }

  /**
   * Mode {@code mode}'s image without jitter (square centred in its quadrant, level 220), in [0,
   * 1]: {@code 32 × 32 × 3} floats, HWC.
   */
  public float[] prototype(int mode) {
    if (mode < 0 || mode >= modes()) {
      throw new IllegalArgumentException(
          "mode: expected a mode in [0, " + modes() + "), found " + mode);
    }
    byte[] bytes = new byte[shape().size()];
    paint(bytes, 0, mode, 0, 0, (byte) LEVEL);
    float[] image = new float[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      image[i] = (bytes[i] & 0xff) / 255f;
    }
    return image;
  }

  private static void paint(byte[] pixels, int offset, int mode, int dy, int dx, byte level) {
    int quadrant = mode % 4;
    boolean[] lit = CHANNELS[mode / 4];
    int top = (quadrant / 2) * HALF + CENTRED + dy;
    int left = (quadrant % 2) * HALF + CENTRED + dx;
    for (int y = top; y < top + SQUARE; y++) {
      for (int x = left; x < left + SQUARE; x++) {
        int at = offset + (y * SIDE + x) * CHANNELS_RGB;
        for (int c = 0; c < CHANNELS_RGB; c++) {
          if (lit[c]) {
            pixels[at + c] = level;
          }
        }
      }
    }
  }

  /**
   * Where one image lies against the templates.
   *
   * @param mode the mode of the nearest template, or -1 for an image with a value that is not
   *     finite
   * @param distance the distance to that template, in units of the norm of one lit channel of the
   *     square (infinite for -1)
   */
  public record Assignment(int mode, double distance) {
    /** Whether the image is of high quality: within {@link #QUALITY_DISTANCE}. */
    public boolean highQuality() {
      return mode >= 0 && distance <= QUALITY_DISTANCE;
    }
  }

  /**
   * The nearest template of the image at {@code images[offset .. offset + 3072)} (HWC, values in
   * [0, 1]), and the distance to it; the lowest mode (then the lowest shift) on a tie.
   */
  public Assignment assign(float[] images, int offset) {
    int stride = SIDE + 1;
    // summed-area tables of the three channels: sums[c][(y) * 33 + x] = sum over [0, y) x [0, x)
    double[][] sums = new double[CHANNELS_RGB][stride * stride];
    double energy = 0;
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int at = offset + (y * SIDE + x) * CHANNELS_RGB;
        for (int c = 0; c < CHANNELS_RGB; c++) {
          double v = images[at + c];
          if (!Double.isFinite(v)) {
            return new Assignment(-1, Double.POSITIVE_INFINITY);
          }
          energy += v * v;
          double[] s = sums[c];
          s[(y + 1) * stride + x + 1] =
              v + s[y * stride + x + 1] + s[(y + 1) * stride + x] - s[y * stride + x];
        }
      }
    }
    double level = LEVEL / 255.0;
    double unit = level * level * SQUARE * SQUARE;
    int bestMode = 0;
    double bestSquared = Double.POSITIVE_INFINITY;
    for (int k = 0; k < modes(); k++) {
      int quadrant = k % 4;
      boolean[] lit = CHANNELS[k / 4];
      int litChannels = 0;
      for (boolean b : lit) {
        litChannels += b ? 1 : 0;
      }
      double templateEnergy = unit * litChannels;
      for (int dy = -JITTER; dy <= JITTER; dy++) {
        for (int dx = -JITTER; dx <= JITTER; dx++) {
          int top = (quadrant / 2) * HALF + CENTRED + dy;
          int left = (quadrant % 2) * HALF + CENTRED + dx;
          double inside = 0;
          for (int c = 0; c < CHANNELS_RGB; c++) {
            if (lit[c]) {
              double[] s = sums[c];
              int bottom = top + SQUARE;
              int right = left + SQUARE;
              inside +=
                  s[bottom * stride + right]
                      - s[top * stride + right]
                      - s[bottom * stride + left]
                      + s[top * stride + left];
            }
          }
          double squared = energy - 2 * level * inside + templateEnergy;
          if (squared < bestSquared) {
            bestSquared = squared;
            bestMode = k;
          }
        }
      }
    }
    return new Assignment(bestMode, Math.sqrt(Math.max(0, bestSquared) / unit));
  }

  /** A new, empty {@link ColourModeTally} of this set. */
  public ColourModeTally tally() {
    return new ColourModeTally(this);
  }

  /**
   * The figures of {@code images}, as {@link ColourModeTally} counts them: each goes to the mode of
   * its nearest template, and is of high quality within {@link #QUALITY_DISTANCE} of it; a mode is
   * covered by {@link #modeMinimum} high-quality images. An image with a value that is not finite
   * is of low quality and nearest to no mode.
   *
   * @param images {@code n × 3072} floats in [0, 1], HWC, row-major, {@code n ≥ 1}
   */
  public ColourModeCoverage coverage(float[] images) {
    int size = shape().size();
    if (images.length == 0 || images.length % size != 0) {
      throw new IllegalArgumentException(
          "images: expected n × "
              + size
              + " floats (32x32x3 images, n ≥ 1), found "
              + images.length
              + " floats");
    }
    ColourModeTally tally = tally();
    tally.add(images, images.length / size);
    return tally.coverage();
  }

  /**
   * The images' bytes as floats in [0, 1] ({@code b / 255}), as {@code train --data} reads them.
   */
  public static float[] toUnit(byte[] pixels) {
    float[] out = new float[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      out[i] = (pixels[i] & 0xff) / 255f;
    }
    return out;
  }
}

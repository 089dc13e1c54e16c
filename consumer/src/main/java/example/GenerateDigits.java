package example;

import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.image.ImageGrid;
import java.nio.file.Path;

/** Loads an exported generator and writes a grid of 16 generated digits. */
public final class GenerateDigits {
  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]); // a SavedModel, or a TF Serving base path such as savedmodels/generator
    Path png = Path.of(args[1]);
    try (GeneratorModel generator = GeneratorModel.load(model)) {
      float[] z = generator.noise(16, 42); // [16, 100] standard normal, from seed 42
      float[] images = generator.generate(z); // [16, 784] in [0, 1], row-major
      ImageGrid.writePng(images, 2, png);
    }
  }
}

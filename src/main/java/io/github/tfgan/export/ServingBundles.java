package io.github.tfgan.export;

import io.github.tfgan.model.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.tensorflow.SavedModelBundle;

/** Loads a SavedModel's {@code serve} graph and wraps it, closing the bundle if wrapping fails. */
final class ServingBundles {
  private ServingBundles() {}

  /**
   * @param what what the model must be, for the error message (e.g. "a generator (input z)")
   * @throws IllegalArgumentException naming {@code --model dir}, what was expected and found
   */
  static <M> M load(Path dir, String what, Function<SavedModelBundle, M> wrap) {
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new IllegalArgumentException(
          "--model " + dir + ": expected a SavedModel directory (saved_model.pb), found none");
    }
    SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), Names.SERVE_TAG);
    try {
      return wrap.apply(bundle);
    } catch (RuntimeException e) {
      bundle.close();
      throw new IllegalArgumentException(
          "--model " + dir + ": expected " + what + ", found " + e.getMessage(), e);
    }
  }
}

package io.github.tfgan.export;

import io.github.tfgan.io.Errors;
import io.github.tfgan.model.Names;
import io.github.tfgan.runtime.NativeSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.ConfigProto;

/**
 * Loads a SavedModel's {@code serve} graph and wraps it, closing the bundle if wrapping fails.
 * Accepts a model directory or a TF Serving base path ({@code base/1}, {@code base/2}, ...), whose
 * highest version it takes, as TF Serving does.
 */
final class ServingBundles {
  private ServingBundles() {}

  /**
   * @param config the session's configuration (thread pools, say); null for TensorFlow's defaults
   * @param what what the model must be, for the error message (e.g. "a generator (input z)")
   * @throws IllegalArgumentException starting with {@code dir}, saying what was expected and found
   */
  static <M> M load(Path dir, ConfigProto config, String what, Function<SavedModelBundle, M> wrap) {
    Path model = resolve(dir);
    if (!Files.isRegularFile(model.resolve("variables").resolve("variables.index"))) {
      throw new IllegalArgumentException(
          model + ": expected the model's weights in variables/variables.index, found none");
    }
    NativeSetup.prepare();
    SavedModelBundle bundle;
    try {
      SavedModelBundle.Loader loader =
          SavedModelBundle.loader(model.toString()).withTags(Names.SERVE_TAG);
      bundle = (config == null ? loader : loader.withConfigProto(config)).load();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          model
              + ": expected a SavedModel with the tag 'serve', found one TensorFlow cannot load: "
              + firstLine(Errors.describe(e)),
          e);
    }
    try {
      return wrap.apply(bundle);
    } catch (RuntimeException e) {
      bundle.close();
      throw new IllegalArgumentException(
          model + ": expected " + what + ", found " + Errors.describe(e), e);
    }
  }

  private static String firstLine(String message) {
    return String.valueOf(message).lines().findFirst().orElse("").strip();
  }

  /**
   * The model directory of {@code dir}: itself when it holds {@code saved_model.pb}, else its
   * highest numbered version subdirectory that does.
   *
   * @throws IllegalArgumentException starting with {@code dir} if it is neither
   */
  static Path resolve(Path dir) {
    if (Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      return dir;
    }
    Optional<Path> latest = Optional.empty();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        latest =
            entries
                .filter(p -> p.getFileName().toString().matches("\\d{1,18}"))
                .filter(p -> Files.isRegularFile(p.resolve("saved_model.pb")))
                .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString())));
      } catch (IOException e) {
        throw new UncheckedIOException(dir + ": cannot list the directory", e);
      }
    }
    return latest.orElseThrow(
        () ->
            new IllegalArgumentException(
                dir
                    + ": expected a SavedModel directory (saved_model.pb) or a TF Serving base"
                    + " path with numbered versions, found "
                    + (Files.isDirectory(dir) ? "neither" : "no directory")));
  }
}

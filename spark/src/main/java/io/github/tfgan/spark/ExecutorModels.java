package io.github.tfgan.spark;

import io.github.tfgan.data.Dataset;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.export.DiscriminatorModel;
import io.github.tfgan.export.GeneratorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tensorflow.proto.ConfigProto;

/**
 * What an executor JVM loads once and shares between its tasks: SavedModels (keyed by directory and
 * thread count) and local data sets (keyed by path). Loaded lazily, at the first task that asks;
 * closed when the JVM shuts down. A loaded model is safe to call from several tasks at once
 * (TensorFlow's {@code Session.run} is).
 */
final class ExecutorModels {
  private static final Map<String, Object> LOADED = new ConcurrentHashMap<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "gan-models-close"));
  }

  private ExecutorModels() {}

  /** The generator in {@code dir}, loaded once per JVM with {@code threads} TensorFlow threads. */
  static GeneratorModel generator(String dir, int threads) {
    return (GeneratorModel)
        LOADED.computeIfAbsent(
            "generator:" + threads + ":" + dir,
            k -> load(() -> GeneratorModel.load(Path.of(dir), sessionConfig(threads))));
  }

  /**
   * The discriminator in {@code dir}, loaded once per JVM with {@code threads} TensorFlow threads.
   */
  static DiscriminatorModel discriminator(String dir, int threads) {
    return (DiscriminatorModel)
        LOADED.computeIfAbsent(
            "discriminator:" + threads + ":" + dir,
            k -> load(() -> DiscriminatorModel.load(Path.of(dir), sessionConfig(threads))));
  }

  /** A local data set (a .npy, an image folder), read once per JVM. */
  static Dataset dataset(String path) {
    return (Dataset)
        LOADED.computeIfAbsent(
            "data:" + path,
            k -> {
              try {
                return Datasets.open(Path.of(path));
              } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
              }
            });
  }

  /** How many models this JVM has loaded (tests check that it is one per model). */
  static int loads() {
    return LOADS.get();
  }

  /**
   * TensorFlow's thread pools for an executor: {@code threads} for each op and for ops at once, or
   * the JVM's processors when {@code threads} is 0.
   */
  static ConfigProto sessionConfig(int threads) {
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(n)
        .setInterOpParallelismThreads(n)
        .build();
  }

  private static <M> M load(java.util.function.Supplier<M> loader) {
    M model = loader.get();
    LOADS.incrementAndGet();
    return model;
  }

  /** Closes every model this JVM loaded (the JVM's shutdown hook; tests). */
  static synchronized void closeAll() {
    List<Object> all = new ArrayList<>(LOADED.values());
    LOADED.clear();
    for (Object o : all) {
      if (o instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception | LinkageError e) {
          // the JVM is going down; nothing else holds the model
        }
      }
    }
  }
}

package io.github.tfgan.serve;

import io.github.tfgan.export.SignatureModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models under a base directory, each a TF Serving base path ({@code base/NAME/1}, {@code
 * base/NAME/2}, ...) whose newest version is served, as TF Serving's default version policy does. A
 * poll every few seconds (TF Serving's {@code --file_system_poll_wait_seconds}) loads a new version
 * and retires the old one; a version directory is loaded only when it holds {@code saved_model.pb}
 * and {@code variables/variables.index} and its files (names, sizes, times) were the same at the
 * previous poll, so that a version still being written is never loaded. At start, complete versions
 * load at once.
 */
final class ModelRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

  private final Path base;
  private final Batching batching;
  private final Map<String, ServedVersion> served = new ConcurrentHashMap<>();
  private final Map<Path, String> seen = new HashMap<>();
  private final Map<Path, String> failed = new HashMap<>();
  private final ScheduledExecutorService poller;
  private boolean closed;

  ModelRegistry(Path base, Batching batching, Duration poll) {
    if (!Files.isDirectory(base)) {
      throw new IllegalArgumentException(
          base + ": expected a directory of models (NAME/1/saved_model.pb, ...), found none");
    }
    this.base = base;
    this.batching = batching;
    poll(true);
    if (served.isEmpty()) {
      throw new IllegalArgumentException(
          base
              + ": expected model directories with numbered SavedModel versions"
              + " (NAME/1/saved_model.pb), found none that loads");
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "model-poll");
              t.setDaemon(true);
              return t;
            });
    long ms = Math.max(1, poll.toMillis());
    poller.scheduleWithFixedDelay(() -> poll(false), ms, ms, TimeUnit.MILLISECONDS);
  }

  /** The served version of a model, acquired; the caller releases it. */
  ServedVersion acquire(String name, Long version) {
    for (int attempt = 0; attempt < 100; attempt++) {
      ServedVersion v = served.get(name);
      if (v == null || (version != null && v.version() != version)) {
        throw ApiException.notFound(
            "Servable not found for request: "
                + (version == null
                    ? "Latest(" + name + ")"
                    : "Specific(" + name + ", " + version + ")")
                + "; serving "
                + servedList());
      }
      if (v.acquire()) {
        return v;
      }
      // retired between the lookup and the acquire: the map already holds its successor
    }
    throw new ApiException(503, name + ": the model is being switched; try again");
  }

  /** The served version of each model. */
  Map<String, Long> versions() {
    Map<String, Long> out = new TreeMap<>();
    served.forEach((k, v) -> out.put(k, v.version()));
    return out;
  }

  private String servedList() {
    StringBuilder s = new StringBuilder();
    versions().forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k + "/" + v));
    return s.length() == 0 ? "nothing" : s.toString();
  }

  private synchronized void poll(boolean initial) {
    if (closed) {
      return;
    }
    try {
      for (Path modelDir : list(base)) {
        if (Files.isDirectory(modelDir)) {
          pollModel(modelDir.getFileName().toString(), modelDir, initial);
        }
      }
      for (String name : served.keySet()) { // a model directory removed: its model goes too
        if (!Files.isDirectory(base.resolve(name))) {
          ServedVersion gone = served.remove(name);
          LOG.info("{} was removed from {}; retiring version {}", name, base, gone.version());
          gone.release();
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("polling {} failed: {}", base, e.toString());
    }
  }

  private void pollModel(String name, Path modelDir, boolean initial) {
    SortedMap<Long, Path> ready = new TreeMap<>();
    for (Path dir : list(modelDir)) {
      String n = dir.getFileName().toString();
      if (!n.matches("\\d{1,18}") || !complete(dir)) {
        continue;
      }
      String print = fingerprint(dir);
      String before = seen.put(dir, print);
      boolean stable = initial || print.equals(before);
      ServedVersion current = served.get(name);
      boolean isCurrent = current != null && current.version() == Long.parseLong(n);
      if ((stable || isCurrent) && !print.equals(failed.get(dir))) {
        ready.put(Long.parseLong(n), dir);
      }
    }
    ServedVersion current = served.get(name);
    if (ready.isEmpty()) {
      if (current != null
          && !Files.isDirectory(modelDir.resolve(Long.toString(current.version())))) {
        served.remove(name);
        LOG.info("{} version {} was removed; retiring it", name, current.version());
        current.release();
      }
      return;
    }
    long target = ready.lastKey();
    if (current != null && current.version() == target) {
      return;
    }
    Path dir = ready.get(target);
    SignatureModel model;
    try {
      model = SignatureModel.load(dir);
    } catch (RuntimeException e) {
      failed.put(dir, seen.get(dir));
      LOG.error("{} version {}: not loaded: {}", name, target, e.getMessage());
      return;
    }
    served.put(name, new ServedVersion(name, target, model, batching));
    LOG.info("serving {} version {} from {}", name, target, dir);
    if (current != null) {
      current.release(); // closes once its requests in flight are done
    }
  }

  private static boolean complete(Path dir) {
    return Files.isRegularFile(dir.resolve("saved_model.pb"))
        && Files.isRegularFile(dir.resolve("variables").resolve("variables.index"));
  }

  /** Every file's name, size and modification time. */
  private static String fingerprint(Path dir) {
    StringBuilder s = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted().toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        s.append(dir.relativize(p))
            .append(' ')
            .append(a.size())
            .append(' ')
            .append(a.lastModifiedTime().toMillis())
            .append('\n');
      }
    } catch (IOException e) {
      return "unreadable " + System.nanoTime(); // never stable while unreadable
    }
    return s.toString();
  }

  private static java.util.List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot list the directory", e);
    }
  }

  /** Stops polling and closes every model once its requests in flight are done. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    poller.shutdownNow();
    for (String name : served.keySet()) {
      ServedVersion v = served.remove(name);
      if (v != null) {
        v.release();
      }
    }
  }
}

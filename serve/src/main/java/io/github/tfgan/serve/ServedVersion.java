package io.github.tfgan.serve;

import io.github.tfgan.export.HostTensor;
import io.github.tfgan.export.SignatureModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded version of a model, counted: the registry holds one reference while it serves the
 * version, each request one more while it runs. When the registry retires the version and the last
 * request lets go, its batchers stop and its model closes, so a version switch drops no request.
 */
final class ServedVersion {
  private static final Logger LOG = LoggerFactory.getLogger(ServedVersion.class);

  private final String name;
  private final long version;
  private final SignatureModel model;
  private final Batching batching;
  private final Map<String, Batcher> batchers = new ConcurrentHashMap<>();
  private final AtomicInteger refs = new AtomicInteger(1);

  ServedVersion(String name, long version, SignatureModel model, Batching batching) {
    this.name = name;
    this.version = version;
    this.model = model;
    this.batching = batching;
  }

  String name() {
    return name;
  }

  long version() {
    return version;
  }

  SignatureModel model() {
    return model;
  }

  /** Takes a reference; false if the version has already been closed. */
  boolean acquire() {
    for (int r = refs.get(); r > 0; r = refs.get()) {
      if (refs.compareAndSet(r, r + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Lets a reference go; the last one closes the version. */
  void release() {
    if (refs.decrementAndGet() == 0) {
      batchers.values().forEach(Batcher::close);
      model.close();
      LOG.info("unloaded {} version {}", name, version);
    }
  }

  /** Runs a signature, through its batcher when batching is on and the signature allows it. */
  Map<String, HostTensor> run(String signature, Map<String, HostTensor> inputs)
      throws InterruptedException {
    if (!batching.enabled() || !Batcher.batchable(model.signature(signature))) {
      return model.run(signature, inputs);
    }
    Batcher b =
        batchers.computeIfAbsent(
            signature,
            s -> new Batcher(model, s, batching, "batch-" + name + "-" + version + "-" + s));
    return b.run(inputs);
  }
}

package io.github.tfgan.serve;

import io.github.tfgan.export.HostTensor;
import io.github.tfgan.export.SignatureModel;
import io.github.tfgan.export.SignatureModel.SignatureInfo;
import io.github.tfgan.export.SignatureModel.TensorSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Joins concurrent requests to one signature into one session run: the first request of a batch
 * waits up to the timeout for others with the same row shapes, until the batch holds {@code
 * maxBatchSize} rows; the inputs are concatenated along dimension 0, the outputs split back. A
 * batch that TensorFlow rejects is rerun request by request, so a bad request fails alone.
 */
final class Batcher implements AutoCloseable {
  private final SignatureModel model;
  private final String signature;
  private final Batching options;
  private final LinkedBlockingDeque<Item> queue = new LinkedBlockingDeque<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;

  /** How many requests have run joined with others, over all batchers (for tests and logs). */
  static final java.util.concurrent.atomic.AtomicLong JOINED =
      new java.util.concurrent.atomic.AtomicLong();

  private record Item(
      Map<String, HostTensor> inputs, int rows, CompletableFuture<Map<String, HostTensor>> done) {}

  Batcher(SignatureModel model, String signature, Batching options, String threadName) {
    this.model = model;
    this.signature = signature;
    this.options = options;
    for (int i = 0; i < options.threads(); i++) {
      Thread t = new Thread(this::loop, threadName + "-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  /** Whether a signature can be batched: every input and output has an open first dimension. */
  static boolean batchable(SignatureInfo info) {
    for (var specs : List.of(info.inputs(), info.outputs())) {
      for (TensorSpec s : specs.values()) {
        if (s.shape() == null || s.shape().length == 0 || s.shape()[0] != -1) {
          return false;
        }
      }
    }
    return true;
  }

  /** Runs the inputs, in a batch when they fit one; otherwise alone, on the caller's thread. */
  Map<String, HostTensor> run(Map<String, HostTensor> inputs) throws InterruptedException {
    model.check(signature, inputs);
    int rows = rows(inputs);
    if (rows < 1 || rows > options.maxBatchSize() || closed) {
      return model.run(signature, inputs);
    }
    Item item = new Item(inputs, rows, new CompletableFuture<>());
    queue.add(item);
    try {
      return item.done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The common first dimension of the inputs, or -1 if they differ. */
  private static int rows(Map<String, HostTensor> inputs) {
    long n = -1;
    for (HostTensor t : inputs.values()) {
      if (t.rank() == 0 || (n >= 0 && t.dim(0) != n)) {
        return -1;
      }
      n = t.dim(0);
    }
    return (int) n;
  }

  private void loop() {
    while (!closed) {
      Item first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        break;
      }
      if (first == null) {
        continue;
      }
      List<Item> batch = new ArrayList<>(List.of(first));
      int rows = first.rows;
      long deadline = System.nanoTime() + options.batchTimeoutMicros() * 1000;
      while (rows < options.maxBatchSize()) {
        Item next;
        try {
          next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          break;
        }
        if (next == null) {
          break;
        }
        if (rows + next.rows > options.maxBatchSize() || !sameRowShapes(first, next)) {
          queue.addFirst(next);
          break;
        }
        batch.add(next);
        rows += next.rows;
      }
      execute(batch, rows);
    }
    // closed: whatever is left runs alone
    for (Item item; (item = queue.poll()) != null; ) {
      execute(List.of(item), item.rows);
    }
  }

  private static boolean sameRowShapes(Item a, Item b) {
    for (Map.Entry<String, HostTensor> e : a.inputs.entrySet()) {
      HostTensor x = e.getValue();
      HostTensor y = b.inputs.get(e.getKey());
      long[] xs = x.shape();
      long[] ys = y.shape();
      if (x.dtype() != y.dtype() || !Arrays.equals(xs, 1, xs.length, ys, 1, ys.length)) {
        return false;
      }
    }
    return true;
  }

  private void execute(List<Item> batch, int rows) {
    if (batch.size() == 1) {
      Item item = batch.get(0);
      try {
        item.done.complete(model.run(signature, item.inputs));
      } catch (RuntimeException e) {
        item.done.completeExceptionally(e);
      }
      return;
    }
    Map<String, HostTensor> outputs;
    try {
      outputs = model.run(signature, concat(batch, rows));
      for (HostTensor t : outputs.values()) {
        if (t.rank() == 0 || t.dim(0) != rows) {
          throw new IllegalArgumentException("an output whose first dimension is not the batch");
        }
      }
    } catch (RuntimeException e) {
      for (Item item : batch) { // one bad request must not fail the others
        execute(List.of(item), item.rows);
      }
      return;
    }
    JOINED.addAndGet(batch.size());
    int from = 0;
    for (Item item : batch) {
      Map<String, HostTensor> mine = new LinkedHashMap<>();
      for (Map.Entry<String, HostTensor> e : outputs.entrySet()) {
        mine.put(e.getKey(), slice(e.getValue(), from, item.rows, rows));
      }
      item.done.complete(mine);
      from += item.rows;
    }
  }

  private static Map<String, HostTensor> concat(List<Item> batch, int rows) {
    Map<String, HostTensor> joined = new LinkedHashMap<>();
    for (Map.Entry<String, HostTensor> e : batch.get(0).inputs.entrySet()) {
      HostTensor first = e.getValue();
      int rowSize = first.size() / (int) first.dim(0);
      Object values = first.dtype().newArray(rowSize * rows);
      int at = 0;
      for (Item item : batch) {
        HostTensor t = item.inputs.get(e.getKey());
        System.arraycopy(t.values(), 0, values, at, t.size());
        at += t.size();
      }
      long[] shape = first.shape();
      shape[0] = rows;
      joined.put(e.getKey(), HostTensor.of(first.dtype(), shape, values));
    }
    return joined;
  }

  private static HostTensor slice(HostTensor t, int from, int n, int rows) {
    int rowSize = t.size() / rows;
    Object values = t.dtype().newArray(rowSize * n);
    System.arraycopy(t.values(), from * rowSize, values, 0, rowSize * n);
    long[] shape = t.shape();
    shape[0] = n;
    return HostTensor.of(t.dtype(), shape, values);
  }

  /** Stops the threads after the queued requests have run; later requests run alone. */
  @Override
  public void close() {
    closed = true;
    for (Thread t : threads) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

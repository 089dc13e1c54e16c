package io.github.tfgan.spark;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * A partition's output rows, computed one batch at a time as Spark pulls them, so that a partition
 * of any size holds one batch in memory.
 */
abstract class BatchedRows implements Iterator<Row> {
  private List<Row> batch = List.of();
  private int next;
  private boolean done;

  /** The next batch of rows, or an empty list when the partition has no more. */
  abstract List<Row> nextBatch();

  @Override
  public boolean hasNext() {
    while (!done && next == batch.size()) {
      batch = nextBatch();
      next = 0;
      done = batch.isEmpty();
    }
    return !done;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return batch.get(next++);
  }

  /** Rows {@code [first, end)} of a set of {@code count} split evenly into {@code parts}. */
  static long[] range(long count, int parts, int part) {
    long base = count / parts;
    long extra = count % parts;
    long first = part * base + Math.min(part, extra);
    return new long[] {first, first + base + (part < extra ? 1 : 0)};
  }
}

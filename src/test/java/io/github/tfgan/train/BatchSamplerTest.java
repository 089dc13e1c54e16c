package io.github.tfgan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {
  @Test
  void eachEpochVisitsEveryFullBatchImageOnceAndDependsOnlyOnSeedAndIteration() {
    BatchSampler s = new BatchSampler(10, 3, 9);
    Set<Integer> seen = new HashSet<>();
    int[] batch = new int[3];
    for (int it = 0; it < 3; it++) {
      s.indices(it, batch);
      Arrays.stream(batch).forEach(seen::add);
    }
    assertEquals(9, seen.size());
    int[] again = new int[3];
    new BatchSampler(10, 3, 9).indices(4, again);
    s.indices(4, batch);
    assertArrayEquals(batch, again);
  }
}

package io.github.tfgan.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelSummaryTest {
  @Test
  void listsEveryLayerWithShapeAndCount() {
    String s = ModelSummary.of(NetworkSpec.generator(100));
    assertTrue(s.contains("dense1 (leaky_relu)"), s);
    assertTrue(s.contains("(None, 784)"), s);
    assertTrue(s.contains("201,488"), s);
    assertTrue(s.contains("Total params: 247,440"), s);
  }
}

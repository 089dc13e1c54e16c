package io.github.tfgan.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which standard-error lines the native log filter drops: TensorFlow's INFO and WARNING only. */
class NativeLogFilterTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "I0000 00:00:1796621913.843707    2567 mlir_graph_optimization_pass.cc:401] MLIR V1"
            + " optimization pass is not enabled",
        "I0000 00:00:1796621913.843707 2567 mlir_graph_optimization_pass.cc:401] MLIR V1"
            + " optimization pass is not enabled\\r",
        "W0000 00:00:1796621913.843707    2567 some_pass.cc:12] a warning",
        "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR",
        "2026-12-07 05:38:33.843707: I tensorflow/core/platform/cpu_feature_guard.cc:210] This"
            + " TensorFlow binary is optimized to use available CPU instructions",
        "2026-12-07 05:38:33.843707: W tensorflow/core/framework/op_kernel.cc:1816] a warning"
      })
  void nativeInfoAndWarningLinesAreDropped(String line) {
    String text = line.replace("\\r", "\r");
    assertTrue(NativeLogFilter.NATIVE_LINE.matcher(text).matches(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "E0000 00:00:1796621913.843707 2567 foo.cc:1] real error",
        "F0000 00:00:1796621913.843707 2567 foo.cc:1] fatal",
        "2026-12-07 05:38:33.843707: E tensorflow/core/foo.cc:1] an error",
        "error: --iterations: expected a positive whole number, found x",
        "[WARN] data: mirror https://example.invalid/ failed: unreachable; trying the next source",
        "Iteration 100: D loss = 1.2345, G loss = 0.9876, D(x) = 0.50, D(G(z)) = 0.40",
        "WARNING: something else",
        "",
        "I0000 00:00:1796621913.843707    2567 mlir_graph_optimization_pass.cc:401] MLIR\n"
            + "error: a Java line after it"
      })
  void everythingElsePasses(String line) {
    assertFalse(NativeLogFilter.NATIVE_LINE.matcher(line).matches(), line);
  }
}

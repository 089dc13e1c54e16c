/**
 * The networks as graph ops: {@link io.github.tfgan.model.NetworkSpec} (architecture), {@link
 * io.github.tfgan.model.Network} (variables and forward pass), the evaluation classifier, the op
 * and variable names that checkpoints and SavedModels depend on, {@link
 * io.github.tfgan.model.SeedStreams} (every random stream of a run) and {@link
 * io.github.tfgan.model.MnistShape} (28 x 28 = 784 pixels, 10 classes).
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Left out of the
 * Javadoc.
 */
package io.github.tfgan.model;

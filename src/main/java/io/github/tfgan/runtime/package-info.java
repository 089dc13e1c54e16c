/**
 * TensorFlow's process-wide native settings: {@link io.github.tfgan.runtime.NativeSetup#prepare()}
 * turns oneDNN's CPU kernels on and gives each session its own intra-op thread pool, each only
 * where the environment does not already say ({@code TF_ENABLE_ONEDNN_OPTS}, {@code
 * TF_OVERRIDE_GLOBAL_THREADPOOL}). The library calls it before it first loads TensorFlow; an
 * application that loads TensorFlow itself first should call it before it does, since TensorFlow
 * reads these settings once, when its native library starts.
 *
 * <p>{@code GraphSession} is public for the library's other packages only: internal, not part of
 * the API.
 */
package io.github.tfgan.runtime;

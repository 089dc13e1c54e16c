/**
 * Exported models, loaded and run: {@link io.github.tfgan.export.GeneratorModel} (noise {@code [n,
 * noiseDim]} standard normal to images {@code [n, 784]} in [0, 1]), {@link
 * io.github.tfgan.export.DiscriminatorModel} (images to {@code probability} and {@code logits}, one
 * per image) and {@link io.github.tfgan.export.ClassifierModel} (images to class probabilities
 * {@code [n, 10]} and features {@code [n, 128]}; {@link
 * io.github.tfgan.export.ClassifierModel#loadBundled()} is the one shipped in the jar; one trained
 * on labelled images of another shape takes {@code [n, H, W, C]}, gives K classes and carries a
 * {@link io.github.tfgan.export.ClassifierInfo}: its shape, class names and training data).
 *
 * <p>{@link io.github.tfgan.export.SignatureModel} runs any SavedModel through its signatures:
 * inputs and outputs are {@link io.github.tfgan.export.HostTensor}s (dtype, shape, a flat Java
 * array), checked against the names, dtypes and shapes the signature declares before the run; it is
 * safe under concurrent calls and its close waits for them. The model server ({@code serve/}) and
 * Spark executors run the exports through it.
 *
 * <p>Each {@code load(Path)} takes a SavedModel directory or a TF Serving base path ({@code
 * base/1}, {@code base/2}, ...), whose highest version it loads. The models are {@link
 * AutoCloseable}: close them to free their graph and session. Arrays are float32, row-major. To
 * export a trainer's networks, use {@link io.github.tfgan.run.ModelExports}.
 */
package io.github.tfgan.export;

/**
 * The training loop without any file: {@link io.github.tfgan.train.GanTrainer} builds one graph for
 * a {@link io.github.tfgan.config.GanConfig} and trains it ({@code train(listener)}, {@code
 * advance(n, listener)}, {@code step()}), and generates from its current generator ({@code
 * generate(z)}: {@code [n, noiseDim]} to {@code [n, 784]} in [0, 1]).
 *
 * <p>A {@link io.github.tfgan.train.TrainingListener} receives each iteration's {@link
 * io.github.tfgan.train.IterationMetrics} (1-based iteration, losses, mean D(x) and D(G(z)),
 * learning rate) and says when it next reads the trainer's state, so that iterations can be chained
 * in one session run ({@link io.github.tfgan.train.TrainerOptions#unroll()}). {@link
 * io.github.tfgan.train.TrainerOptions} sets how training executes (shards, threads, XLA), not what
 * it computes. A NaN or infinite loss throws {@link io.github.tfgan.train.DivergenceException}.
 * {@link io.github.tfgan.train.ClassifierTrainer} trains the evaluation classifier, {@link
 * io.github.tfgan.train.ImageClassifierTrainer} one for labelled images of any shape.
 */
package io.github.tfgan.train;

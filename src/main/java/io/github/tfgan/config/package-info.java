/**
 * What a training run computes: {@link io.github.tfgan.config.GanConfig}, the complete and
 * validated configuration of one run (built with {@link io.github.tfgan.config.GanConfig#builder()}
 * or {@link io.github.tfgan.config.GanConfig#toBuilder()}), and {@link
 * io.github.tfgan.config.Presets}, its named starting points ({@code article}: the article's
 * settings exactly; {@code stable}: the same network with training-side changes).
 *
 * <p>The enums name the choices: {@link io.github.tfgan.config.Dataset} (MNIST or Fashion-MNIST,
 * both 28x28 grey images), {@link io.github.tfgan.config.LossKind} (the objective on D's logits)
 * and {@link io.github.tfgan.config.UpdateOrder} (how an iteration's D and G steps relate).
 * Intervals ({@code logEvery}, {@code sampleEvery}, {@code checkpointEvery}) count iterations
 * ({@code sampleEvery} 0: a grid only at the end; {@code checkpointEvery} 0: none). How training
 * executes (threads, shards, chained iterations) is not here but in {@link
 * io.github.tfgan.train.TrainerOptions}.
 */
package io.github.tfgan.config;

/**
 * What a GAN is made of, as values: {@link io.github.tfgan.model.DataShape} (one sample's shape),
 * {@link io.github.tfgan.model.DataScaling} (data to training space and back), {@link
 * io.github.tfgan.model.NetworkSpec} (a dense network's layers) and {@link
 * io.github.tfgan.model.GanArchitecture} (both networks, the shape and the scaling, as a run
 * records it); {@link io.github.tfgan.model.ModelSummary} prints them. The graph ops that apply
 * them, the op names and the random streams are internal.
 */
package io.github.tfgan.model;

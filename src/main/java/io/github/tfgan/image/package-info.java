/**
 * Images as PNG files: {@link io.github.tfgan.image.ImageGrid#writePng ImageGrid.writePng} writes
 * {@code n} 28x28 grey images (a {@code float[]} of {@code [n, 784]} in [0, 1], row-major, as
 * generators return them) as one near-square grid, each pixel scaled up by an integer factor;
 * {@link io.github.tfgan.image.ScatterPlot#writePng ScatterPlot.writePng} draws two-dimensional
 * points (and a mixture's modes) as a scatter plot.
 */
package io.github.tfgan.image;

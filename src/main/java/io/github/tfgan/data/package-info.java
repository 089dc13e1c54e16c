/**
 * Training and test data: {@link io.github.tfgan.data.Datasets#open} reads your own data of any
 * shape as a {@link io.github.tfgan.data.Dataset} (IDX files, {@code .npy} arrays, folders of PNG
 * and JPEG images, CSV files of numbers; {@link io.github.tfgan.data.ReadOptions} for labels and
 * sizes); {@link io.github.tfgan.data.DatasetLoader} finds a {@link io.github.tfgan.config.Dataset}
 * in a directory you name (IDX files, raw or gzip), in its cache ({@link
 * io.github.tfgan.data.DatasetLoader#DEFAULT_CACHE}), or fetches MNIST from its mirrors (checked
 * against the published MD5s), and returns {@link io.github.tfgan.data.ImageData}.
 *
 * <p>Pixels stay bytes ({@link io.github.tfgan.data.PixelDataset}) and floats stay in their buffers
 * ({@link io.github.tfgan.data.FloatDataset}), in chunks that may be memory-mapped, so that a data
 * set may exceed 2^31 bytes; a sample becomes floats only when it is read. {@link
 * io.github.tfgan.data.ImageData} holds {@code count} images of 28x28 grey pixels as float32 in [0,
 * 1], flattened row-major to {@code [count, 784]} in one {@code float[]}, and their labels 0–9;
 * {@link io.github.tfgan.data.ImageData#readIdx} reads a pair of IDX files directly. Errors are
 * {@link java.io.IOException}s naming the file, what was expected and what was found.
 */
package io.github.tfgan.data;

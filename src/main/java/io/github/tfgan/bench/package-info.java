/**
 * The {@code bench} and {@code memory} commands' work: training speed in several execution variants
 * against the Python peer and the matrix-multiply floor, and resident memory along a run.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Left out of the
 * Javadoc.
 */
package io.github.tfgan.bench;

/**
 * File-system helpers that never leave a half-written output in place (temporary siblings renamed
 * into place).
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Left out of the
 * Javadoc.
 */
package io.github.tfgan.io;

/**
 * The command line, {@code java -jar gan.jar COMMAND}: {@link io.github.tfgan.cli.GanCli} and one
 * class per command ({@code *Command}), which put their flags in front of the library's errors.
 *
 * <p><b>Internal:</b> not part of the library's API; may change without notice. Left out of the
 * Javadoc.
 */
package io.github.tfgan.cli;

package io.github.tfgan.cli;

import io.github.tfgan.export.SavedModelExporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Rewrites an exported model in this version's format, with the same weights. */
@Command(
    name = "reexport",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Rewrite an exported generator, discriminator or classifier in this version's SavedModel"
            + " format (resource variables TF 2, Keras, TFLite and ONNX take), same weights.")
final class ReexportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      required = true,
      description = "A SavedModel directory, or a TF Serving base path (its highest version).")
  Path model;

  @Override
  public Integer call() throws Exception {
    SavedModelExporter.Kind kind = Flags.on("--model", () -> SavedModelExporter.reexport(model));
    spec.commandLine()
        .getOut()
        .println("rewrote the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " in " + model);
    spec.commandLine().getOut().flush();
    return 0;
  }
}

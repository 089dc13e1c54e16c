package io.github.tfgan.cli;

import io.github.tfgan.config.GanConfig;
import io.github.tfgan.model.ModelSummary;
import io.github.tfgan.model.NetworkSpec;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints every layer with its output shape and parameter count, and the totals. */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print both networks' layers and parameter counts.")
final class SummaryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--noise-dim",
      paramLabel = "N",
      description = "Width of z (default: ${DEFAULT-VALUE}).")
  int noiseDim = GanConfig.ARTICLE_NOISE_DIM;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    NetworkSpec g = NetworkSpec.generator(noiseDim);
    NetworkSpec d = NetworkSpec.discriminator();
    out.print(ModelSummary.of(g));
    out.println();
    out.print(ModelSummary.of(d));
    out.println();
    out.printf(Locale.ROOT, "Generator total: %,d%n", g.parameterCount());
    out.printf(Locale.ROOT, "Discriminator total: %,d%n", d.parameterCount());
    out.flush();
    return 0;
  }
}

package io.github.tfgan.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The options part of every command's {@code --help}, as git and GNU tools lay it out: options in
 * titled sections ({@code train}'s by topic, every command's general options last), {@code --flag
 * VALUE} with one placeholder style ({@code N}, {@code X}, {@code FILE}, {@code DIR}), and
 * descriptions wrapped at spaces only (picocli's own wrapping split {@code FILE.npy} after the
 * dot).
 */
final class HelpLayout {
  /** Total width of the help text. */
  static final int WIDTH = 80;

  /** Where descriptions start; longer option columns put the description on the next line. */
  static final int DESCRIPTION_COLUMN = 26;

  /** Options every command has, shown last. */
  static final List<String> GENERAL = List.of("--help", "--version", "--verbose");

  /** {@code train}'s sections, in order: every option of {@code train} is in exactly one. */
  static final Map<String, List<String>> TRAIN_SECTIONS = new LinkedHashMap<>();

  static {
    TRAIN_SECTIONS.put(
        "Run", List.of("--preset", "--iterations", "--seed", "--resume", "--shards"));
    TRAIN_SECTIONS.put(
        "Data",
        List.of(
            "--data",
            "--labels",
            "--label-column",
            "--image-size",
            "--dataset",
            "--cache-dir",
            "--limit"));
    TRAIN_SECTIONS.put(
        "Networks (and the generator that samples and exports use)",
        List.of("--net", "--noise-dim", "--conditional", "--ema-decay", "--ema-warmup"));
    TRAIN_SECTIONS.put(
        "Losses and regularisers",
        List.of("--loss", "--real-label", "--r1-gamma", "--r1-every", "--gp-gamma"));
    TRAIN_SECTIONS.put(
        "Optimiser",
        List.of(
            "--batch-size",
            "--learning-rate",
            "--g-learning-rate",
            "--beta1",
            "--beta2",
            "--lr-decay-rate",
            "--lr-decay-steps",
            "--clip-norm",
            "--updates"));
    TRAIN_SECTIONS.put(
        "Outputs",
        List.of(
            "--out",
            "--overwrite",
            "--log-every",
            "--sample-every",
            "--checkpoint-every",
            "--keep-checkpoints",
            "--export",
            "--model-version",
            "--force"));
  }

  private HelpLayout() {}

  /** Installs the layout on {@code cli} and every subcommand. */
  static void install(CommandLine cli) {
    Map<String, CommandLine.IHelpSectionRenderer> map = cli.getHelpSectionMap();
    CommandLine.IHelpSectionRenderer synopsis = map.get(UsageMessageSpec.SECTION_KEY_SYNOPSIS);
    map.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING, h -> "");
    map.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, h -> synopsis(h, synopsis));
    map.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, h -> commands(h.commandSpec()));
    map.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, h -> "");
    map.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, h -> render(h.commandSpec()));
    for (CommandLine sub : cli.getSubcommands().values()) {
      install(sub);
    }
  }

  /**
   * A command's own synopsis when it has one (options that exclude each other); else {@code Usage:
   * gan CMD}, its required options and {@code [OPTION]...}; the top command's as picocli draws it.
   */
  private static String synopsis(CommandLine.Help help, CommandLine.IHelpSectionRenderer picocli) {
    CommandSpec spec = help.commandSpec();
    String[] custom = spec.usageMessage().customSynopsis();
    if (custom.length > 0) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < custom.length; i++) {
        text.append(i == 0 ? "Usage: " : "       ").append(custom[i]).append('\n');
      }
      return text.toString();
    }
    if (spec.parent() == null) {
      return "Usage: " + picocli.render(help);
    }
    StringBuilder line = new StringBuilder("Usage: " + spec.qualifiedName());
    for (OptionSpec option : spec.options()) {
      if (option.required()) {
        line.append(' ').append(option.longestName()).append(valueLabel(option));
      }
    }
    for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
      line.append(' ').append(p.required() ? p.paramLabel() : "[" + p.paramLabel() + "]");
    }
    if (!spec.options().isEmpty()) {
      line.append(" [OPTION]...");
    }
    return line.append('\n').toString();
  }

  /** The subcommands, each with its description wrapped at spaces. */
  private static String commands(CommandSpec spec) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
      UsageMessageSpec usage = e.getValue().getCommandSpec().usageMessage();
      String[] description = usage.header().length > 0 ? usage.header() : usage.description();
      String text = description.length > 0 ? description[0] : "";
      appendRow(out, e.getKey(), text.replace("%n", " "));
    }
    return out.toString();
  }

  /** The sections of {@code spec}'s options, titled, in order. */
  static Map<String, List<OptionSpec>> sections(CommandSpec spec) {
    Map<String, List<OptionSpec>> sections = new LinkedHashMap<>();
    List<OptionSpec> rest = new ArrayList<>();
    List<OptionSpec> general = new ArrayList<>();
    if (spec.name().equals("train")) {
      for (Map.Entry<String, List<String>> e : TRAIN_SECTIONS.entrySet()) {
        List<OptionSpec> options = new ArrayList<>();
        for (String name : e.getValue()) {
          OptionSpec option = spec.findOption(name);
          if (option == null) {
            throw new IllegalStateException("train has no option " + name + " for its help");
          }
          options.add(option);
        }
        sections.put(e.getKey(), options);
      }
    }
    for (OptionSpec option : spec.options()) {
      if (option.hidden() || sections.values().stream().anyMatch(l -> l.contains(option))) {
        continue;
      }
      (GENERAL.contains(option.longestName()) ? general : rest).add(option);
    }
    if (!rest.isEmpty()) {
      if (spec.name().equals("train")) {
        throw new IllegalStateException("train's help has no section for " + rest);
      }
      sections.put("Options", rest);
    }
    sections.put("General options", general);
    return sections;
  }

  static String render(CommandSpec spec) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<OptionSpec>> section : sections(spec).entrySet()) {
      out.append('\n').append(section.getKey()).append(":\n");
      for (OptionSpec option : section.getValue()) {
        appendOption(out, option);
      }
    }
    return out.toString();
  }

  private static void appendOption(StringBuilder out, OptionSpec option) {
    String description = String.join(" ", option.description());
    String defaultText = option.defaultValueString();
    if (description.contains("${DEFAULT-VALUE}")) {
      description = description.replace("${DEFAULT-VALUE}", String.valueOf(defaultText));
    }
    appendRow(out, names(option), description);
  }

  /** {@code names} in the first column and {@code description} wrapped beside it. */
  private static void appendRow(StringBuilder out, String names, String description) {
    List<String> lines = wrap(description, WIDTH - DESCRIPTION_COLUMN);
    String first = "  " + names;
    if (first.length() + 2 > DESCRIPTION_COLUMN) {
      out.append(first).append('\n');
      first = "";
    }
    for (int i = 0; i < lines.size(); i++) {
      String lead = i == 0 ? first : "";
      out.append(lead)
          .append(" ".repeat(DESCRIPTION_COLUMN - lead.length()))
          .append(lines.get(i))
          .append('\n');
    }
    if (lines.isEmpty()) {
      out.append(first).append('\n');
    }
  }

  /** {@code -h, --help}, {@code --iterations N}, {@code --[no-]ema-warmup}. */
  static String names(OptionSpec option) {
    List<String> names = new ArrayList<>(List.of(option.names()));
    names.sort((a, b) -> Integer.compare(a.length(), b.length()));
    String joined = String.join(", ", names);
    if (option.negatable()) {
      joined = joined.replaceFirst("^--", "--[no-]");
    }
    return joined + valueLabel(option);
  }

  /** {@code " N"} for an option that takes a value, {@code ""} for a switch. */
  private static String valueLabel(OptionSpec option) {
    boolean takesValue = !option.arity().equals(CommandLine.Range.valueOf("0"));
    return takesValue && !option.type().equals(boolean.class) ? " " + option.paramLabel() : "";
  }

  /** Words of {@code text} in lines of at most {@code width} characters, broken at spaces only. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}

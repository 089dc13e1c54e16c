package io.github.tfgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The sectioned help: train's sections, every option once, 80 columns, nothing split. */
class HelpTest {
  private static String help(String... args) {
    GanCliTest.Run r = GanCliTest.cli(args);
    assertEquals(0, r.code(), r.err());
    return r.out();
  }

  /** The help with each run of spaces and line breaks collapsed to one space. */
  private static String flowed(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static CommandLine cli() {
    CommandLine cli = new CommandLine(new GanCli());
    HelpLayout.install(cli);
    return cli;
  }

  /** Every command's name, the top command's as "". */
  private static List<String> commands() {
    List<String> names = new ArrayList<>(List.of(""));
    names.addAll(cli().getSubcommands().keySet());
    return names;
  }

  private static String helpOf(String command) {
    return command.isEmpty() ? help("--help") : help(command, "--help");
  }

  @Test
  void trainHasItsSectionsInOrder() {
    List<String> lines = help("train", "--help").lines().toList();
    List<String> headings = lines.stream().filter(l -> l.matches("\\S.*:")).toList();
    assertEquals(
        List.of(
            "Run:",
            "Data:",
            "Networks (and the generator that samples and exports use):",
            "Losses and regularisers:",
            "Optimiser:",
            "Outputs:",
            "General options:"),
        headings,
        String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("Usage: gan train"), lines.get(0));
  }

  @Test
  void everyOptionOfTrainIsShownExactlyOnce() {
    String text = help("train", "--help");
    CommandLine.Model.CommandSpec train = cli().getSubcommands().get("train").getCommandSpec();
    int shown = 0;
    for (OptionSpec option : train.options()) {
      if (option.hidden()) {
        continue;
      }
      String names = HelpLayout.names(option);
      long count =
          text.lines()
              .map(String::strip)
              .filter(l -> l.equals(names) || l.startsWith(names + "  "))
              .count();
      assertEquals(1, count, names + " in\n" + text);
      shown++;
    }
    assertTrue(shown > 30, "train's options: " + shown);
    // and no option line that is not one of train's
    long optionLines = text.lines().filter(l -> l.startsWith("  -")).count();
    assertEquals(shown, optionLines, text);
  }

  /** Whether {@code line} is part of the synopsis ({@code Usage: ...} and its continuations). */
  private static boolean synopsis(String line) {
    return line.startsWith("Usage: ") || line.startsWith("       gan ");
  }

  @Test
  void noHelpLineIsLongerThan80Characters() {
    for (String command : commands()) {
      for (String line : helpOf(command).lines().filter(l -> !synopsis(l)).toList()) {
        assertTrue(
            line.length() <= HelpLayout.WIDTH,
            "gan " + command + " --help: " + line.length() + " characters: " + line);
      }
    }
  }

  @Test
  void synopsisLinesFitIn80CharactersToo() {
    for (String command : commands()) {
      for (String line : helpOf(command).lines().filter(HelpTest::synopsis).toList()) {
        assertTrue(
            line.length() <= HelpLayout.WIDTH,
            "gan " + command + " --help: " + line.length() + " characters: " + line);
      }
    }
  }

  @Test
  void fileNamesAndPathsAreNeverSplit() {
    for (String command : commands()) {
      String text = flowed(helpOf(command));
      for (String split : List.of(". npy", "~/. cache", "/. ", ". png")) {
        assertFalse(text.contains(split), "gan " + command + " --help splits '" + split + "'");
      }
      // No line ends with a dot glued to a word and continues with a lowercase fragment.
      List<String> lines = helpOf(command).lines().toList();
      for (int i = 0; i + 1 < lines.size(); i++) {
        String next = lines.get(i + 1).strip();
        boolean continuation =
            lines.get(i + 1).startsWith(" ".repeat(HelpLayout.DESCRIPTION_COLUMN));
        if (lines.get(i).matches(".*\\S\\.") && continuation && !next.isEmpty()) {
          assertFalse(
              Character.isLowerCase(next.charAt(0)) && !next.startsWith("-"),
              "gan " + command + ": '" + lines.get(i) + "' / '" + next + "'");
        }
      }
    }
    String train = flowed(help("train", "--help"));
    assertTrue(train.contains("~/.cache/tf-java-gan"), train);
    String generate = flowed(help("generate", "--help"));
    assertTrue(generate.contains(".npy"), generate);
  }

  @Test
  void helpCommandPrintsTheSameAsDashDashHelp() {
    assertEquals(help("train", "--help"), help("help", "train"));
    assertEquals(help("generate", "--help"), help("help", "generate"));
  }

  @Test
  void defaultsShowOneValueOrEachPresets() {
    String text = flowed(help("train", "--help"));
    assertTrue(
        text.contains("--seed N Seed of initialisation, noise and shuffling. (default: 42)"), text);
    assertTrue(
        text.contains(
            "--batch-size N Real samples per D step. (article: 128; stable: 128; vectors: 128; dcgan: 64)"),
        text);
    assertTrue(text.contains("(article: 10000; stable: 52000; vectors: 30000; dcgan: 6000)"), text);
    assertTrue(text.contains("(article: 0; stable: 0.9998; vectors: 0.999; dcgan: 0.999)"), text);
    assertTrue(text.contains("--[no-]ema-warmup"), text);
    assertTrue(text.contains("--no-ema-warmup: constant decay. (default: on)"), text);
  }

  @Test
  void synopsesShowWhatExcludesWhat() {
    String generate = help("generate", "--help");
    assertTrue(
        generate.lines().findFirst().orElseThrow().contains("(--count N [--seed N] | --z FILE)"),
        generate);
    String train = help("train", "--help");
    assertTrue(train.contains("[--out DIR [--overwrite]]"), train);
    assertTrue(train.contains("gan train --resume DIR"), train);
  }
}

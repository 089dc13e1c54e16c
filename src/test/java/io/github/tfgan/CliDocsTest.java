package io.github.tfgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.cli.GanCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CLI reference ({@code docs/cli.md}) shows every command's {@code --help} as the command
 * prints it: each block between {@code <!-- help:COMMAND -->} and {@code <!-- /help:COMMAND -->} is
 * compared with the output, and every command has a block. Run with {@code -Ddocs.update=true} to
 * rewrite the blocks from the CLI.
 */
class CliDocsTest {
  private static final Path CLI_MD = Path.of("docs", "cli.md");
  private static final Pattern BLOCK =
      Pattern.compile(
          "<!-- help:([a-z-]*) -->\\n```text\\n(.*?)```\\n<!-- /help:\\1 -->", Pattern.DOTALL);

  @Test
  void everyCommandsHelpIsShownAsItIs() throws Exception {
    String doc = Files.readString(CLI_MD);
    Matcher m = BLOCK.matcher(doc);
    StringBuilder updated = new StringBuilder();
    Set<String> shown = new LinkedHashSet<>();
    List<String> stale = new ArrayList<>();
    while (m.find()) {
      String command = m.group(1);
      shown.add(command);
      String help = help(command);
      if (!help.equals(m.group(2))) {
        stale.add(command);
      }
      m.appendReplacement(
          updated,
          Matcher.quoteReplacement(
              "<!-- help:"
                  + command
                  + " -->\n```text\n"
                  + help
                  + "```\n<!-- /help:"
                  + command
                  + " -->"));
    }
    m.appendTail(updated);
    if (Boolean.getBoolean("docs.update")) {
      Files.writeString(CLI_MD, updated.toString());
      return;
    }
    Set<String> commands = new LinkedHashSet<>(List.of(""));
    for (String line : help("").lines().toList()) {
      Matcher c = Pattern.compile("^  ([a-z][a-z-]+)\\s").matcher(line);
      if (c.find() && !c.group(1).equals("help")) {
        commands.add(c.group(1));
      }
    }
    assertTrue(commands.size() > 5, "the top help lists the commands: " + commands);
    assertEquals(commands, shown, "docs/cli.md has one help block per command, in this order");
    assertEquals(
        List.of(),
        stale,
        "docs/cli.md's help blocks that differ from the CLI (rerun with -Ddocs.update=true)");
  }

  /** {@code gan COMMAND --help} as printed, with a newline at its end. */
  private static String help(String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    assertEquals(0, GanCli.run(args, stream, stream), command + " --help exits with 0");
    String text = out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    return text.endsWith("\n") ? text : text + "\n";
  }
}

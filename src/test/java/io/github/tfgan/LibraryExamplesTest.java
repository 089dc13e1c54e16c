package io.github.tfgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's library examples are the programs of {@code consumer/}, the separate project that CI
 * builds against the installed artifact and whose tests run them; this keeps the two the same.
 */
class LibraryExamplesTest {
  private static final Path CONSUMER = Path.of("consumer");

  @ParameterizedTest
  @ValueSource(strings = {"GenerateDigits", "TrainAndExport", "EvaluateGenerator"})
  void readmeShowsTheConsumersProgramVerbatim(String name) throws IOException {
    String program = Files.readString(CONSUMER.resolve("src/main/java/example/" + name + ".java"));
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(
        readme.contains("```java\n" + program + "```\n"),
        "README's \"Use as a library\" shows consumer/.../" + name + ".java as it is");
  }

  @Test
  void theConsumerDependsOnThisVersionWithTheReadmesCoordinates() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    String version =
        first(pom, "<artifactId>tf-java-gan</artifactId>\\s*<version>([^<]+)</version>");
    String dependency =
        "<dependency>\n  <groupId>io.github.tfgan</groupId>\n  <artifactId>tf-java-gan</artifactId>\n"
            + "  <version>"
            + version
            + "</version>\n</dependency>";
    assertTrue(Files.readString(Path.of("README.md")).contains(dependency), dependency);
    String consumer = Files.readString(CONSUMER.resolve("pom.xml"));
    assertEquals(
        version,
        first(consumer, "<artifactId>tf-java-gan</artifactId>\\s*<version>([^<]+)</version>"));
    assertTrue(!version.endsWith("-SNAPSHOT"), "a release version: " + version);
  }

  @Test
  void thePomCarriesTheLicenceAndKeepsTheCommandLineOptional() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    assertTrue(pom.contains("<name>Apache License, Version 2.0</name>"));
    assertTrue(Files.readString(Path.of("LICENSE")).contains("Apache License"));
    for (String artifact : List.of("picocli", "slf4j-simple")) {
      assertTrue(
          Pattern.compile(
                  "<artifactId>"
                      + artifact
                      + "</artifactId>\\s*<version>[^<]+</version>\\s*<optional>true</optional>")
              .matcher(pom)
              .find(),
          artifact + " is optional: a library user does not get it");
    }
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), regex);
    return m.group(1);
  }
}

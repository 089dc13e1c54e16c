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
 * The library examples of docs/library.md (all four) and of the README (the first) are the programs
 * of {@code consumer/}, the separate project that CI builds against the installed artifact and
 * whose tests run them; this keeps them the same.
 */
class LibraryExamplesTest {
  private static final Path CONSUMER = Path.of("consumer");
  private static final Path LIBRARY_GUIDE = Path.of("docs/library.md");

  @ParameterizedTest
  @ValueSource(
      strings = {"GenerateDigits", "TrainAndExport", "EvaluateGenerator", "TrainOnYourData"})
  void libraryGuideShowsTheConsumersProgramVerbatim(String name) throws IOException {
    String program = Files.readString(CONSUMER.resolve("src/main/java/example/" + name + ".java"));
    String guide = Files.readString(LIBRARY_GUIDE);
    assertTrue(
        guide.contains("```java\n" + program + "```\n"),
        "docs/library.md shows consumer/.../" + name + ".java as it is");
  }

  @Test
  void readmeShowsTheFirstProgramVerbatim() throws IOException {
    String program =
        Files.readString(CONSUMER.resolve("src/main/java/example/GenerateDigits.java"));
    assertTrue(
        Files.readString(Path.of("README.md")).contains("```java\n" + program + "```\n"),
        "README's \"Java library\" shows consumer/.../GenerateDigits.java as it is");
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
    assertTrue(
        Files.readString(Path.of("README.md")).contains(dependency), "README: " + dependency);
    assertTrue(
        Files.readString(LIBRARY_GUIDE).contains(dependency), "docs/library.md: " + dependency);
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

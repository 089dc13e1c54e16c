package io.github.tfgan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published API as the Javadoc shows it: every package has a {@code package-info.java}; the
 * POM's javadoc configuration leaves out exactly the packages whose package-info says they are
 * internal, and exactly the public classes of published packages whose Javadoc says they are; the
 * overview names the POM's coordinates, and the footer the licence.
 */
class PublicApiTest {
  private static final Path MAIN = Path.of("src/main/java/io/github/tfgan");
  private static final String ROOT = "io.github.tfgan.";
  private static final String INTERNAL = "<b>Internal:</b> not part of the library's API";

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String pkg : packages()) {
      if (!Files.exists(MAIN.resolve(pkg).resolve("package-info.java"))) {
        missing.add(pkg);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theJavadocLeavesOutExactlyTheInternalPackages() throws IOException {
    Set<String> internal = new TreeSet<>();
    for (String pkg : packages()) {
      Path info = MAIN.resolve(pkg).resolve("package-info.java");
      if (Files.exists(info) && Files.readString(info).contains(INTERNAL)) {
        internal.add(ROOT + pkg);
      }
    }
    Set<String> excluded =
        new TreeSet<>(Arrays.asList(javadocSetting("excludePackageNames").split("[:,]")));
    assertEquals(internal, excluded);
    assertTrue(excluded.size() < packages().size(), "some package is published");
  }

  @Test
  void theJavadocLeavesOutExactlyThePublicClassesMarkedInternal() throws IOException {
    Set<String> marked = new TreeSet<>();
    Set<String> excludedPackages = Set.of(javadocSetting("excludePackageNames").split("[:,]"));
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = ROOT + MAIN.relativize(file).getName(0);
        String name = file.getFileName().toString().replace(".java", "");
        String text = Files.readString(file);
        Matcher decl =
            Pattern.compile("(?m)^public [a-z ]*(class|interface|enum|record) " + name + "\\b")
                .matcher(text);
        if (!excludedPackages.contains(pkg)
            && decl.find()
            && text.substring(0, decl.start()).contains(INTERNAL)) {
          marked.add("io/github/tfgan/" + MAIN.relativize(file).toString().replace('\\', '/'));
        }
      }
    }
    Set<String> excluded = new TreeSet<>();
    Matcher m = Pattern.compile("<sourceFileExclude>([^<]+)</sourceFileExclude>").matcher(pom());
    while (m.find()) {
      excluded.add(m.group(1).strip());
    }
    assertEquals(marked, excluded);
  }

  @Test
  void theOverviewAndFooterNameTheCoordinatesAndTheLicence() throws IOException {
    String pom = pom();
    Path overview = Path.of(javadocSetting("overview").replace("${project.basedir}/", ""));
    String html = Files.readString(overview);
    for (String tag : List.of("groupId", "artifactId", "version")) {
      Matcher m = Pattern.compile("<" + tag + ">([^<]+)</" + tag + ">").matcher(pom);
      assertTrue(m.find(), tag);
      assertTrue(
          html.contains("<" + tag + ">" + m.group(1) + "</" + tag + ">"),
          "overview names " + tag + " " + m.group(1));
    }
    assertTrue(html.contains("Apache License, Version 2.0"), "overview names the licence");
    String bottom = javadocSetting("bottom");
    assertTrue(bottom.contains("Apache License, Version 2.0"), bottom);
    assertFalse(bottom.contains("All rights reserved"), bottom);
  }

  private static List<String> packages() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String pom() throws IOException {
    return Files.readString(Path.of("pom.xml"));
  }

  /** A setting of the maven-javadoc-plugin's configuration in the POM. */
  private static String javadocSetting(String name) throws IOException {
    String pom = pom();
    int plugin = pom.indexOf("<artifactId>maven-javadoc-plugin</artifactId>");
    assertTrue(plugin >= 0, "the POM configures maven-javadoc-plugin");
    String section = pom.substring(plugin, pom.indexOf("</plugin>", plugin));
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(section);
    assertTrue(m.find(), "maven-javadoc-plugin sets " + name);
    return m.group(1).strip();
  }
}

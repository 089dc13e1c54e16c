package io.github.tfgan.cli;

import io.github.tfgan.run.TrainingRun;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: this project's version (from the POM, filtered into a resource) and TF's. */
final class VersionProvider implements CommandLine.IVersionProvider {
  /** The version of this build, as the POM gives it. */
  static String projectVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "tf-java-gan " + projectVersion(),
      "TensorFlow Java "
          + TrainingRun.TF_JAVA_VERSION
          + ", Java "
          + System.getProperty("java.version")
    };
  }
}

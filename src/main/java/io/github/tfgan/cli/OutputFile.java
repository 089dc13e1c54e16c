package io.github.tfgan.cli;

import io.github.tfgan.io.Directories;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks an output file named by a flag before any work starts: a file name (not a directory) under
 * a writable directory, and no existing file (or link) unless {@code --force}.
 */
final class OutputFile {
  private OutputFile() {}

  static void check(String flag, Path file, boolean force) throws IOException {
    String named = flag + " " + file;
    if (Files.isDirectory(file)) {
      throw new IOException(named + ": expected a file name, found a directory");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !force) {
      throw new FileAlreadyExistsException(named, null, "expected no existing file");
    }
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      throw new IOException(named + ": expected a file name, found a link to nothing");
    }
    Path existing = Directories.nearestExisting(file.toAbsolutePath().getParent());
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new IOException(
          named
              + ": expected a writable directory for it, found that "
              + existing
              + (existing != null && Files.isDirectory(existing)
                  ? " is not writable"
                  : " is not a directory"));
    }
    if (existing.toString().startsWith("/proc") || existing.toString().startsWith("/sys")) {
      throw new IOException(named + ": expected a regular file system, found " + existing);
    }
  }
}

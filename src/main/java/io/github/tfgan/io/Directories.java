package io.github.tfgan.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Directory operations that never leave a half-written output in place. */
public final class Directories {
  private Directories() {}

  /**
   * Fails unless {@code target} is absent or {@code force} is set.
   *
   * @throws FileAlreadyExistsException naming the path and how to replace it
   */
  public static void checkReplaceable(Path target, boolean force) throws IOException {
    if (Files.exists(target) && !force) {
      throw new FileAlreadyExistsException(
          target.toString(),
          null,
          "expected no existing directory (it is replaced only when forced)");
    }
  }

  /**
   * The nearest of {@code path} and its ancestors that exists (where writing under {@code path}
   * would start), or null if none does.
   */
  public static Path nearestExisting(Path path) {
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing;
  }

  /** A new empty temporary sibling of {@code target}, on the same file system. */
  public static Path tempSibling(Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    return Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp-");
  }

  /**
   * Writes {@code bytes} to {@code file} through a temporary sibling and a rename, so that a reader
   * sees the old file or the new one, never a part. The file is readable by all (rw-r--r--).
   */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      makeReadable(tmp, false);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Gives files rw-r--r-- and directories rwxr-xr-x (temporary files start owner-only). */
  public static void makeReadable(Path path, boolean directory) throws IOException {
    if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(
          path, PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  /**
   * Moves the fully written {@code staged} directory to {@code target} by renames; an existing
   * {@code target} (allowed only with {@code force}) is moved aside first and deleted last.
   */
  public static void commit(Path staged, Path target, boolean force) throws IOException {
    Path abs = target.toAbsolutePath();
    checkReplaceable(abs, force);
    makeReadable(staged, true);
    if (Files.exists(abs)) {
      Path old = tempSibling(abs);
      Files.delete(old);
      Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(staged, abs, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } else {
      Files.move(staged, abs, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Copies the tree under {@code source} into the existing directory {@code dest}. */
  public static void copyInto(Path source, Path dest) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path to = dest.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Deletes a directory tree if it exists. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

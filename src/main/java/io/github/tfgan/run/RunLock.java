package io.github.tfgan.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock of a run directory ({@code RUN_DIR/.lock}, an OS file lock, as Git's lock files keep two
 * processes from one repository): held while a process trains in the directory, released when it
 * closes or dies, so that a second {@code --resume} of the same run refuses instead of writing the
 * same files.
 */
final class RunLock implements AutoCloseable {
  /** The lock file's name inside the run directory. */
  static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code runDir} without waiting.
   *
   * @throws IOException naming the directory when another process (or this one) holds it
   */
  static RunLock acquire(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          runDir
              + ": expected a run directory no other process is training in, found it locked ("
              + file
              + " is held; wait for that process, or stop it)");
    }
    channel.truncate(0);
    channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
    return new RunLock(channel, lock);
  }

  private boolean deleteOnClose;
  private Path file;

  /**
   * Deletes the lock file when the lock is released, still holding it: a finished run directory
   * keeps no {@code .lock} (a process that opened the file before then finds it unlinked; it can
   * only have come to publish a finished run, which writes outside the directory).
   */
  void deleteOnClose(Path runDir) {
    this.file = runDir.resolve(FILE);
    this.deleteOnClose = true;
  }

  @Override
  public void close() throws IOException {
    try {
      if (deleteOnClose) {
        java.nio.file.Files.deleteIfExists(file);
      }
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
      }
    }
  }
}

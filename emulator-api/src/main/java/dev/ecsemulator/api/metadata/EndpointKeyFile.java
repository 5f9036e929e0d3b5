package dev.ecsemulator.api.metadata;

import dev.ecsemulator.scheduler.runtime.EndpointIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The secret key of a durable emulator's endpoint IDs ({@link EndpointIds}), kept in
 * {@code DIR/task-endpoint.key} so that tasks left running across a restart keep working URIs. Created on
 * first use, readable by its owner only where the file system allows.
 */
public final class EndpointKeyFile {

  /** The file's name in the data directory. */
  public static final String NAME = "task-endpoint.key";

  private EndpointKeyFile() {}

  /**
   * The key in {@code dataDir}, created when missing or unusable (too short: a damaged file is replaced, which
   * only changes the IDs of containers created from now on).
   *
   * @throws UncheckedIOException when the directory cannot be read or written
   */
  public static byte[] loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    try {
      if (Files.exists(file)) {
        byte[] key = Files.readAllBytes(file);
        if (key.length >= EndpointIds.KEY_BYTES) {
          return key;
        }
      }
      byte[] key = EndpointIds.newKey();
      Path temp = Files.createTempFile(dataDir, NAME, ".tmp");
      try {
        restrict(temp);
        Files.write(temp, key);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return key;
    } catch (FileAlreadyExistsException e) {
      return loadOrCreate(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write " + file, e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the data directory's own permissions apply
    }
  }
}

package dev.ecsemulator.core;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of one emulator: a short ID derived from its data directory, so that it is stable across
 * restarts and two emulators with different data directories never share it. Everything the emulator
 * creates in Docker carries it as a label, and an emulator only ever touches resources with its own ID.
 */
public record EmulatorInstance(String id, Path dataDir) {

  public static EmulatorInstance forDataDir(Path dataDir) {
    Path normalized = dataDir.toAbsolutePath().normalize();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(normalized.toString().getBytes(StandardCharsets.UTF_8));
      return new EmulatorInstance(HexFormat.of().formatHex(digest, 0, 6), normalized);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

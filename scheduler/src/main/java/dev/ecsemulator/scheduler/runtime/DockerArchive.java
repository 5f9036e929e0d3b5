package dev.ecsemulator.scheduler.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds, in memory, a {@code docker save}-style archive of a one-layer image holding a single executable
 * as its entrypoint, for {@code docker load} (docker-java {@code loadImageCmd}): no registry, no build
 * context, no daemon-side build. Deterministic: the same inputs give the same bytes, hence the same image
 * ID (the SHA-256 of the config). Pure.
 *
 * <p>Layout: {@code manifest.json} (Config, RepoTags, Layers), {@code <config sha>.json} (architecture,
 * os, config.Entrypoint, config.Labels, rootfs.diff_ids), {@code <layer sha>/layer.tar}.
 */
final class DockerArchive {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EPOCH = "1970-01-01T00:00:00Z";

  private DockerArchive() {}

  /** The archive, and the image ID Docker will give it. */
  record Image(byte[] tar, String imageId) {}

  static Image singleExecutable(String repoTag, String architecture, String fileName, byte[] executable,
      Map<String, String> labels) {
    byte[] layer = new Tar().file(fileName, 0755, executable).finish();
    String layerSha = sha256(layer);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", architecture);
    config.put("os", "linux");
    config.put("created", EPOCH);
    config.put("config", ordered("Entrypoint", List.of("/" + fileName), "Labels", new java.util.TreeMap<>(labels)));
    config.put("rootfs", ordered("type", "layers", "diff_ids", List.of("sha256:" + layerSha)));
    config.put("history", List.of(ordered("created", EPOCH, "created_by", "ecs-emulator: " + fileName)));
    byte[] configJson = json(config);
    String configSha = sha256(configJson);
    byte[] manifest = json(List.of(ordered(
        "Config", configSha + ".json",
        "RepoTags", List.of(repoTag),
        "Layers", List.of(layerSha + "/layer.tar"))));
    byte[] tar = new Tar()
        .file(configSha + ".json", 0644, configJson)
        .file(layerSha + "/layer.tar", 0644, layer)
        .file("manifest.json", 0644, manifest)
        .finish();
    return new Image(tar, "sha256:" + configSha);
  }

  /** Maps with a fixed key order: {@code Map.of} iterates in an order that changes between JVM runs. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings always serialise", e);
    }
  }

  /** A minimal POSIX ustar writer: regular files only, owned by root, mtime 0. */
  static final class Tar {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Tar file(String name, int mode, byte[] content) {
      byte[] header = new byte[512];
      put(header, 0, name, 100);
      octal(header, 100, mode, 8);
      octal(header, 108, 0, 8);                // uid
      octal(header, 116, 0, 8);                // gid
      octal(header, 124, content.length, 12);  // size
      octal(header, 136, 0, 12);               // mtime
      header[156] = '0';                       // typeflag: regular file
      put(header, 257, "ustar", 6);            // magic "ustar\0"
      put(header, 263, "00", 2);               // version
      put(header, 265, "root", 32);
      put(header, 297, "root", 32);
      for (int i = 148; i < 156; i++) {
        header[i] = ' ';                       // the checksum counts its own field as spaces
      }
      int sum = 0;
      for (byte b : header) {
        sum += b & 0xff;
      }
      octal(header, 148, sum, 7);              // six digits and NUL; the eighth byte stays a space
      out.writeBytes(header);
      out.writeBytes(content);
      out.writeBytes(new byte[(512 - content.length % 512) % 512]);
      return this;
    }

    byte[] finish() {
      out.writeBytes(new byte[1024]);          // two zero blocks end the archive
      return out.toByteArray();
    }

    private static void put(byte[] header, int offset, String value, int length) {
      byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
      if (bytes.length > length) {
        throw new IllegalArgumentException("tar field too long: " + value);
      }
      System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    /** {@code length - 1} zero-padded octal digits, then NUL. */
    private static void octal(byte[] header, int offset, long value, int length) {
      String digits = Long.toOctalString(value);
      String padded = "0".repeat(length - 1 - digits.length()) + digits;
      put(header, offset, padded, length - 1);
      header[offset + length - 1] = 0;
    }
  }
}

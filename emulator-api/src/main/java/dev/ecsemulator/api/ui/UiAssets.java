package dev.ecsemulator.api.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's static files: plain HTML, CSS and JavaScript modules kept in this package's resource folder
 * ({@code dev/ecsemulator/api/ui/assets/}), read once and kept in memory. No build step makes them: what is in the
 * jar is what the browser runs. Thread-safe.
 */
final class UiAssets {

  /** The folder on the class path. */
  static final String FOLDER = "/dev/ecsemulator/api/ui/assets/";

  /** A file name: lower-case words, one extension this class knows; nothing else (no paths) is looked up. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.(html|js|css|svg)");

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");

  /** A file and its content type. */
  record Asset(byte[] bytes, String contentType) {}

  /** The files found so far (a name not found is not kept: any number of names may be asked for). */
  private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

  /** The file named {@code name}, if the dashboard has one. */
  Optional<Asset> get(String name) {
    Matcher matcher = NAME.matcher(name == null ? "" : name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(loaded.computeIfAbsent(name, n -> load(n, TYPES.get(matcher.group(1)))));
  }

  /** The file, or null when there is none. */
  private static Asset load(String name, String contentType) {
    try (InputStream in = UiAssets.class.getResourceAsStream(FOLDER + name)) {
      return in == null ? null : new Asset(in.readAllBytes(), contentType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboard's " + name + " from the class path", e);
    }
  }
}

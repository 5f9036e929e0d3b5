package dev.ecsemulator.scheduler.runtime;

import dev.ecsemulator.core.hostaccess.HostPathPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link HostPathPolicy} of this machine: its user's home, its temporary directories, and as protected paths
 * the engine's socket and the emulator's data directory. When the engine listens on a local socket, it binds paths
 * of this machine, so paths are resolved here, following symbolic links as the engine will; an engine elsewhere
 * ({@code tcp://}, {@code ssh://}) binds paths of its own machine, which cannot be read from here, so they are
 * judged as written.
 */
public final class LocalHostPaths {

  private LocalHostPaths() {}

  /** The policy for tasks run by the engine at {@code dockerHost}, for an emulator keeping its data in {@code dataDir}. */
  public static HostPathPolicy policy(String dockerHost, Path dataDir) {
    Set<String> temps = new LinkedHashSet<>(List.of("/tmp", "/var/tmp"));
    String javaTemp = System.getProperty("java.io.tmpdir");
    if (javaTemp != null && javaTemp.startsWith("/")) {
      temps.add(javaTemp);
    }
    List<String> guarded = new ArrayList<>();
    boolean local = dockerHost.startsWith("unix://");
    if (local) {
      guarded.add(dockerHost.substring("unix://".length()));
    }
    if (dataDir != null) {
      guarded.add(dataDir.toAbsolutePath().toString());
    }
    String home = System.getProperty("user.home");
    List<String> tempList = List.copyOf(temps);
    return local
        ? new HostPathPolicy(home, tempList, guarded, LocalHostPaths::realPath)
        : HostPathPolicy.lexical(home, tempList, guarded);
  }

  /**
   * The path the engine would bind for {@code path}: the real path of its longest existing part, links followed,
   * with the rest appended (the engine creates a missing bind source as a directory). A link that leads nowhere,
   * or a part that cannot be read, resolves to {@code /}, which no policy allows.
   */
  static String realPath(String path) {
    Path given = Path.of(path);
    Path existing = given;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(given)).toString();
    } catch (IOException | SecurityException e) {
      return "/";
    }
  }
}

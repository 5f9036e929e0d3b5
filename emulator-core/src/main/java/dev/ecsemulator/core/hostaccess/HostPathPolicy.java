package dev.ecsemulator.core.hostaccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which host paths a task may bind without {@code --allow-host-access}: an allow-list, because the paths that
 * hand over the host (the Docker socket, /etc, /proc, /var/lib/docker, /run, a user's ~/.ssh, ...) are too
 * many and too varied to list, while what local tasks legitimately mount is few: project directories and
 * scratch space.
 *
 * <p>A path is allowed when, once normalized and resolved, it lies strictly inside
 * <ul>
 *   <li>the home directory of the user running the emulator, but not in one of its hidden entries
 *       ({@code ~/.ssh}, {@code ~/.aws}, {@code ~/.docker}, {@code ~/.bashrc}, ...): credentials and the
 *       files a shell runs;
 *   <li>or a temporary directory ({@code /tmp}, {@code /var/tmp}, the JVM's), but not in one of its hidden
 *       entries ({@code .X11-unix}), an ssh-agent's {@code ssh-*} directory or a service's
 *       {@code systemd-private-*} directory;
 * </ul>
 * and is neither inside nor above a protected path (the Docker engine's socket, the emulator's data
 * directory). A home or temporary directory that is {@code /} or a system directory (also when it cannot be
 * resolved, which resolvers report as {@code /}) counts for nothing. A path that is not
 * absolute is not a host path (Docker reads such a bind source as a volume name) and is allowed.
 *
 * <p>{@code resolver} maps a normalized path to the path Docker would really bind, following symbolic links
 * (else a task could create {@code /tmp/x -> /etc} in one bind and mount {@code /tmp/x} in the next); the
 * scheduler supplies one that reads the file system when the engine is local. The roots are resolved the same
 * way. Pure given the resolver.
 *
 * @param home the home directory, or null for none
 * @param tempDirectories the temporary directories
 * @param protectedPaths paths never bound, nor any directory that contains them
 * @param resolver normalized absolute path to the real path (identity for lexical checks only)
 */
public record HostPathPolicy(String home, List<String> tempDirectories, List<String> protectedPaths,
    UnaryOperator<String> resolver) {

  /** Directories no home or temporary directory may be: inside them lies the system, not a user's own files. */
  static final Set<String> SYSTEM_DIRECTORIES = Set.of("/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32",
      "/lib64", "/libx32", "/opt", "/proc", "/run", "/sbin", "/srv", "/sys", "/usr", "/var", "/var/lib", "/var/run");

  public HostPathPolicy {
    tempDirectories = List.copyOf(tempDirectories);
    protectedPaths = List.copyOf(protectedPaths);
    Objects.requireNonNull(resolver, "resolver");
  }

  /** Only lexical: for tests, and for an engine on another machine whose file system cannot be read. */
  public static HostPathPolicy lexical(String home, List<String> tempDirectories, List<String> protectedPaths) {
    return new HostPathPolicy(home, tempDirectories, protectedPaths, UnaryOperator.identity());
  }

  /** Whether a task may bind {@code hostPath} without host access. */
  public boolean allows(String hostPath) {
    if (hostPath == null || !hostPath.startsWith("/")) {
      return true;
    }
    String path = resolve(hostPath);
    for (String guarded : protectedPaths) {
      String p = resolve(guarded);
      if (inside(path, p) || inside(p, path)) {
        return false;
      }
    }
    if (home != null) {
      String h = resolve(home);
      if (!SYSTEM_DIRECTORIES.contains(h) && strictlyInside(path, h) && !firstName(path, h).startsWith(".")) {
        return true;
      }
    }
    for (String temp : tempDirectories) {
      String t = resolve(temp);
      if (!SYSTEM_DIRECTORIES.contains(t) && strictlyInside(path, t)) {
        String first = firstName(path, t);
        if (!first.startsWith(".") && !first.startsWith("ssh-") && !first.startsWith("systemd-private-")) {
          return true;
        }
      }
    }
    return false;
  }

  private String resolve(String path) {
    return normalize(resolver.apply(normalize(path)));
  }

  /**
   * POSIX normalization of an absolute path, on the string (not {@link java.nio.file.Path}, whose meaning
   * follows the emulator's own platform): empty and {@code .} names dropped, {@code ..} going up (never above
   * {@code /}), no trailing slash.
   */
  static String normalize(String path) {
    List<String> names = new ArrayList<>();
    for (String name : path.split("/")) {
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (!names.isEmpty()) {
          names.remove(names.size() - 1);
        }
      } else {
        names.add(name);
      }
    }
    return "/" + String.join("/", names);
  }

  /** {@code path} is {@code root} or lies below it. */
  private static boolean inside(String path, String root) {
    return path.equals(root) || strictlyInside(path, root);
  }

  private static boolean strictlyInside(String path, String root) {
    String prefix = root.equals("/") ? "/" : root + "/";
    return path.startsWith(prefix) && path.length() > prefix.length();
  }

  /** The first name of {@code path} below {@code root} ({@code a} for {@code /root/a/b}). */
  private static String firstName(String path, String root) {
    String rest = path.substring(root.equals("/") ? 1 : root.length() + 1);
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}

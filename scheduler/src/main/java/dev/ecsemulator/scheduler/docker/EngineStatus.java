package dev.ecsemulator.scheduler.docker;

/**
 * What the emulator knows of the Docker engine: whether it answered the last ping, its version and API
 * version when it did, and the error when it did not.
 */
public record EngineStatus(boolean reachable, String host, String version, String apiVersion, String error) {

  public static EngineStatus up(String host, String version, String apiVersion) {
    return new EngineStatus(true, host, version, apiVersion, null);
  }

  public static EngineStatus down(String host, String error) {
    return new EngineStatus(false, host, null, null, error);
  }
}

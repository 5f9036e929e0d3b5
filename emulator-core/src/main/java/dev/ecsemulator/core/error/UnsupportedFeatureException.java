package dev.ecsemulator.core.error;

/** AWS error {@code UnsupportedFeatureException}: The feature is not supported (in this region, or by the emulator). */
public final class UnsupportedFeatureException extends EcsException {
  public UnsupportedFeatureException(String message) {
    super(message);
  }
}

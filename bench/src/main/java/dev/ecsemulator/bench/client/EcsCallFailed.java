package dev.ecsemulator.bench.client;

/** A set-up call that the server refused: the benchmark cannot go on as planned. */
public final class EcsCallFailed extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final EcsResponse response;

  public EcsCallFailed(String operation, EcsResponse response) {
    super(operation + " failed: HTTP " + response.status() + " " + response.errorType() + ": " + response.message());
    this.response = response;
  }

  public EcsResponse response() {
    return response;
  }

  /** Whether the server said it does not implement the operation (the emulator's answer for what is not built). */
  public boolean unsupported() {
    return "UnsupportedFeatureException".equals(response.errorType());
  }
}

package dev.ecsemulator.core.elbv2;

/**
 * Opens a listener's port on the host before the listener is stored, so that CreateListener and ModifyListener fail
 * with a clear error when the port is taken (the data plane implements it; the core has no sockets). Thread-safe.
 */
public interface ListenerPorts {

  /**
   * Makes sure {@code port} is open for {@code listenerArn} (opening it if needed). Called inside the store write that
   * saves the listener: if that write fails afterwards, the data plane closes the port again when it next reconciles.
   *
   * @throws dev.ecsemulator.core.elbv2.error.InvalidConfigurationRequestException naming the port when it cannot be
   *     opened
   */
  void reserve(int port, String listenerArn);

  /** No data plane (tests of the API alone): every port is taken to be free. */
  ListenerPorts NONE = (port, listenerArn) -> { };
}

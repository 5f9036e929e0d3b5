package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.state.StateStore;
import java.util.List;

/**
 * A service the fuzz has no fixture for: requests generated from its model alone, names only from the ARNs its answers
 * give; its records are checked in the store (readable, read back after a restart), not through its API.
 */
final class ModelOnlyFixture implements ServiceFixture {

  @Override
  public List<Call> setUp() {
    return List.of();
  }

  @Override
  public ObjectNode seed(String operation) {
    return null;
  }

  @Override
  public String kindOf(String member) {
    return null;
  }

  @Override
  public void checkReadable(StateStore store, WireClient client, List<String> failures) {}
}

package dev.ecsemulator.api.tasks;

import static dev.ecsemulator.api.tasks.TaskFixtures.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Network;
import dev.ecsemulator.api.support.TestEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Looking at the task endpoint from inside task containers ({@code docker exec}), safely. */
final class TaskEndpointProbe {

  static final ObjectMapper JSON = new ObjectMapper();

  private TaskEndpointProbe() {}

  /**
   * Fails the test, before anything is sent to 169.254.170.2, unless the emulator's labelled endpoint network
   * holds that address on this machine and the emulator says it serves there.
   */
  static void requireLocalEndpoint(TestEmulator emulator) throws IOException {
    List<Network> networks = docker().listNetworksCmd()
        .withFilter("label", List.of("ecs-emulator.managed=true", "ecs-emulator.role=task-endpoint")).exec();
    boolean held = networks.stream().anyMatch(n -> n.getIpam() != null && n.getIpam().getConfig() != null
        && n.getIpam().getConfig().stream().anyMatch(c -> "169.254.170.2".equals(c.getGateway())));
    if (!held || NetworkInterface.getByInetAddress(InetAddress.getByName("169.254.170.2")) == null) {
      fail("no emulator network holds 169.254.170.2 on this machine: nothing was sent there");
    }
    JsonNode health = JSON.readTree(emulator.get("/_emulator/health").body()).get("taskEndpoint");
    if (!health.get("serving").asBoolean()) {
      fail("the emulator does not serve the task endpoint: " + health);
    }
  }

  /** Runs {@code script} with {@code sh -c} in the container (its environment included); stdout and stderr. */
  static String exec(String containerId, String script) throws InterruptedException {
    String execId = docker().execCreateCmd(containerId).withCmd("sh", "-c", script)
        .withAttachStdout(true).withAttachStderr(true).exec().getId();
    StringBuilder out = new StringBuilder();
    boolean done = docker().execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
      @Override
      public void onNext(Frame frame) {
        out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
      }
    }).awaitCompletion(60, TimeUnit.SECONDS);
    assertThat(done).as("exec finished: " + script).isTrue();
    return out.toString();
  }

  static JsonNode json(String text) throws IOException {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  static List<String> names(JsonNode containers) {
    List<String> names = new ArrayList<>();
    containers.forEach(c -> names.add(c.get("Name").asText()));
    return names;
  }

  static Set<String> fields(JsonNode node) {
    Set<String> names = new java.util.LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

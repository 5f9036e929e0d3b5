package dev.ecsemulator.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.ui.SampleAppControl.Action;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.NetworkBinding;
import dev.ecsemulator.core.model.Task;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a teaching action is sent: only a port the task publishes, only the sample app's control paths. */
class SampleAppControlTest {

  static final String LOCAL = "unix:///var/run/docker.sock";

  static NetworkBinding binding(String bindIp, int containerPort, int hostPort, String protocol) {
    return NetworkBinding.builder().bindIP(bindIp).containerPort(containerPort).hostPort(hostPort).protocol(protocol)
        .build();
  }

  static Task task(String lastStatus, NetworkBinding... bindings) {
    return Task.builder().lastStatus(lastStatus)
        .containers(List.of(Container.builder().name("app").networkBindings(List.of(bindings)).build())).build();
  }

  @Test
  void thePublishedPortOfTheSampleAppIsPreferredOnLoopbackForAWildcard() {
    Task task = task("RUNNING", binding("0.0.0.0", 9000, 32001, "tcp"), binding("0.0.0.0", 8080, 32002, "tcp"));
    assertThat(SampleAppControl.target(task, LOCAL, Action.UNHEALTHY))
        .contains(URI.create("http://127.0.0.1:32002/control/unhealthy"));
    assertThat(SampleAppControl.target(task, LOCAL, Action.BURN))
        .contains(URI.create("http://127.0.0.1:32002/control/burn?seconds=30&workers=1"));
  }

  @Test
  void anotherPortIsUsedOnTheAddressItIsBoundTo() {
    assertThat(SampleAppControl.target(task("RUNNING", binding("127.0.0.1", 9000, 32001, "tcp")), LOCAL, Action.HEALTHY))
        .contains(URI.create("http://127.0.0.1:32001/control/healthy"));
    assertThat(SampleAppControl.target(task("RUNNING", binding("::1", 9000, 32001, "tcp")), LOCAL, Action.HEALTHY))
        .contains(URI.create("http://[::1]:32001/control/healthy"));
  }

  @Test
  void aRemoteEngineIsCalledOnItsHost() {
    assertThat(SampleAppControl.target(task("RUNNING", binding("0.0.0.0", 8080, 32001, "tcp")), "tcp://docker:2375",
        Action.UNHEALTHY)).contains(URI.create("http://docker:32001/control/unhealthy"));
  }

  @Test
  void nothingIsCalledWithoutARunningTaskAndATcpPort() {
    assertThat(SampleAppControl.target(task("RUNNING"), LOCAL, Action.UNHEALTHY)).isEmpty();
    assertThat(SampleAppControl.target(task("RUNNING", binding("0.0.0.0", 8080, 32001, "udp")), LOCAL, Action.BURN))
        .isEmpty();
    assertThat(SampleAppControl.target(task("STOPPED", binding("0.0.0.0", 8080, 32001, "tcp")), LOCAL, Action.BURN))
        .isEmpty();
  }

  @Test
  void onlyTheThreeActionsExist() {
    assertThat(Action.parse("unhealthy")).contains(Action.UNHEALTHY);
    assertThat(Action.parse("burn")).contains(Action.BURN);
    assertThat(Action.parse("BURN")).isEmpty();
    assertThat(Action.parse("exit")).isEmpty();
    assertThat(Action.parse(null)).isEmpty();
  }
}

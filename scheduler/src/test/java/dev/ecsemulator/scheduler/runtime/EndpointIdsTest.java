package dev.ecsemulator.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EndpointIdsTest {

  private static final String TASK = "arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef";
  private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @Test
  void idsAreStableUnderOneKeyAndShapedLikeTheAgentsRandomUuids() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);

    EndpointIds ids = EndpointIds.of(key);

    assertThat(ids.container(TASK, "app")).matches(UUID_V4).isEqualTo(EndpointIds.of(key).container(TASK, "app"));
    assertThat(ids.credentials(TASK)).matches(UUID_V4).isEqualTo(EndpointIds.of(key).credentials(TASK));
  }

  @Test
  void containersTasksAndKindsNeverShareAnId() {
    EndpointIds ids = EndpointIds.random();
    String other = TASK.replace("0123", "3210");

    assertThat(java.util.Set.of(ids.container(TASK, "app"), ids.container(TASK, "side"), ids.container(other, "app"),
        ids.credentials(TASK), ids.credentials(other))).hasSize(5);
  }

  @Test
  void withoutTheKeyTheIdsCannotBeDerived() {
    assertThat(EndpointIds.random().container(TASK, "app")).isNotEqualTo(EndpointIds.random().container(TASK, "app"));
    assertThat(EndpointIds.random().credentials(TASK)).isNotEqualTo(EndpointIds.random().credentials(TASK));
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> EndpointIds.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}

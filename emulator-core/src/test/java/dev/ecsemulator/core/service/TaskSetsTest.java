package dev.ecsemulator.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Scale;
import dev.ecsemulator.core.model.TaskSet;
import org.junit.jupiter.api.Test;

/** computedDesiredCount and the scale a request gives. */
class TaskSetsTest {

  @Test
  void computedDesiredCountIsTheDesiredCountTimesTheScaleRoundedUp() {
    assertThat(computed(3, 50.0)).isEqualTo(2);
    assertThat(computed(10, 10.0)).isEqualTo(1); // 10 × 10% is exactly 1 in decimal, not 1.0000000000000002
    assertThat(computed(10, 33.3)).isEqualTo(4);
    assertThat(computed(5, 100.0)).isEqualTo(5);
    assertThat(computed(5, 0.0)).isZero();
    assertThat(computed(1, 0.1)).isEqualTo(1);
    assertThat(computed(0, 100.0)).isZero();
  }

  @Test
  void aDrainingSetWantsNoTask() {
    TaskSet draining = set(100.0).toBuilder().status("DRAINING").build();
    assertThat(TaskSets.computedDesiredCount(draining, 4)).isZero();
  }

  @Test
  void theScaleIsAPercentageFrom0To100And0WhenNotGiven() {
    assertThat(TaskSets.scale(null)).isEqualTo(Scale.builder().unit("PERCENT").value(0.0).build());
    assertThat(TaskSets.scale(Scale.builder().value(12.5).build()).unit()).isEqualTo("PERCENT");
    assertThatThrownBy(() -> TaskSets.scale(Scale.builder().value(100.5).build()))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Scale value must be between 0 and 100.");
    assertThatThrownBy(() -> TaskSets.scale(Scale.builder().value(-1.0).build()))
        .isInstanceOf(InvalidParameterException.class);
  }

  private static int computed(int desired, double percent) {
    return TaskSets.computedDesiredCount(set(percent), desired);
  }

  private static TaskSet set(double percent) {
    return TaskSet.builder().id("ecs-svc/1").status("ACTIVE")
        .scale(Scale.builder().unit("PERCENT").value(percent).build()).build();
  }
}

package dev.ecsemulator.core.arn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.Scope;
import org.junit.jupiter.api.Test;

class ArnTest {

  static final Scope SCOPE = new Scope("123456789012", "eu-west-1");

  @Test
  void buildsTheLongFormat() {
    assertThat(Arns.cluster(SCOPE, "prod")).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/prod");
    assertThat(Arns.taskDefinition(SCOPE, "web", 3))
        .isEqualTo("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3");
    assertThat(Arns.task(SCOPE, "prod", "0123456789abcdef0123456789abcdef"))
        .isEqualTo("arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef");
    assertThat(Arns.service(SCOPE, "prod", "api")).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:service/prod/api");
  }

  @Test
  void parsesWhatItBuilds() {
    Arn arn = Arn.parse(Arns.task(SCOPE, "prod", "abc")).orElseThrow();

    assertThat(arn.region()).isEqualTo("eu-west-1");
    assertThat(arn.accountId()).isEqualTo("123456789012");
    assertThat(arn.resourceType()).isEqualTo("task");
    assertThat(arn.resourcePath()).isEqualTo("prod/abc");
    assertThat(arn.lastPathElement()).isEqualTo("abc");
  }

  @Test
  void taskDefinitionArnsKeepTheirRevision() {
    Arn arn = Arn.parse(Arns.taskDefinition(SCOPE, "web", 12)).orElseThrow();

    assertThat(arn.resourcePath()).isEqualTo("web:12");
  }

  @Test
  void rejectsWhatIsNotAnArn() {
    assertThat(Arn.parse("prod")).isEmpty();
    assertThat(Arn.parse("arn:aws")).isEmpty();
    assertThat(Arn.parse(null)).isEmpty();
  }
}

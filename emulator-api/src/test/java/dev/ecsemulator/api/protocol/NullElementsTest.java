package dev.ecsemulator.api.protocol;

import static dev.ecsemulator.api.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * A null element of a list, or value of a map, is refused before any handler sees it, with AWS's validation
 * error, wherever the model puts the list: through the AWS SDK v2 (which sends the nulls it is given). These
 * answered 500 NullPointerException, or were stored and then stuck the tasks that used them.
 */
class NullElementsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = emulator.client();
  static final String NULL_MEMBER = "Member must satisfy constraint: [Member must not be null]";
  static final java.util.List<Tag> NULL_TAG = Collections.singletonList(null);

  @BeforeEach
  void cluster() {
    ecs.createCluster(b -> b.clusterName("default"));
  }

  static ContainerDefinition.Builder app() {
    return ContainerDefinition.builder().name("app").image("ecs-emulator/sample-web:1").memory(32);
  }

  static String refused(String value, String path) {
    return "1 validation error detected: Value '" + value + "' at '" + path + "' failed to satisfy constraint: "
        + NULL_MEMBER;
  }

  @Test
  void describeTasksWithANullTask() {
    assertAwsError(() -> ecs.describeTasks(b -> b.tasks(Collections.singletonList(null))),
        InvalidParameterException.class, refused("[null]", "tasks"));
  }

  @Test
  void aNullTagOnEveryOperationThatTakesTags() {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(app().build()));
    String cluster = ecs.describeClusters().clusters().get(0).clusterArn();

    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("web").tags(NULL_TAG)),
        InvalidParameterException.class, refused("[null]", "tags"));
    assertAwsError(() -> ecs.createService(b -> b.serviceName("s").taskDefinition("web").tags(NULL_TAG)),
        InvalidParameterException.class, refused("[null]", "tags"));
    assertAwsError(() -> ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(app().build())
            .tags(NULL_TAG)),
        InvalidParameterException.class, refused("[null]", "tags"));
    assertAwsError(() -> ecs.tagResource(b -> b.resourceArn(cluster).tags(NULL_TAG)),
        InvalidParameterException.class, refused("[null]", "tags"));
    assertAwsError(() -> ecs.createCluster(b -> b.clusterName("other").tags(NULL_TAG)),
        InvalidParameterException.class, refused("[null]", "tags"));
  }

  @Test
  void nullsInsideAContainerDefinitionAreNotStored() {
    assertAwsError(() -> ecs.registerTaskDefinition(b -> b.family("web")
            .containerDefinitions(app().command(Arrays.asList("sleep", null)).build())),
        InvalidParameterException.class, refused("[sleep, null]", "containerDefinitions.1.member.command"));
    // environment is sensitive: its value is not repeated
    assertAwsError(() -> ecs.registerTaskDefinition(b -> b.family("web")
            .containerDefinitions(app().environment(Arrays.asList(KeyValuePair.builder().name("A").build(), null))
                .build())),
        InvalidParameterException.class, "1 validation error detected: Value at "
            + "'containerDefinitions.1.member.environment' failed to satisfy constraint: " + NULL_MEMBER);

    assertThat(ecs.listTaskDefinitions().taskDefinitionArns()).isEmpty();
  }

  @Test
  void nullsInsideOverridesStartNoTask() {
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(app().build()));

    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("web").overrides(o -> o.containerOverrides(
            c -> c.name("app").command(Arrays.asList("sleep", null))))),
        InvalidParameterException.class, refused("[sleep, null]", "overrides.containerOverrides.1.member.command"));
    assertAwsError(() -> ecs.runTask(b -> b.taskDefinition("web").overrides(o -> o.containerOverrides(
            Collections.singletonList(null)))),
        InvalidParameterException.class, refused("[null]", "overrides.containerOverrides"));

    assertThat(ecs.listTasks().taskArns()).isEmpty();
  }

  /** Over raw HTTP: the SDK leaves out the null values of a map. */
  @Test
  void aNullValueOfAMapIsRefused() {
    HttpResponse<String> labels = emulator.post("RegisterTaskDefinition", "{\"family\":\"web\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"i\",\"memory\":32,\"dockerLabels\":{\"a\":null}}]}");
    HttpResponse<String> driverOpts = emulator.post("RegisterTaskDefinition", "{\"family\":\"web\",\"containerDefinitions\":"
        + "[{\"name\":\"app\",\"image\":\"i\",\"memory\":32}],"
        + "\"volumes\":[{\"name\":\"v\",\"dockerVolumeConfiguration\":{\"driverOpts\":{\"o\":null}}}]}");

    assertThat(labels.statusCode()).isEqualTo(400);
    assertThat(labels.body()).contains("\"__type\":\"InvalidParameterException\"", "Value '{a=null}' at "
        + "'containerDefinitions.1.member.dockerLabels' failed to satisfy constraint: Map value must satisfy "
        + "constraint: [Member must not be null]");
    assertThat(driverOpts.statusCode()).isEqualTo(400);
    assertThat(driverOpts.body()).contains("Value '{o=null}' at 'volumes.1.member.dockerVolumeConfiguration.driverOpts'"
        + " failed to satisfy constraint: Map value must satisfy constraint: [Member must not be null]");
    assertThat(ecs.listTaskDefinitions().taskDefinitionArns()).isEmpty();
  }
}

package dev.ecsemulator.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeleteTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.Volume;

/** RegisterTaskDefinition, DescribeTaskDefinition and friends through the real AWS SDK v2 over HTTP. */
class TaskDefinitionOperationsTest {

  static final String ARN_PREFIX = "arn:aws:ecs:us-east-1:000000000000:task-definition/";

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();

  static TaskDefinition register(String family) {
    return ecs.registerTaskDefinition(b -> b.family(family)
        .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1").memory(64))).taskDefinition();
  }

  @Test
  void registrationAnswersTheComputedMembers() {
    RegisterTaskDefinitionResponse response = ecs.registerTaskDefinition(b -> b.family("web")
        .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1").memory(64)));
    TaskDefinition td = response.taskDefinition();

    assertThat(td.taskDefinitionArn()).isEqualTo(ARN_PREFIX + "web:1");
    assertThat(td.revision()).isEqualTo(1);
    assertThat(td.statusAsString()).isEqualTo("ACTIVE");
    assertThat(td.compatibilitiesAsStrings()).containsExactly("EXTERNAL", "EC2");
    assertThat(td.requiresAttributes()).isEmpty();
    assertThat(td.registeredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    assertThat(td.registeredBy()).isEqualTo("arn:aws:iam::000000000000:root");
    assertThat(td.volumes()).isEmpty();
    assertThat(td.placementConstraints()).isEmpty();
    assertThat(td.hasRequiresCompatibilities()).isFalse();
    ContainerDefinition c = td.containerDefinitions().get(0);
    assertThat(c.cpu()).isZero();
    assertThat(c.essential()).isTrue();
    assertThat(c.environment()).isEmpty();
    assertThat(c.portMappings()).isEmpty();
    assertThat(c.mountPoints()).isEmpty();
    assertThat(c.volumesFrom()).isEmpty();
    assertThat(response.hasTags()).isFalse();
  }

  @Test
  void everyMemberComesBackAsRegistered() {
    RegisterTaskDefinitionRequest request = FullDefinition.request();
    TaskDefinition registered = ecs.registerTaskDefinition(request).taskDefinition();
    TaskDefinition described = ecs.describeTaskDefinition(b -> b.taskDefinition("everything:1")).taskDefinition();

    assertThat(described).isEqualTo(registered);
    assertThat(described.containerDefinitions()).isEqualTo(request.containerDefinitions());
    assertThat(described.volumes()).isEqualTo(request.volumes());
    assertThat(described.placementConstraints()).isEqualTo(request.placementConstraints());
    assertThat(described.proxyConfiguration()).isEqualTo(request.proxyConfiguration());
    assertThat(described.inferenceAccelerators()).isEqualTo(request.inferenceAccelerators());
    assertThat(described.ephemeralStorage()).isEqualTo(request.ephemeralStorage());
    assertThat(described.runtimePlatform()).isEqualTo(request.runtimePlatform());
    assertThat(described.requiresCompatibilitiesAsStrings()).isEqualTo(request.requiresCompatibilitiesAsStrings());
    assertThat(described.taskRoleArn()).isEqualTo(request.taskRoleArn());
    assertThat(described.executionRoleArn()).isEqualTo(request.executionRoleArn());
    assertThat(described.networkModeAsString()).isEqualTo(request.networkModeAsString());
    assertThat(described.cpu()).isEqualTo(request.cpu());
    assertThat(described.memory()).isEqualTo(request.memory());
    assertThat(described.pidModeAsString()).isEqualTo(request.pidModeAsString());
    assertThat(described.ipcModeAsString()).isEqualTo(request.ipcModeAsString());
    assertThat(described.enableFaultInjection()).isEqualTo(request.enableFaultInjection());
  }

  @Test
  void unitFormsAreStoredAsIntegers() {
    TaskDefinition td = ecs.registerTaskDefinition(b -> b.family("fargate").requiresCompatibilitiesWithStrings("FARGATE")
        .networkMode("awsvpc").cpu("1 vCPU").memory("2 GB")
        .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1")
            .portMappings(p -> p.containerPort(8080)))).taskDefinition();

    assertThat(td.cpu()).isEqualTo("1024");
    assertThat(td.memory()).isEqualTo("2048");
    assertThat(td.compatibilitiesAsStrings()).containsExactly("EC2", "FARGATE", "MANAGED_INSTANCES");
    assertThat(td.containerDefinitions().get(0).portMappings().get(0).hostPort()).isEqualTo(8080);
    assertThat(td.containerDefinitions().get(0).portMappings().get(0).protocolAsString()).isEqualTo("tcp");
  }

  @Test
  void anEfsVolumeWithoutRootDirectoryIsDescribedWithTheRoot() {
    ecs.registerTaskDefinition(b -> b.family("efs")
        .volumes(Volume.builder().name("data").efsVolumeConfiguration(e -> e.fileSystemId("fs-12345678")
            .transitEncryption("ENABLED").authorizationConfig(a -> a.accessPointId("fsap-1234"))).build(),
            Volume.builder().name("logs").efsVolumeConfiguration(e -> e.fileSystemId("fs-12345678")
                .rootDirectory("/logs")).build())
        .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1").memory(64)));

    List<Volume> volumes = ecs.describeTaskDefinition(b -> b.taskDefinition("efs")).taskDefinition().volumes();

    assertThat(volumes).extracting(v -> v.efsVolumeConfiguration().rootDirectory()).containsExactly("/", "/logs");
    assertThat(volumes.get(0).efsVolumeConfiguration().authorizationConfig().accessPointId()).isEqualTo("fsap-1234");
  }

  @Test
  void describeByFamilyRevisionOrArn() {
    register("web");
    register("web");
    register("web");
    ecs.deregisterTaskDefinition(b -> b.taskDefinition("web:3"));

    assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("web")).taskDefinition().revision()).isEqualTo(2);
    assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("web:1")).taskDefinition().revision()).isEqualTo(1);
    assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition(ARN_PREFIX + "web:3")).taskDefinition().statusAsString())
        .isEqualTo("INACTIVE");
  }

  @Test
  void describingWhatIsNotThereIsAClientException() {
    register("web");
    ecs.deregisterTaskDefinition(b -> b.taskDefinition("web:1"));

    for (String reference : List.of("nothing", "web", "web:2", "arn:aws:ecs:eu-west-1:000000000000:task-definition/web:1")) {
      assertThatThrownBy(() -> ecs.describeTaskDefinition(b -> b.taskDefinition(reference)))
          .as(reference)
          .isInstanceOf(ClientException.class)
          .hasMessageStartingWith("Unable to describe task definition.");
    }
  }

  @Test
  void tagsComeBackOnlyWhenIncluded() {
    ecs.registerTaskDefinition(b -> b.family("tagged").tags(Tag.builder().key("team").value("core").build())
        .containerDefinitions(c -> c.name("web").image("ecs-emulator/sample-web:1").memory(64)));
    register("plain");

    DescribeTaskDefinitionResponse withTags = ecs.describeTaskDefinition(b -> b.taskDefinition("tagged")
        .include(TaskDefinitionField.TAGS));
    DescribeTaskDefinitionResponse without = ecs.describeTaskDefinition(b -> b.taskDefinition("tagged"));
    DescribeTaskDefinitionResponse none = ecs.describeTaskDefinition(b -> b.taskDefinition("plain")
        .include(TaskDefinitionField.TAGS));

    assertThat(withTags.tags()).containsExactly(Tag.builder().key("team").value("core").build());
    assertThat(without.hasTags()).isFalse();
    assertThat(none.hasTags()).isTrue();
    assertThat(none.tags()).isEmpty();
  }

  @Test
  void registrationRefusesWithAwsErrors() {
    assertThatThrownBy(() -> ecs.registerTaskDefinition(b -> b.family("web")
        .containerDefinitions(c -> c.name("web").image("busybox"))))
        .isInstanceOf(ClientException.class)
        .hasMessageStartingWith("Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.");
    assertThatThrownBy(() -> ecs.registerTaskDefinition(b -> b.family("web").requiresCompatibilitiesWithStrings("FARGATE")
        .cpu("256").memory("512").containerDefinitions(c -> c.name("web").image("busybox"))))
        .isInstanceOf(ClientException.class)
        .hasMessageStartingWith("Fargate only supports network mode \u2018awsvpc\u2019.");
    assertThatThrownBy(() -> ecs.registerTaskDefinition(b -> b.family("web").networkMode("awsvpc")
        .containerDefinitions(c -> c.name("web").image("busybox").memory(64)
            .portMappings(p -> p.containerPort(80).hostPort(8080)))))
        .isInstanceOf(ClientException.class)
        .hasMessageStartingWith("When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
    assertThatThrownBy(() -> ecs.registerTaskDefinition(b -> b.family("web")
        .containerDefinitions(c -> c.name("web").image("busybox").memory(64)
            .secrets(s -> s.name("DB_PASSWORD").valueFrom("/web/db-password")))))
        .isInstanceOf(ClientException.class)
        .hasMessageStartingWith("When you are specifying container secrets, you must also specify a value for"
            + " 'executionRoleArn'.");
    assertThatThrownBy(() -> ecs.registerTaskDefinition(b -> b.family("web")
        .tags(Tag.builder().key("aws:owner").value("me").build())
        .containerDefinitions(c -> c.name("web").image("busybox").memory(64))))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> ecs.describeTaskDefinition(b -> b.taskDefinition("web")))
        .as("a refused registration stores nothing")
        .isInstanceOf(ClientException.class);
  }

  @Test
  void revisionsCountPerFamilyAndScope() {
    register("web");
    register("web");
    register("api");
    EcsClient otherRegion = emulator.client(Region.EU_WEST_1, "test");

    assertThat(register("web").revision()).isEqualTo(3);
    assertThat(otherRegion.registerTaskDefinition(b -> b.family("web")
        .containerDefinitions(c -> c.name("web").image("busybox").memory(64))).taskDefinition().taskDefinitionArn())
        .isEqualTo("arn:aws:ecs:eu-west-1:000000000000:task-definition/web:1");
    assertThat(otherRegion.listTaskDefinitions().taskDefinitionArns())
        .containsExactly("arn:aws:ecs:eu-west-1:000000000000:task-definition/web:1");
  }

  @Test
  void listingSortsFiltersAndPages() {
    for (int i = 0; i < 11; i++) {
      register("web");
    }
    register("api");
    register("web-api");
    ecs.deregisterTaskDefinition(b -> b.taskDefinition("web:4"));

    List<String> ascending = ecs.listTaskDefinitionsPaginator(b -> b.maxResults(3)).taskDefinitionArns().stream().toList();
    List<String> descending = ecs.listTaskDefinitionsPaginator(b -> b.maxResults(5).sort("DESC"))
        .taskDefinitionArns().stream().toList();

    assertThat(ascending).hasSize(12).startsWith(ARN_PREFIX + "api:1", ARN_PREFIX + "web:1", ARN_PREFIX + "web:2",
        ARN_PREFIX + "web:3", ARN_PREFIX + "web:5").endsWith(ARN_PREFIX + "web:10", ARN_PREFIX + "web:11",
        ARN_PREFIX + "web-api:1");
    List<String> reversed = new java.util.ArrayList<>(ascending);
    java.util.Collections.reverse(reversed);
    assertThat(descending).containsExactlyElementsOf(reversed);
    assertThat(ecs.listTaskDefinitions(b -> b.familyPrefix("web").sort("DESC").maxResults(2)).taskDefinitionArns())
        .containsExactly(ARN_PREFIX + "web:11", ARN_PREFIX + "web:10");
    assertThat(ecs.listTaskDefinitions(b -> b.status("INACTIVE")).taskDefinitionArns())
        .containsExactly(ARN_PREFIX + "web:4");
  }

  @Test
  void maxResultsOutsideOneToHundredIsRefused() {
    assertThatThrownBy(() -> ecs.listTaskDefinitions(b -> b.maxResults(101)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> ecs.listTaskDefinitionFamilies(b -> b.maxResults(0)))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void familiesByStatusAndPrefix() {
    register("live");
    register("retired");
    register("web");
    register("web-api");
    ecs.deregisterTaskDefinition(b -> b.taskDefinition("retired:1"));

    assertThat(ecs.listTaskDefinitionFamilies().families()).containsExactly("live", "retired", "web", "web-api");
    assertThat(ecs.listTaskDefinitionFamilies(b -> b.status("ALL")).families())
        .containsExactly("live", "retired", "web", "web-api");
    assertThat(ecs.listTaskDefinitionFamilies(b -> b.status("ACTIVE")).families())
        .containsExactly("live", "web", "web-api");
    assertThat(ecs.listTaskDefinitionFamilies(b -> b.status("INACTIVE")).families()).containsExactly("retired");
    assertThat(ecs.listTaskDefinitionFamilies(b -> b.familyPrefix("web")).families()).containsExactly("web", "web-api");
    assertThat(ecs.listTaskDefinitionFamiliesPaginator(b -> b.maxResults(1)).families().stream().toList())
        .containsExactly("live", "retired", "web", "web-api");
  }

  @Test
  void deregistrationMakesARevisionInactiveButDescribable() {
    register("web");

    TaskDefinition inactive = ecs.deregisterTaskDefinition(b -> b.taskDefinition(ARN_PREFIX + "web:1")).taskDefinition();

    assertThat(inactive.statusAsString()).isEqualTo("INACTIVE");
    assertThat(inactive.deregisteredAt()).isNotNull();
    assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("web:1")).taskDefinition()).isEqualTo(inactive);
    assertThat(ecs.listTaskDefinitions().taskDefinitionArns()).isEmpty();
  }

  @Test
  void deregistrationNeedsAnExistingRevision() {
    register("web");

    assertThatThrownBy(() -> ecs.deregisterTaskDefinition(b -> b.taskDefinition("web")))
        .isInstanceOf(ClientException.class).hasMessageStartingWith("Revision is missing.");
    assertThatThrownBy(() -> ecs.deregisterTaskDefinition(b -> b.taskDefinition("web:2")))
        .isInstanceOf(ClientException.class).hasMessageStartingWith("Unable to describe task definition.");
    assertThatThrownBy(() -> ecs.deregisterTaskDefinition(b -> b.taskDefinition("web:one")))
        .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("Invalid revision number. Number: one");
  }

  @Test
  void deletionTakesInactiveRevisionsAndReportsTheRest() {
    register("web");
    register("web");
    ecs.deregisterTaskDefinition(b -> b.taskDefinition("web:1"));

    DeleteTaskDefinitionsResponse response = ecs.deleteTaskDefinitions(b -> b.taskDefinitions(
        ARN_PREFIX + "web:1", "web:2", "web:9", "web"));

    assertThat(response.taskDefinitions()).singleElement().satisfies(td -> {
      assertThat(td.taskDefinitionArn()).isEqualTo(ARN_PREFIX + "web:1");
      assertThat(td.statusAsString()).isEqualTo("DELETE_IN_PROGRESS");
      assertThat(td.deleteRequestedAt()).isNotNull();
    });
    assertThat(response.failures()).containsExactly(
        failure("web:2", "The specified task definition is still in ACTIVE status. Please deregister the target and try again."),
        failure("web:9", "The specified task definition does not exist. Specify a valid account, family, revision and try again."),
        failure("web", "The specified task definition identifier is invalid. Specify a valid name or ARN and try again."));
    assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("web:1")).taskDefinition().statusAsString())
        .isEqualTo("DELETE_IN_PROGRESS");
    assertThat(ecs.listTaskDefinitions(b -> b.status("DELETE_IN_PROGRESS")).taskDefinitionArns())
        .containsExactly(ARN_PREFIX + "web:1");
    assertThat(register("web").revision()).isEqualTo(3);
  }

  @Test
  void deletionTakesOneToTenReferences() {
    List<String> eleven = java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> "web:" + i).toList();

    assertThatThrownBy(() -> ecs.deleteTaskDefinitions(b -> b.taskDefinitions(eleven)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> ecs.deleteTaskDefinitions(b -> b.taskDefinitions(List.of())))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void theWireFormatHasEpochSecondsAndNoTagsUnlessAsked() {
    register("web");

    HttpResponse<String> response = emulator.post("DescribeTaskDefinition", "{\"taskDefinition\":\"web\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsPattern("\"registeredAt\":\\d{10}\\.\\d{1,3}[,}]");
    assertThat(response.body()).doesNotContain("\"tags\"", "deregisteredAt", "null");
  }

  @Test
  void describingAnInvalidDefinitionNameAnswersAsAws() {
    HttpResponse<String> response = emulator.post("DescribeTaskDefinition", "{\"taskDefinition\":\"\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("ClientException", "Unable to describe task definition.");
  }

  private static Failure failure(String arn, String reason) {
    return Failure.builder().arn(arn).reason(reason).build();
  }
}

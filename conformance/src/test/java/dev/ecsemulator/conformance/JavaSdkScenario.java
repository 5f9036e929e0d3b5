package dev.ecsemulator.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * The conformance scenario through the AWS SDK for Java v2 (see conformance/README.md), run as its own JVM so that
 * the endpoint can come from the environment: {@code apache} or {@code urlconnection} names the HTTP client; the
 * endpoint is SCENARIO_ENDPOINT if set, else what the SDK reads from AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_ECS. Exits
 * non-zero at the first difference from ECS's documented behaviour.
 */
public final class JavaSdkScenario {

  private JavaSdkScenario() {
  }

  public static void main(String[] args) {
    String id = System.getenv("SCENARIO_ID");
    String cluster = "conf-" + id;
    String family = "web-" + id;
    SdkHttpClient http = args[0].equals("apache") ? ApacheHttpClient.create() : UrlConnectionHttpClient.create();
    EcsClientBuilder builder = EcsClient.builder().httpClient(http);
    String endpoint = System.getenv("SCENARIO_ENDPOINT");
    if (endpoint != null && !endpoint.isEmpty()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    try (EcsClient ecs = builder.build();
        EcsWaiter waiter = EcsWaiter.builder().client(ecs).overrideConfiguration(o -> o.maxAttempts(120)
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofSeconds(1)))).build()) {
      Cluster created = ecs.createCluster(b -> b.clusterName(cluster).tags(tag("team", "blue"))).cluster();
      check(created.clusterName().equals(cluster) && created.status().equals("ACTIVE"), "CreateCluster");

      check(ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(app("ecs-emulator/sample-web:1")))
          .taskDefinition().revision() == 1, "RegisterTaskDefinition: revision 1");
      TaskDefinition described = ecs.describeTaskDefinition(b -> b.taskDefinition(family)).taskDefinition();
      ContainerDefinition app = described.containerDefinitions().get(0);
      check(described.family().equals(family) && described.statusAsString().equals("ACTIVE")
          && described.revision() == 1 && app.image().equals("ecs-emulator/sample-web:1") && app.memory() == 64
          && app.portMappings().get(0).equals(PortMapping.builder().containerPort(8080).hostPort(0)
              .protocol(TransportProtocol.TCP).build())
          && app.healthCheck().interval() == 5 && app.healthCheck().retries() == 2,
          "DescribeTaskDefinition: the registration round-trips");

      ecs.createService(b -> b.cluster(cluster).serviceName("svc").taskDefinition(family).desiredCount(2)
          .deploymentConfiguration(d -> d.minimumHealthyPercent(100).maximumPercent(200)));
      waiter.waitUntilServicesStable(b -> b.cluster(cluster).services("svc")).matched().response().orElseThrow();
      Service service = ecs.describeServices(b -> b.cluster(cluster).services("svc")).services().get(0);
      check(service.runningCount() == 2 && service.deployments().size() == 1, "waitUntilServicesStable: 2 running");

      ecs.registerTaskDefinition(b -> b.family(family).containerDefinitions(app("ecs-emulator/sample-web:2")));
      ecs.updateService(b -> b.cluster(cluster).service("svc").taskDefinition(family + ":2"));
      waiter.waitUntilServicesStable(b -> b.cluster(cluster).services("svc")).matched().response().orElseThrow();
      service = ecs.describeServices(b -> b.cluster(cluster).services("svc")).services().get(0);
      check(service.taskDefinition().endsWith("/" + family + ":2") && service.runningCount() == 2
          && service.deployments().size() == 1, "rolling update to revision 2 is stable");

      List<String> definitions = ecs.listTaskDefinitionsPaginator(b -> b.familyPrefix(family).maxResults(1))
          .taskDefinitionArns().stream().map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).toList();
      check(definitions.equals(List.of(family + ":1", family + ":2")), "listTaskDefinitionsPaginator");
      List<String> tasks = ecs.listTasksPaginator(b -> b.cluster(cluster).serviceName("svc").maxResults(1))
          .taskArns().stream().toList();
      check(tasks.size() == 2, "listTasksPaginator: 2 tasks");
      check(ecs.describeTasks(b -> b.cluster(cluster).tasks(tasks)).tasks().stream().allMatch(t ->
          t.taskDefinitionArn().endsWith(":2") && t.containers().get(0).image().equals("ecs-emulator/sample-web:2")),
          "the service's tasks run revision 2");

      expectError(ClusterNotFoundException.class,
          () -> ecs.describeServices(b -> b.cluster("missing-" + id).services("svc")));
      expectError(ServiceNotFoundException.class,
          () -> ecs.updateService(b -> b.cluster(cluster).service("missing").desiredCount(1)));
      expectError(ClientException.class, () -> ecs.describeTaskDefinition(b -> b.taskDefinition("missing-" + id)));

      String arn = created.clusterArn();
      ecs.tagResource(b -> b.resourceArn(arn).tags(tag("env", "test")));
      check(tags(ecs, arn).equals(Map.of("team", "blue", "env", "test")), "TagResource, ListTagsForResource");
      ecs.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
      check(tags(ecs, arn).equals(Map.of("env", "test")), "UntagResource");

      Service deleted = ecs.deleteService(b -> b.cluster(cluster).service("svc").force(true)).service();
      check(deleted.status().equals("DRAINING") && deleted.desiredCount() == 0, "DeleteService force: DRAINING");
    }
    System.out.println("scenario passed");
  }

  private static ContainerDefinition app(String image) {
    return ContainerDefinition.builder().name("app").image(image).memory(64).essential(true)
        .portMappings(p -> p.containerPort(8080).protocol(TransportProtocol.TCP))
        .healthCheck(h -> h.command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
            .interval(5).timeout(2).retries(2))
        .build();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static Map<String, String> tags(EcsClient ecs, String arn) {
    return ecs.listTagsForResource(b -> b.resourceArn(arn)).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("FAILED: " + what);
      System.exit(1);
    }
    System.out.println("ok " + what);
  }

  private static void expectError(Class<? extends EcsException> type, Supplier<?> call) {
    try {
      call.get();
    } catch (EcsException e) {
      check(type.isInstance(e) && type.getSimpleName().equals(e.awsErrorDetails().errorCode()),
          "raises " + type.getSimpleName() + " (got " + e.awsErrorDetails().errorCode() + ")");
      return;
    }
    check(false, "raises " + type.getSimpleName());
  }
}

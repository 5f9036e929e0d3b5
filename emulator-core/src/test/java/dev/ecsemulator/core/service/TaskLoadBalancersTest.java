package dev.ecsemulator.core.service;

import static dev.ecsemulator.core.EcsKinds.CLUSTER;
import static dev.ecsemulator.core.EcsKinds.SERVICE;
import static dev.ecsemulator.core.EcsKinds.TASK;
import static dev.ecsemulator.core.service.ServiceKinds.SERVICE_REVISION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.instance.HostResources;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.LoadBalancer;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceRevision;
import dev.ecsemulator.core.model.StopTaskRequest;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.task.ContainerObservation;
import dev.ecsemulator.core.task.LaunchSpec;
import dev.ecsemulator.core.task.TaskCommands;
import dev.ecsemulator.core.task.TaskFactory;
import dev.ecsemulator.core.task.TaskLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which target groups a service's task is registered with: its deployment's revision's, so that old and new tasks of
 * a service whose load balancers changed each leave and join their own; and StopTask of such a task drains it
 * (DEACTIVATING) where a task of no load balancer goes straight to STOPPING.
 */
class TaskLoadBalancersTest {

  static final Scope SCOPE = new Scope("000000000000", "us-east-1");
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final String TG_OLD = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/old/1111111111111111";
  static final String TG_NEW = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/new/2222222222222222";
  static final TaskDefinition WEB = TaskDefinition.builder().family("web").revision(1)
      .taskDefinitionArn("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1").networkMode("bridge")
      .containerDefinitions(List.of(ContainerDefinition.builder().name("app").image("ecs-emulator/sample-web:1")
          .memory(32).build()))
      .build();

  final InMemoryStateStore store = new InMemoryStateStore();
  final Service web = Service.builder().serviceName("web").status("ACTIVE")
      .serviceArn("arn:aws:ecs:us-east-1:000000000000:service/default/web")
      .clusterArn("arn:aws:ecs:us-east-1:000000000000:cluster/default")
      .loadBalancers(List.of(balancer(TG_NEW))).build();

  TaskLoadBalancersTest() {
    store.write(SCOPE, txn -> {
      txn.put(CLUSTER, "default", Cluster.builder().clusterName("default").status("ACTIVE")
          .clusterArn("arn:aws:ecs:us-east-1:000000000000:cluster/default").build());
      txn.put(SERVICE, EcsKinds.serviceKey("default", "web"), web);
      revision(txn, "ecs-svc/1", TG_OLD);
      revision(txn, "ecs-svc/2", TG_NEW);
      return null;
    });
  }

  static LoadBalancer balancer(String group) {
    return LoadBalancer.builder().targetGroupArn(group).containerName("app").containerPort(8080).build();
  }

  void revision(dev.ecsemulator.core.state.StateTxn txn, String deploymentId, String group) {
    String arn = ServiceHistory.revisionArn(web, deploymentId);
    txn.put(SERVICE_REVISION, arn, ServiceRevision.builder().serviceRevisionArn(arn).serviceArn(web.serviceArn())
        .loadBalancers(List.of(balancer(group))).build());
  }

  /** A RUNNING task of the group, started by {@code startedBy}, stored; returns its ID. */
  String running(String group, String startedBy) {
    Task task = TaskFactory.create(new LaunchSpec(SCOPE, "default", WEB, "EC2", null, null, null, group, startedBy,
        false, null, null), Ids.seeded(startedBy == null ? 7 : startedBy.hashCode()), T0);
    Task running = TaskLifecycle.observe(task, WEB, List.of(new ContainerObservation("app", "id-app",
        ContainerObservation.State.RUNNING, null, false, "UNKNOWN", T0, null, List.of(), null)), T0);
    String id = running.taskArn().substring(running.taskArn().lastIndexOf('/') + 1);
    store.write(SCOPE, txn -> {
      txn.put(TASK, EcsKinds.taskKey("default", id), running);
      return null;
    });
    return id;
  }

  List<String> groupsOf(String taskId) {
    return store.read(SCOPE, view -> TaskLoadBalancers.of(view, "default",
        view.get(TASK, EcsKinds.taskKey("default", taskId)).orElseThrow())).stream()
        .map(LoadBalancer::targetGroupArn).toList();
  }

  @Test
  void aTaskIsRegisteredWithItsOwnDeploymentsTargetGroups() {
    String old = running("service:web", "ecs-svc/1");
    String current = running("service:web", "ecs-svc/2");
    String unrecorded = running("service:web", "ecs-svc/3");
    String standalone = running("family:web", null);

    assertThat(groupsOf(old)).containsExactly(TG_OLD);
    assertThat(groupsOf(current)).containsExactly(TG_NEW);
    assertThat(groupsOf(unrecorded)).as("no revision: the service's").containsExactly(TG_NEW);
    assertThat(groupsOf(standalone)).isEmpty();
  }

  @Test
  void stopTaskDeactivatesATaskBehindALoadBalancerAndStopsAnyOther() {
    TaskCommands commands = new TaskCommands(store, Ids.seeded(1), Clock.fixed(T0, ZoneOffset.UTC),
        () -> new HostResources(true, 4096, 8192, "20.10.24", "x86_64"), "emu1");
    String behind = running("service:web", "ecs-svc/1");
    String standalone = running("family:web", null);
    assertThat(store.read(SCOPE, view -> view.get(TASK, EcsKinds.taskKey("default", behind))).orElseThrow()
        .lastStatus()).isEqualTo("RUNNING");

    Task deactivating = commands.stop(SCOPE, new StopTaskRequest("default", null, behind)).task();
    Task stopping = commands.stop(SCOPE, new StopTaskRequest("default", null, standalone)).task();

    assertThat(deactivating.lastStatus()).isEqualTo("DEACTIVATING");
    assertThat(deactivating.desiredStatus()).isEqualTo("STOPPED");
    assertThat(deactivating.stopCode()).isEqualTo("UserInitiated");
    assertThat(stopping.lastStatus()).isEqualTo("STOPPING");
  }
}

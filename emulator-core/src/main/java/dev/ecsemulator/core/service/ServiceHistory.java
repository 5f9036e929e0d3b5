package dev.ecsemulator.core.service;

import static dev.ecsemulator.core.service.ServiceKinds.SERVICE_DEPLOYMENT;
import static dev.ecsemulator.core.service.ServiceKinds.SERVICE_REVISION;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.ContainerImage;
import dev.ecsemulator.core.model.Deployment;
import dev.ecsemulator.core.model.DeploymentCircuitBreaker;
import dev.ecsemulator.core.model.Rollback;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceDeployment;
import dev.ecsemulator.core.model.ServiceDeploymentCircuitBreaker;
import dev.ecsemulator.core.model.ServiceRevision;
import dev.ecsemulator.core.model.ServiceRevisionSummary;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.taskdef.TaskDefinitions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service deployment history behind ListServiceDeployments, DescribeServiceDeployments and
 * DescribeServiceRevisions: a {@link ServiceRevision} per {@code ecs-svc/} deployment (what it runs) and a
 * {@link ServiceDeployment} per deployment that CreateService or UpdateService started (Model docs of
 * ServiceDeployment). A circuit-breaker rollback is not a service deployment of its own: the failed one
 * records it in {@code rollback} (the revision of the last COMPLETED deployment, which the rollback makes
 * PRIMARY again) and moves through the ROLLBACK_* statuses.
 *
 * <p>Statuses: PENDING when started; IN_PROGRESS once the scheduler first works on it; SUCCESSFUL when its
 * deployment completes; STOPPED when the circuit breaker fails it without rollback, or when a newer
 * service deployment replaces it unfinished; ROLLBACK_IN_PROGRESS, then ROLLBACK_SUCCESSFUL or
 * ROLLBACK_FAILED, when the circuit breaker rolls it back. <b>Unverified</b>: ECS's exact transitions and
 * reasons (the API reference lists the statuses only).
 *
 * <p>Stateless; every method runs inside the caller's store transaction.
 */
public final class ServiceHistory {

  /** statusReason of a service deployment replaced before it finished (unverified wording). */
  public static final String SUPERSEDED = "The service deployment was stopped because a new service deployment started.";

  private ServiceHistory() {}

  /** The scope a service belongs to, from its ARN. */
  public static Scope scopeOf(Service service) {
    Arn arn = Arn.parse(service.serviceArn()).orElseThrow();
    return new Scope(arn.accountId(), arn.region());
  }

  /** The cluster name of a service, from its ARN ({@code service/CLUSTER/NAME}). */
  public static String clusterOf(Service service) {
    String path = Arn.parse(service.serviceArn()).orElseThrow().resourcePath();
    return path.substring(0, path.indexOf('/'));
  }

  /** {@code service-revision/CLUSTER/SERVICE/N} for deployment {@code ecs-svc/N}. */
  public static String revisionArn(Service service, String deploymentId) {
    return Arns.serviceRevision(scopeOf(service), clusterOf(service), service.serviceName(), number(deploymentId));
  }

  /**
   * {@code service-deployment/CLUSTER/SERVICE/ID}: the ID is derived from the deployment ID, so that the
   * record is found again without an index (AWS's IDs look random: 22 URL-safe characters).
   */
  public static String deploymentArn(Service service, String deploymentId) {
    return Arns.serviceDeployment(scopeOf(service), clusterOf(service), service.serviceName(), shortId(deploymentId));
  }

  /**
   * Records a deployment CreateService or UpdateService just started: its revision, and a PENDING service
   * deployment from the service's other deployments to it. Unfinished service deployments of the service
   * are STOPPED. Returns the new service deployment's ARN (the service's {@code currentServiceDeployment}).
   */
  public static String started(StateTxn txn, Service service, Deployment started, Instant now) {
    Scope scope = scopeOf(service);
    List<ServiceRevisionSummary> sources = new ArrayList<>();
    for (Deployment d : service.deployments()) {
      if (!d.id().equals(started.id())) {
        sources.add(summary(service, d));
      }
    }
    for (ServiceDeployment open : unfinished(txn, service.serviceArn())) {
      txn.put(SERVICE_DEPLOYMENT, open.serviceDeploymentArn(), open.toBuilder()
          .status(ServiceDeploymentStatus.STOPPED.name()).statusReason(SUPERSEDED)
          .stoppedAt(now).updatedAt(now).build());
    }
    recordRevision(txn, scope, service, started, now);
    DeploymentCircuitBreaker breaker = service.deploymentConfiguration().deploymentCircuitBreaker();
    String arn = deploymentArn(service, started.id());
    txn.put(SERVICE_DEPLOYMENT, arn, ServiceDeployment.builder()
        .serviceDeploymentArn(arn)
        .serviceArn(service.serviceArn())
        .clusterArn(service.clusterArn())
        .createdAt(now)
        .updatedAt(now)
        .status(ServiceDeploymentStatus.PENDING.name())
        .sourceServiceRevisions(sources)
        .targetServiceRevision(summary(service, started))
        .deploymentConfiguration(service.deploymentConfiguration())
        .deploymentCircuitBreaker(ServiceDeploymentCircuitBreaker.builder()
            .status((Boolean.TRUE.equals(breaker.enable())
                ? RollbackMonitorsStatus.MONITORING : RollbackMonitorsStatus.DISABLED).name())
            .failureCount(0)
            .threshold(DeploymentLimits.circuitBreakerThreshold(zeroIfNull(service.desiredCount())))
            .build())
        .build());
    return arn;
  }

  /**
   * Brings the history up to date with the service as the scheduler just stored it: counts, the first
   * step (PENDING to IN_PROGRESS), completion, failure, rollback.
   */
  public static void sync(StateTxn txn, Service service, Instant now) {
    Scope scope = scopeOf(service);
    for (Deployment d : service.deployments()) {
      Optional<ServiceDeployment> own = txn.get(SERVICE_DEPLOYMENT, deploymentArn(service, d.id()));
      if (own.isPresent()) {
        put(txn, own.get(), progressed(own.get(), service, d, now));
      } else {
        recordRevision(txn, scope, service, d, now);
      }
      // A deployment a rollback returned to: its progress is recorded by the service deployment rolled back.
      String revision = revisionArn(service, d.id());
      for (ServiceDeployment rolledBack : unfinished(txn, service.serviceArn())) {
        if (rolledBack.rollback() != null && revision.equals(rolledBack.rollback().serviceRevisionArn())) {
          put(txn, rolledBack, rollbackProgressed(rolledBack, d, now));
        }
      }
    }
  }

  /**
   * Brings only the counts of the service's history up to date with the service's deployments, when they
   * were recounted and nothing else changed: no status moves (a PENDING service deployment stays PENDING
   * until the scheduler works on it).
   */
  public static void syncCounts(StateTxn txn, Service service, Instant now) {
    for (Deployment d : service.deployments()) {
      txn.get(SERVICE_DEPLOYMENT, deploymentArn(service, d.id()))
          .ifPresent(sd -> put(txn, sd, touched(sd, counted(sd, service, d).build(), now)));
    }
  }

  /**
   * Records the lifecycle stage a BLUE_GREEN, LINEAR or CANARY deployment reached (the scheduler's traffic shift);
   * nothing for a deployment without a service deployment of its own.
   */
  public static void staged(StateTxn txn, Service service, String deploymentId, LifecycleStage stage, Instant now) {
    txn.get(SERVICE_DEPLOYMENT, deploymentArn(service, deploymentId))
        .filter(sd -> !stage.is(sd.lifecycleStage()))
        .ifPresent(sd -> txn.put(SERVICE_DEPLOYMENT, sd.serviceDeploymentArn(),
            sd.toBuilder().lifecycleStage(stage.name()).updatedAt(now).build()));
  }

  /** Forgets the history of a service ARN (a new service takes the name of an INACTIVE one). */
  public static void forget(StateTxn txn, String serviceArn) {
    txn.list(SERVICE_DEPLOYMENT, sd -> serviceArn.equals(sd.serviceArn()))
        .forEach(sd -> txn.remove(SERVICE_DEPLOYMENT, sd.serviceDeploymentArn()));
    txn.list(SERVICE_REVISION, sr -> serviceArn.equals(sr.serviceArn()))
        .forEach(sr -> txn.remove(SERVICE_REVISION, sr.serviceRevisionArn()));
  }

  /** The service's service deployments, newest first. */
  public static List<ServiceDeployment> of(StateView view, String serviceArn) {
    return view.list(SERVICE_DEPLOYMENT, sd -> serviceArn.equals(sd.serviceArn())).stream()
        .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
        .toList();
  }

  private static ServiceDeployment progressed(ServiceDeployment sd, Service service, Deployment d, Instant now) {
    ServiceDeployment.Builder next = counted(sd, service, d)
        .deploymentCircuitBreaker(sd.deploymentCircuitBreaker().toBuilder()
            .failureCount(d.failedTasks() == null ? 0 : d.failedTasks()).build());
    if (ServiceDeploymentStatus.PENDING.is(sd.status())) {
      next.status(ServiceDeploymentStatus.IN_PROGRESS.name()).startedAt(now);
    }
    boolean open = ServiceDeploymentStatus.isUnfinished(sd.status()) && sd.rollback() == null;
    if (open && RolloutState.COMPLETED.is(d.rolloutState())) {
      next.status(ServiceDeploymentStatus.SUCCESSFUL.name()).finishedAt(now).statusReason(d.rolloutStateReason());
      next.deploymentCircuitBreaker(withStatus(sd, RollbackMonitorsStatus.MONITORING_COMPLETE, d));
    } else if (open && RolloutState.FAILED.is(d.rolloutState())) {
      Deployment rollback = rollbackOf(service, d);
      next.statusReason(d.rolloutStateReason())
          .deploymentCircuitBreaker(withStatus(sd, RollbackMonitorsStatus.TRIGGERED, d));
      if (rollback == null) {
        next.status(ServiceDeploymentStatus.STOPPED.name()).stoppedAt(now);
      } else {
        next.status(ServiceDeploymentStatus.ROLLBACK_IN_PROGRESS.name()).rollback(Rollback.builder()
            .reason(rollback.rolloutStateReason())
            .startedAt(now)
            .serviceRevisionArn(revisionArn(service, rollback.id()))
            .build());
      }
    }
    return touched(sd, next.build(), now);
  }

  /** The service deployment with the counts of its target and source revisions as the service shows them. */
  private static ServiceDeployment.Builder counted(ServiceDeployment sd, Service service, Deployment d) {
    return sd.toBuilder()
        .targetServiceRevision(summary(service, d))
        .sourceServiceRevisions(sources(sd, service));
  }

  /** {@code after}, updated at {@code now}, or {@code before} itself when nothing changed. */
  private static ServiceDeployment touched(ServiceDeployment before, ServiceDeployment after, Instant now) {
    return after.equals(before) ? before : after.toBuilder().updatedAt(now).build();
  }

  private static ServiceDeployment rollbackProgressed(ServiceDeployment sd, Deployment rollback, Instant now) {
    if (RolloutState.COMPLETED.is(rollback.rolloutState())) {
      return sd.toBuilder().status(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL.name())
          .finishedAt(now).updatedAt(now).build();
    }
    if (RolloutState.FAILED.is(rollback.rolloutState())) {
      return sd.toBuilder().status(ServiceDeploymentStatus.ROLLBACK_FAILED.name())
          .finishedAt(now).updatedAt(now).build();
    }
    return sd;
  }

  /** The rollback deployment the circuit breaker started for {@code failed}, if any: the PRIMARY rolling back. */
  private static Deployment rollbackOf(Service service, Deployment failed) {
    Deployment primary = service.deployments().get(0);
    boolean rollingBack = !primary.id().equals(failed.id()) && Deployments.rollsBack(primary);
    return rollingBack ? primary : null;
  }

  private static ServiceDeploymentCircuitBreaker withStatus(
      ServiceDeployment sd, RollbackMonitorsStatus status, Deployment d) {
    ServiceDeploymentCircuitBreaker current = sd.deploymentCircuitBreaker();
    return current.toBuilder()
        .status(RollbackMonitorsStatus.DISABLED.is(current.status()) ? current.status() : status.name())
        .failureCount(d.failedTasks() == null ? 0 : d.failedTasks())
        .build();
  }

  private static List<ServiceRevisionSummary> sources(ServiceDeployment sd, Service service) {
    if (sd.sourceServiceRevisions() == null) {
      return List.of();
    }
    List<ServiceRevisionSummary> out = new ArrayList<>();
    for (ServiceRevisionSummary source : sd.sourceServiceRevisions()) {
      Deployment live = service.deployments().stream()
          .filter(d -> revisionArn(service, d.id()).equals(source.arn()))
          .findFirst().orElse(null);
      out.add(live == null
          ? source.toBuilder().requestedTaskCount(0).runningTaskCount(0).pendingTaskCount(0).build()
          : summary(service, live));
    }
    return out;
  }

  private static ServiceRevisionSummary summary(Service service, Deployment d) {
    return ServiceRevisionSummary.builder()
        .arn(revisionArn(service, d.id()))
        .requestedTaskCount(zeroIfNull(d.desiredCount()))
        .runningTaskCount(zeroIfNull(d.runningCount()))
        .pendingTaskCount(zeroIfNull(d.pendingCount()))
        .build();
  }

  private static void recordRevision(StateTxn txn, Scope scope, Service service, Deployment d, Instant now) {
    String arn = revisionArn(service, d.id());
    if (txn.get(SERVICE_REVISION, arn).isPresent()) {
      return;
    }
    TaskDefinition td = TaskDefinitions.find(txn, scope, d.taskDefinition()).orElse(null);
    List<ContainerImage> images = td == null ? List.of() : td.containerDefinitions().stream()
        .map(c -> ContainerImage.builder().containerName(c.name()).image(c.image()).build())
        .toList();
    txn.put(SERVICE_REVISION, arn, ServiceRevision.builder()
        .serviceRevisionArn(arn)
        .serviceArn(service.serviceArn())
        .clusterArn(service.clusterArn())
        .taskDefinition(d.taskDefinition())
        .capacityProviderStrategy(d.capacityProviderStrategy())
        .launchType(d.launchType())
        .platformVersion(d.platformVersion())
        .platformFamily(d.platformFamily())
        .loadBalancers(DeploymentTargetGroups.forNewDeployment(txn, service, d))
        .serviceRegistries(service.serviceRegistries())
        .networkConfiguration(d.networkConfiguration())
        .containerImages(images)
        .guardDutyEnabled(false)
        .createdAt(now)
        .build());
  }

  private static List<ServiceDeployment> unfinished(StateView view, String serviceArn) {
    return view.list(SERVICE_DEPLOYMENT,
        sd -> serviceArn.equals(sd.serviceArn()) && ServiceDeploymentStatus.isUnfinished(sd.status()));
  }

  private static void put(StateTxn txn, ServiceDeployment before, ServiceDeployment after) {
    if (!Objects.equals(before, after)) {
      txn.put(SERVICE_DEPLOYMENT, after.serviceDeploymentArn(), after);
    }
  }

  private static int zeroIfNull(Integer n) {
    return n == null ? 0 : n;
  }

  private static String number(String deploymentId) {
    return deploymentId.substring(deploymentId.indexOf('/') + 1);
  }

  private static String shortId(String deploymentId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(deploymentId.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}

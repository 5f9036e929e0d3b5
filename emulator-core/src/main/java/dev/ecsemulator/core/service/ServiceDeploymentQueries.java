package dev.ecsemulator.core.service;

import static dev.ecsemulator.core.service.ServiceKinds.SERVICE_DEPLOYMENT;
import static dev.ecsemulator.core.service.ServiceKinds.SERVICE_REVISION;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.CreatedAt;
import dev.ecsemulator.core.model.DescribeServiceDeploymentsResponse;
import dev.ecsemulator.core.model.DescribeServiceRevisionsResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.ListServiceDeploymentsRequest;
import dev.ecsemulator.core.model.ListServiceDeploymentsResponse;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceDeployment;
import dev.ecsemulator.core.model.ServiceDeploymentBrief;
import dev.ecsemulator.core.model.ServiceRevision;
import dev.ecsemulator.core.state.Kind;
import dev.ecsemulator.core.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ListServiceDeployments, DescribeServiceDeployments and DescribeServiceRevisions over the history the
 * scheduler records ({@link ServiceHistory}). Thread-safe: every call is one store read.
 */
public final class ServiceDeploymentQueries {

  /** ListServiceDeployments: maxResults 1-100, 20 when omitted (Model docs). */
  public static final int LIST_DEFAULT = 20;
  public static final int LIST_LIMIT = 100;
  /** "You can specify a maximum of 20 ARNs" (Model docs of both Describe operations). */
  public static final int MAX_DESCRIBE = 20;

  private final StateStore store;

  public ServiceDeploymentQueries(StateStore store) {
    this.store = store;
  }

  /**
   * The service's deployments, newest first, filtered by status and creation time, paginated.
   *
   * @throws dev.ecsemulator.core.error.ServiceNotFoundException for an unknown service
   */
  public ListServiceDeploymentsResponse list(Scope scope, ListServiceDeploymentsRequest request) {
    List<ServiceDeployment> deployments = store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, request.cluster());
      Service service = ServiceLookup.require(view, scope, cluster.clusterName(), request.service());
      return ServiceHistory.of(view, service.serviceArn()).stream()
          .filter(sd -> request.status() == null || request.status().isEmpty() || request.status().contains(sd.status()))
          .filter(sd -> within(sd, request.createdAt()))
          .toList();
    });
    // Newest first, with a page key that sorts the same way.
    Paging.Page<ServiceDeployment> page = Paging.page(deployments, ServiceDeploymentQueries::newestFirstKey,
        request.maxResults(), request.nextToken(), LIST_DEFAULT, LIST_LIMIT);
    List<ServiceDeploymentBrief> briefs = page.items().stream().map(ServiceDeploymentQueries::brief).toList();
    return ListServiceDeploymentsResponse.builder().serviceDeployments(briefs).nextToken(page.nextToken()).build();
  }

  /** DescribeServiceDeployments: unknown ARNs are failures with reason MISSING. */
  public DescribeServiceDeploymentsResponse describeDeployments(Scope scope, List<String> arns) {
    Found<ServiceDeployment> found = describe(scope, arns, SERVICE_DEPLOYMENT);
    return DescribeServiceDeploymentsResponse.builder()
        .serviceDeployments(found.items()).failures(found.failures()).build();
  }

  /** DescribeServiceRevisions: unknown ARNs are failures with reason MISSING. */
  public DescribeServiceRevisionsResponse describeRevisions(Scope scope, List<String> arns) {
    Found<ServiceRevision> found = describe(scope, arns, SERVICE_REVISION);
    return DescribeServiceRevisionsResponse.builder()
        .serviceRevisions(found.items()).failures(found.failures()).build();
  }

  private record Found<T>(List<T> items, List<Failure> failures) {}

  private <T> Found<T> describe(Scope scope, List<String> arns, Kind<T> kind) {
    if (arns == null || arns.isEmpty()) {
      throw new InvalidParameterException(ServiceMessages.ARNS_EMPTY);
    }
    if (arns.size() > MAX_DESCRIBE) {
      throw new InvalidParameterException(ServiceMessages.TOO_MANY_ARNS);
    }
    return store.read(scope, view -> {
      List<T> items = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String arn : arns) {
        Optional<T> item = view.get(kind, arn);
        if (item.isPresent()) {
          items.add(item.get());
        } else {
          failures.add(Failure.builder().arn(arn).reason("MISSING").build());
        }
      }
      return new Found<>(items, failures);
    });
  }

  private static boolean within(ServiceDeployment sd, CreatedAt range) {
    if (range == null) {
      return true;
    }
    return (range.after() == null || !sd.createdAt().isBefore(range.after()))
        && (range.before() == null || !sd.createdAt().isAfter(range.before()));
  }

  private static String newestFirstKey(ServiceDeployment sd) {
    long nanos = sd.createdAt().getEpochSecond() * 1_000_000_000L + sd.createdAt().getNano();
    return String.format("%020d", Long.MAX_VALUE - nanos) + sd.serviceDeploymentArn();
  }

  private static ServiceDeploymentBrief brief(ServiceDeployment sd) {
    return ServiceDeploymentBrief.builder()
        .serviceDeploymentArn(sd.serviceDeploymentArn())
        .serviceArn(sd.serviceArn())
        .clusterArn(sd.clusterArn())
        .createdAt(sd.createdAt())
        .startedAt(sd.startedAt())
        .finishedAt(sd.finishedAt())
        .status(sd.status())
        .statusReason(sd.statusReason())
        .targetServiceRevisionArn(sd.targetServiceRevision() == null ? null : sd.targetServiceRevision().arn())
        .build();
  }
}

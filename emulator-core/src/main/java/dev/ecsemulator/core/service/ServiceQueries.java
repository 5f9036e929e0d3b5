package dev.ecsemulator.core.service;

import static dev.ecsemulator.core.EcsKinds.SERVICE;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.capacity.CapacityProviderCatalog;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.model.DescribeServicesRequest;
import dev.ecsemulator.core.model.DescribeServicesResponse;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.ListServicesRequest;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DescribeServices and ListServices. Thread-safe: every call is one store read. */
public final class ServiceQueries {

  /** DescribeServices: "You may specify up to 10 services" (Model docs). */
  public static final int MAX_DESCRIBE = 10;
  /** ListServices: maxResults 1-100, 10 when omitted (Model docs). */
  public static final int LIST_DEFAULT = 10;
  public static final int LIST_LIMIT = 100;

  private final StateStore store;

  public ServiceQueries(StateStore store) {
    this.store = store;
  }

  /**
   * DescribeServices: services in any status (DRAINING and INACTIVE ones stay describable); unknown ones
   * are failures with reason MISSING and the ARN AWS reports ({@link ServiceLookup#failureArn});
   * {@code include: ["TAGS"]} adds tags.
   */
  public DescribeServicesResponse describe(Scope scope, DescribeServicesRequest request) {
    List<String> refs = request.services() == null ? List.of() : request.services();
    if (refs.isEmpty()) {
      throw new InvalidParameterException(ServiceMessages.SERVICES_EMPTY);
    }
    if (refs.size() > MAX_DESCRIBE) {
      throw new InvalidParameterException(ServiceMessages.TOO_MANY_SERVICES);
    }
    boolean withTags = request.include() != null && request.include().contains("TAGS");
    return store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, request.cluster());
      List<Service> services = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String ref : refs) {
        Optional<Service> found = ServiceLookup.find(view, scope, cluster.clusterName(), ref);
        if (found.isPresent()) {
          services.add(ServiceShapes.show(view, found.get(), withTags));
        } else {
          failures.add(Failure.builder()
              .arn(ServiceLookup.failureArn(scope, ref)).reason("MISSING").build());
        }
      }
      return DescribeServicesResponse.builder().services(services).failures(failures).build();
    });
  }

  /**
   * ListServices: the ARNs of the cluster's ACTIVE services (DRAINING ones are "no longer visible in ...
   * ListServices", Model docs of DeleteService), by name, filtered by launch type (a capacity provider
   * strategy counts as the launch type its providers run), scheduling strategy and resource management
   * type (CUSTOMER for every service the API creates), paginated.
   */
  public Paging.Page<String> list(Scope scope, ListServicesRequest request) {
    List<Service> matching = store.read(scope, view -> {
      Cluster cluster = Clusters.require(view, scope, request.cluster());
      return view.list(SERVICE, s -> cluster.clusterArn().equals(s.clusterArn())
          && ServiceStatus.ACTIVE.is(s.status())
          && (request.launchType() == null || request.launchType().equals(launchTypeOf(s)))
          && (request.schedulingStrategy() == null || request.schedulingStrategy().equals(s.schedulingStrategy()))
          && (request.resourceManagementType() == null || request.resourceManagementType().equals(
              s.resourceManagementType() == null ? "CUSTOMER" : s.resourceManagementType())));
    });
    Paging.Page<Service> page = Paging.page(matching, Service::serviceName, request.maxResults(), request.nextToken(),
        LIST_DEFAULT, LIST_LIMIT);
    return new Paging.Page<>(page.items().stream().map(Service::serviceArn).toList(), page.nextToken());
  }

  private static String launchTypeOf(Service service) {
    if (service.launchType() != null) {
      return service.launchType();
    }
    boolean fargate = service.capacityProviderStrategy() != null && service.capacityProviderStrategy().stream()
        .anyMatch(i -> CapacityProviderCatalog.isFargate(i.capacityProvider()));
    return fargate ? "FARGATE" : "EC2";
  }
}

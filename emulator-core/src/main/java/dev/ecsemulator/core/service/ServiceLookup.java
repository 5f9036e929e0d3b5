package dev.ecsemulator.core.service;

import static dev.ecsemulator.core.EcsKinds.SERVICE;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.error.ServiceNotFoundException;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.state.StateView;
import java.util.Optional;

/**
 * The one resolver of service references: a service name, or a service ARN in the long format
 * ({@code service/CLUSTER/NAME}) or the old one ({@code service/NAME}). Pure; use inside a store read or
 * write.
 */
public final class ServiceLookup {

  private ServiceLookup() {}

  /** The service name a reference means: the last path element of an ARN, else the reference itself. */
  public static String nameOf(String serviceRef) {
    return Arn.parse(serviceRef)
        .filter(a -> a.resourceType().equals("service"))
        .map(Arn::lastPathElement)
        .orElse(serviceRef);
  }

  /** The service of {@code clusterName} the reference names, in any status. */
  public static Optional<Service> find(StateView view, Scope scope, String clusterName, String serviceRef) {
    if (serviceRef == null || serviceRef.isEmpty() || !inScope(scope, clusterName, serviceRef)) {
      return Optional.empty();
    }
    return view.get(SERVICE, EcsKinds.serviceKey(clusterName, nameOf(serviceRef)));
  }

  /**
   * The service the reference names, in any status.
   *
   * @throws ServiceNotFoundException "Service not found." when there is none
   */
  public static Service require(StateView view, Scope scope, String clusterName, String serviceRef) {
    return find(view, scope, clusterName, serviceRef).orElseThrow(ServiceNotFoundException::new);
  }

  /**
   * The ARN a DescribeServices failure reports: an ARN as given; for a short name, {@code service/NAME} without
   * the cluster segment (the old ARN format), which is what ECS answers:
   * "arn:aws:ecs:us-east-2:***:service/pawebapp-service is MISSING" (aws-actions/amazon-ecs-deploy-task-definition
   * #312 and #369, the action printing {@code failure.arn} of a DescribeServices by name).
   */
  public static String failureArn(Scope scope, String serviceRef) {
    return Arn.looksLikeArn(serviceRef) ? serviceRef : Arns.serviceWithoutCluster(scope, serviceRef);
  }

  /** An ARN of another account, region or cluster names no service of this cluster. */
  private static boolean inScope(Scope scope, String clusterName, String serviceRef) {
    if (!Arn.looksLikeArn(serviceRef)) {
      return true;
    }
    Optional<Arn> arn = Arn.parse(serviceRef);
    if (arn.isEmpty() || !arn.get().service().equals("ecs") || !arn.get().resourceType().equals("service")) {
      return false;
    }
    String path = arn.get().resourcePath();
    boolean sameCluster = !path.contains("/") || path.substring(0, path.indexOf('/')).equals(clusterName);
    return sameCluster && arn.get().region().equals(scope.region()) && arn.get().accountId().equals(scope.accountId());
  }
}

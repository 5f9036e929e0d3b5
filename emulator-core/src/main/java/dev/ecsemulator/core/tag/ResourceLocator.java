package dev.ecsemulator.core.tag;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.capacity.CapacityProviderCatalog;
import dev.ecsemulator.core.cluster.ClusterStatus;
import dev.ecsemulator.core.error.ClusterNotFoundException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.ResourceNotFoundException;
import dev.ecsemulator.core.model.Cluster;
import dev.ecsemulator.core.state.StateView;
import java.util.Optional;

/**
 * The one place that says whether an ARN names an existing, taggable ECS resource of this scope
 * (TagResource docs: "capacity providers, tasks, services, task definitions, clusters, and container
 * instances"), from the {@link EcsKinds} tables and their key helpers:
 *
 * <ul>
 *   <li>{@code cluster/NAME}: an ACTIVE cluster, else ClusterNotFoundException "Cluster not found.";
 *   <li>{@code task-definition/FAMILY:REV}: any stored revision (ACTIVE or INACTIVE);
 *   <li>{@code task/CLUSTER/ID}, {@code service/CLUSTER/NAME}, {@code container-instance/CLUSTER/ID}:
 *       the cluster must exist (else ClusterNotFoundException), then the resource;
 *   <li>{@code capacity-provider/NAME}: FARGATE, FARGATE_SPOT or a stored provider.
 * </ul>
 *
 * A string that is not an ECS ARN is InvalidParameterException "The ARN provided is invalid." (as moto
 * reproduces it, and as the title of boto/boto3#2774 quotes it for an ECR ARN). The short, pre-2018
 * formats ({@code service/NAME}, {@code task/ID}, {@code container-instance/ID}) are
 * InvalidParameterException "Long arn format must be used for tagging operations" (boto/boto3#2473).
 * A well-formed ARN naming nothing is ResourceNotFoundException with the modelled wording "The specified
 * resource wasn't found." (unverified: see docs/differences-from-aws.md). Pure: reads only through the given view.
 */
public final class ResourceLocator {

  public static final String INVALID_ARN = "The ARN provided is invalid.";
  public static final String SHORT_ARN = "Long arn format must be used for tagging operations";
  public static final String NOT_FOUND = "The specified resource wasn't found.";

  /** The kinds of taggable resource. */
  public enum ResourceType { CLUSTER, TASK_DEFINITION, TASK, SERVICE, CONTAINER_INSTANCE, CAPACITY_PROVIDER }

  /** A resource that exists: its type and ARN. */
  public record Located(ResourceType type, String arn) {}

  private ResourceLocator() {}

  /** The existing resource {@code resourceArn} names; throws the errors above otherwise. */
  public static Located require(StateView view, Scope scope, String resourceArn) {
    Arn arn = Arn.parse(resourceArn).filter(a -> a.service().equals("ecs"))
        .orElseThrow(() -> new InvalidParameterException(INVALID_ARN));
    boolean inScope = arn.region().equals(scope.region()) && arn.accountId().equals(scope.accountId());
    String path = arn.resourcePath();
    String[] parts = path.split("/", -1);
    return switch (arn.resourceType()) {
      case "cluster" -> {
        requireSingle(parts);
        if (!inScope || activeCluster(view, parts[0]).isEmpty()) {
          throw new ClusterNotFoundException();
        }
        yield new Located(ResourceType.CLUSTER, resourceArn);
      }
      case "task-definition" -> {
        requireSingle(parts);
        yield found(inScope && taskDefinitionExists(view, parts[0]), ResourceType.TASK_DEFINITION, resourceArn);
      }
      case "capacity-provider" -> {
        requireSingle(parts);
        yield found(inScope && CapacityProviderCatalog.find(view, scope, parts[0]).isPresent(),
            ResourceType.CAPACITY_PROVIDER, resourceArn);
      }
      case "task" -> clusterScoped(view, inScope, parts, ResourceType.TASK, resourceArn);
      case "service" -> clusterScoped(view, inScope, parts, ResourceType.SERVICE, resourceArn);
      case "container-instance" -> clusterScoped(view, inScope, parts, ResourceType.CONTAINER_INSTANCE, resourceArn);
      default -> throw new InvalidParameterException(INVALID_ARN);
    };
  }

  private static Located clusterScoped(StateView view, boolean inScope, String[] parts, ResourceType type, String arn) {
    if (parts.length == 1 && !parts[0].isEmpty()) {
      throw new InvalidParameterException(SHORT_ARN);
    }
    if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new InvalidParameterException(INVALID_ARN);
    }
    if (!inScope || view.get(EcsKinds.CLUSTER, parts[0]).isEmpty()) {
      throw new ClusterNotFoundException();
    }
    boolean exists = switch (type) {
      case TASK -> view.get(EcsKinds.TASK, EcsKinds.taskKey(parts[0], parts[1])).isPresent();
      case SERVICE -> view.get(EcsKinds.SERVICE, EcsKinds.serviceKey(parts[0], parts[1])).isPresent();
      default -> view.get(EcsKinds.CONTAINER_INSTANCE, EcsKinds.containerInstanceKey(parts[0], parts[1])).isPresent();
    };
    return found(exists, type, arn);
  }

  private static Located found(boolean exists, ResourceType type, String arn) {
    if (!exists) {
      throw new ResourceNotFoundException(NOT_FOUND);
    }
    return new Located(type, arn);
  }

  private static void requireSingle(String[] parts) {
    if (parts.length != 1 || parts[0].isEmpty()) {
      throw new InvalidParameterException(INVALID_ARN);
    }
  }

  private static Optional<Cluster> activeCluster(StateView view, String name) {
    return view.get(EcsKinds.CLUSTER, name).filter(c -> ClusterStatus.ACTIVE.is(c.status()));
  }

  private static boolean taskDefinitionExists(StateView view, String familyRevision) {
    int colon = familyRevision.lastIndexOf(':');
    if (colon <= 0 || colon == familyRevision.length() - 1) {
      throw new InvalidParameterException(INVALID_ARN);
    }
    long revision;
    try {
      revision = Long.parseLong(familyRevision.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(INVALID_ARN);
    }
    String family = familyRevision.substring(0, colon);
    return view.get(EcsKinds.TASK_DEFINITION, EcsKinds.taskDefinitionKey(family, revision)).isPresent();
  }
}

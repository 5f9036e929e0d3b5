package dev.ecsemulator.core.service;

import dev.ecsemulator.core.model.ServiceDeployment;
import dev.ecsemulator.core.model.ServiceRevision;
import dev.ecsemulator.core.state.Kind;

/**
 * The service tables beyond {@link dev.ecsemulator.core.EcsKinds#SERVICE}. Kind names are part of the
 * durable format: never rename one.
 */
public final class ServiceKinds {

  private ServiceKinds() {}

  /** Key: the service deployment ARN. One per deployment started by CreateService or UpdateService. */
  public static final Kind<ServiceDeployment> SERVICE_DEPLOYMENT = Kind.of("service-deployment", ServiceDeployment.class);

  /** Key: the service revision ARN. One per {@code ecs-svc/} deployment, rollbacks included. */
  public static final Kind<ServiceRevision> SERVICE_REVISION = Kind.of("service-revision", ServiceRevision.class);

  /** Key: {@link dev.ecsemulator.core.EcsKinds#serviceKey}. What CreateService was asked, to tell a retry from a clash. */
  public static final Kind<CreateRequestDigest> CREATE_REQUEST = Kind.of("service-create-request", CreateRequestDigest.class);

  /** The CreateService request that made a service, as canonical JSON without its client token. */
  public record CreateRequestDigest(String serviceArn, String digest) {}
}

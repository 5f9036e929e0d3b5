package dev.ecsemulator.scheduler.service.runner;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import java.util.Objects;

/** One service, as the engine names it: its scope, cluster and name. */
public record ServiceRef(Scope scope, String clusterName, String serviceName) {

  public ServiceRef {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(clusterName, "clusterName");
    Objects.requireNonNull(serviceName, "serviceName");
  }

  /** From a store key of {@link EcsKinds#SERVICE} ({@code CLUSTER/NAME}). */
  public static ServiceRef ofKey(Scope scope, String serviceKey) {
    int slash = serviceKey.indexOf('/');
    return new ServiceRef(scope, serviceKey.substring(0, slash), serviceKey.substring(slash + 1));
  }

  /** The key of the service in {@link EcsKinds#SERVICE}. */
  public String storeKey() {
    return EcsKinds.serviceKey(clusterName, serviceName);
  }

  /** The key that serializes the service's reconciles across scopes. */
  public String executorKey() {
    return scope + "|" + storeKey();
  }

  /** The {@code group} of the service's tasks. */
  public String taskGroup() {
    return "service:" + serviceName;
  }
}

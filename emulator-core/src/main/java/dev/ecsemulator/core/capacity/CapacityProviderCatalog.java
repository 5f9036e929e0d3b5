package dev.ecsemulator.core.capacity;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.model.CapacityProvider;
import dev.ecsemulator.core.state.StateView;
import java.util.List;
import java.util.Optional;

/**
 * The one resolver of capacity providers by name or ARN: the account's stored ones
 * ({@link EcsKinds#CAPACITY_PROVIDER}) and the two Fargate providers that every account has without
 * creating them ("The Fargate capacity providers are available to all accounts and only need to be
 * associated with a cluster to be used", Model docs of CreateCluster). Pure.
 */
public final class CapacityProviderCatalog {

  public static final String FARGATE = "FARGATE";
  public static final String FARGATE_SPOT = "FARGATE_SPOT";
  public static final List<String> FARGATE_PROVIDERS = List.of(FARGATE, FARGATE_SPOT);

  private CapacityProviderCatalog() {}

  public static boolean isFargate(String name) {
    return FARGATE.equals(name) || FARGATE_SPOT.equals(name);
  }

  /** The short name in {@code nameOrArn}: the part after {@code capacity-provider/} for an ARN. */
  public static String nameOf(String nameOrArn) {
    return Arn.parse(nameOrArn)
        .filter(a -> a.resourceType().equals("capacity-provider"))
        .map(Arn::resourcePath)
        .orElse(nameOrArn);
  }

  /** The provider named by {@code nameOrArn}, without tags; empty when there is none in this scope. */
  public static Optional<CapacityProvider> find(StateView view, Scope scope, String nameOrArn) {
    if (nameOrArn == null) {
      return Optional.empty();
    }
    if (Arn.looksLikeArn(nameOrArn)) {
      Optional<Arn> arn = Arn.parse(nameOrArn);
      if (arn.isEmpty() || !arn.get().region().equals(scope.region())
          || !arn.get().accountId().equals(scope.accountId())) {
        return Optional.empty();
      }
    }
    String name = nameOf(nameOrArn);
    if (isFargate(name)) {
      return Optional.of(fargate(scope, name));
    }
    return view.get(EcsKinds.CAPACITY_PROVIDER, name);
  }

  /** FARGATE or FARGATE_SPOT as DescribeCapacityProviders shows them (aws-cli describe-capacity-providers.rst). */
  public static CapacityProvider fargate(Scope scope, String name) {
    return CapacityProvider.builder()
        .capacityProviderArn(Arns.capacityProvider(scope, name))
        .name(name)
        .status(CapacityProviderStatus.ACTIVE.name())
        .type(name)
        .build();
  }
}

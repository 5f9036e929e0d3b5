package dev.ecsemulator.core;

import java.util.Objects;

/**
 * One (account, region) pair. ECS state is separate per scope, as it is on AWS: a cluster in us-east-1
 * is invisible from eu-west-1.
 */
public record Scope(String accountId, String region) implements Comparable<Scope> {

  public Scope {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
  }

  @Override
  public int compareTo(Scope other) {
    int byAccount = accountId.compareTo(other.accountId);
    return byAccount != 0 ? byAccount : region.compareTo(other.region);
  }

  @Override
  public String toString() {
    return accountId + "/" + region;
  }
}

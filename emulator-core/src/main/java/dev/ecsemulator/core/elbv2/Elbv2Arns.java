package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;

/**
 * The one place ELBv2 ARNs are made and read, in AWS's format:
 * {@code arn:aws:elasticloadbalancing:REGION:ACCOUNT:loadbalancer/app/NAME/ID},
 * {@code ...:targetgroup/NAME/ID}, {@code ...:listener/app/LB-NAME/LB-ID/ID} and
 * {@code ...:listener-rule/app/LB-NAME/LB-ID/LISTENER-ID/ID}, IDs being 16 hex characters.
 */
public final class Elbv2Arns {

  private Elbv2Arns() {}

  private static String prefix(Scope scope) {
    return "arn:" + Arns.PARTITION + ":elasticloadbalancing:" + scope.region() + ":" + scope.accountId() + ":";
  }

  public static String loadBalancer(Scope scope, String name, String id) {
    return prefix(scope) + "loadbalancer/app/" + name + "/" + id;
  }

  public static String targetGroup(Scope scope, String name, String id) {
    return prefix(scope) + "targetgroup/" + name + "/" + id;
  }

  public static String listener(String loadBalancerArn, String id) {
    return loadBalancerArn.replace(":loadbalancer/", ":listener/") + "/" + id;
  }

  public static String rule(String listenerArn, String id) {
    return listenerArn.replace(":listener/", ":listener-rule/") + "/" + id;
  }

  /** The load balancer a listener ARN belongs to. */
  public static String loadBalancerOfListener(String listenerArn) {
    String loadBalancer = listenerArn.replace(":listener/", ":loadbalancer/");
    return loadBalancer.substring(0, loadBalancer.lastIndexOf('/'));
  }

  /**
   * The value AWS/ApplicationELB's dimensions give a load balancer ({@code LoadBalancer=app/NAME/ID}) or a target
   * group ({@code TargetGroup=targetgroup/NAME/ID}): the end of its ARN.
   */
  public static String metricDimension(String arn) {
    String resource = arn.substring(arn.lastIndexOf(':') + 1);
    return resource.startsWith("loadbalancer/") ? resource.substring("loadbalancer/".length()) : resource;
  }

  /** The scope of an ELBv2 ARN: its account and region (the fifth and fourth fields). */
  public static Scope scopeOf(String arn) {
    String[] parts = arn.split(":");
    return new Scope(parts[4], parts[3]);
  }

  /** The last part of an ARN: a resource's ID. */
  public static String id(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  /** The kind of resource an ELBv2 ARN names, for tagging; null for anything else. */
  public static ResourceType typeOf(String arn) {
    int colon = arn.lastIndexOf(':');
    if (!arn.startsWith("arn:") || !arn.contains(":elasticloadbalancing:") || colon < 0) {
      return null;
    }
    String resource = arn.substring(colon + 1);
    if (resource.startsWith("loadbalancer/")) {
      return ResourceType.LOAD_BALANCER;
    }
    if (resource.startsWith("targetgroup/")) {
      return ResourceType.TARGET_GROUP;
    }
    if (resource.startsWith("listener/")) {
      return ResourceType.LISTENER;
    }
    if (resource.startsWith("listener-rule/")) {
      return ResourceType.RULE;
    }
    return null;
  }

  /** The taggable kinds of ELBv2 resources. */
  public enum ResourceType { LOAD_BALANCER, TARGET_GROUP, LISTENER, RULE }
}

package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.error.DuplicateTargetGroupNameException;
import dev.ecsemulator.core.elbv2.error.InvalidConfigurationRequestException;
import dev.ecsemulator.core.elbv2.error.ResourceInUseException;
import dev.ecsemulator.core.elbv2.error.TargetGroupNotFoundException;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.elbv2.model.CreateTargetGroupInput;
import dev.ecsemulator.core.elbv2.model.DescribeTargetGroupsInput;
import dev.ecsemulator.core.elbv2.model.Matcher;
import dev.ecsemulator.core.elbv2.model.ModifyTargetGroupInput;
import dev.ecsemulator.core.elbv2.model.TargetGroup;
import dev.ecsemulator.core.elbv2.model.TargetGroupAttribute;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Target groups of type {@code instance} or {@code ip} speaking HTTP: create (idempotent for the same settings, as
 * AWS), modify their health checks, describe, delete, and their attributes. Health check defaults are AWS's for an
 * HTTP group: HTTP on the traffic port, path {@code /}, every 30 s, timeout 5 s, 5 successes to turn healthy, 2
 * failures to turn unhealthy, HTTP 200 expected.
 */
public final class TargetGroups {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");
  /** {@code 200}, {@code 200,202}, {@code 200-299}: codes 200 to 499, as AWS allows for HTTP target groups. */
  private static final Pattern HTTP_CODES = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}(-\\d{3})?)*");

  private final StateStore store;
  private final Elbv2Ids ids;

  public TargetGroups(StateStore store, Elbv2Ids ids) {
    this.store = store;
    this.ids = ids;
  }

  public TargetGroup create(Scope scope, CreateTargetGroupInput in) {
    String name = in.name();
    checkName(name);
    String type = in.targetType() == null ? "instance" : in.targetType();
    if (!type.equals("instance") && !type.equals("ip")) {
      throw new InvalidConfigurationRequestException(
          "ecs-emulator supports target groups of type 'instance' and 'ip', not '" + type + "'");
    }
    if (in.protocol() == null) {
      throw new ValidationError("A protocol must be specified");
    }
    if (in.port() == null) {
      throw new ValidationError("A port must be specified");
    }
    if (in.vpcId() == null) {
      throw new ValidationError("A VPC ID must be specified");
    }
    if (!in.protocol().equals("HTTP")) {
      throw new InvalidConfigurationRequestException(
          "ecs-emulator's target groups speak HTTP only, not '" + in.protocol() + "'");
    }
    Tagging.checkNew(in.tags());
    TargetGroup wanted = checked(TargetGroup.builder()
        .targetGroupName(name)
        .protocol(in.protocol())
        .protocolVersion(in.protocolVersion() == null ? "HTTP1" : in.protocolVersion())
        .port(in.port())
        .vpcId(in.vpcId())
        .targetType(type)
        .ipAddressType(in.ipAddressType() == null ? "ipv4" : in.ipAddressType())
        .healthCheckEnabled(in.healthCheckEnabled() == null ? Boolean.TRUE : in.healthCheckEnabled())
        .healthCheckProtocol(in.healthCheckProtocol() == null ? "HTTP" : in.healthCheckProtocol())
        .healthCheckPort(in.healthCheckPort() == null ? "traffic-port" : in.healthCheckPort())
        .healthCheckPath(in.healthCheckPath() == null ? "/" : in.healthCheckPath())
        .healthCheckIntervalSeconds(orDefault(in.healthCheckIntervalSeconds(), 30))
        .healthCheckTimeoutSeconds(orDefault(in.healthCheckTimeoutSeconds(), 5))
        .healthyThresholdCount(orDefault(in.healthyThresholdCount(), 5))
        .unhealthyThresholdCount(orDefault(in.unhealthyThresholdCount(), 2))
        .matcher(in.matcher() == null ? new Matcher(null, "200") : in.matcher())
        .build(), in.healthCheckTimeoutSeconds() != null && in.healthCheckIntervalSeconds() != null);
    return store.write(scope, txn -> {
      for (StoredTargetGroup existing : txn.list(Elbv2Kinds.TARGET_GROUP)) {
        if (existing.name().equals(name)) {
          TargetGroup same = wanted.toBuilder().targetGroupArn(existing.arn()).build();
          if (same.equals(existing.targetGroup())) {
            return withLoadBalancers(txn, existing.targetGroup());
          }
          throw new DuplicateTargetGroupNameException(
              "A target group with the same name '" + name + "' exists, but with different settings");
        }
      }
      TargetGroup group = wanted.toBuilder().targetGroupArn(Elbv2Arns.targetGroup(scope, name, ids.resourceId())).build();
      txn.put(Elbv2Kinds.TARGET_GROUP, group.targetGroupArn(),
          new StoredTargetGroup(group, TargetGroupAttributes.defaults(), in.tags()));
      return withLoadBalancers(txn, group);
    });
  }

  private static int orDefault(Integer given, int fallback) {
    return given == null ? fallback : given;
  }

  /** Name rules and wording as moto mirrors AWS. */
  private static void checkName(String name) {
    if (name.length() > 32) {
      throw new ValidationError("Target group name '" + name + "' cannot be longer than '32' characters");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ValidationError("Target group name '" + name
          + "' can only contain characters that are alphanumeric characters or hyphens(-)");
    }
    if (name.startsWith("-") || name.endsWith("-")) {
      throw new ValidationError("Target group name '" + name + "' cannot begin or end with '-'");
    }
  }

  /**
   * The health check settings checked together, as AWS checks them (moto mirrors it): the timeout may not exceed the
   * interval, nor equal it when the call gave both.
   */
  private static TargetGroup checked(TargetGroup group, boolean bothTimesGiven) {
    int timeout = group.healthCheckTimeoutSeconds();
    int interval = group.healthCheckIntervalSeconds();
    if (timeout > interval || (timeout == interval && bothTimesGiven)) {
      throw new ValidationError("Health check timeout '" + group.healthCheckTimeoutSeconds()
          + "' must be smaller than the interval '" + group.healthCheckIntervalSeconds() + "'");
    }
    if (!group.healthCheckProtocol().equals("HTTP")) {
      throw new InvalidConfigurationRequestException(
          "ecs-emulator health checks speak HTTP only, not '" + group.healthCheckProtocol() + "'");
    }
    if (!group.healthCheckPath().startsWith("/")) {
      throw new ValidationError("Health check path must begin with a '/' character"); // wording unverified
    }
    String port = group.healthCheckPort();
    if (!port.equals("traffic-port")) {
      try {
        int n = Integer.parseInt(port);
        if (n < 1 || n > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new ValidationError("Health check port '" + port + "' must be 'traffic-port' or a port number from 1 "
            + "to 65535"); // wording unverified
      }
    }
    String codes = group.matcher().httpCode();
    if (codes == null || !HTTP_CODES.matcher(codes).matches() || !codesInRange(codes)) {
      throw new ValidationError("HttpCode must be like 200 | 200-399 | 200,201 ...");
    }
    return group;
  }

  private static boolean codesInRange(String codes) {
    for (String part : codes.split("[,-]")) {
      int code = Integer.parseInt(part);
      if (code < 200 || code > 499) {
        return false;
      }
    }
    return true;
  }

  public TargetGroup modify(Scope scope, ModifyTargetGroupInput in) {
    return store.write(scope, txn -> {
      StoredTargetGroup stored = Elbv2Lookup.targetGroup(txn, in.targetGroupArn());
      TargetGroup.Builder b = stored.targetGroup().toBuilder();
      Optional.ofNullable(in.healthCheckEnabled()).ifPresent(b::healthCheckEnabled);
      Optional.ofNullable(in.healthCheckProtocol()).ifPresent(b::healthCheckProtocol);
      Optional.ofNullable(in.healthCheckPort()).ifPresent(b::healthCheckPort);
      Optional.ofNullable(in.healthCheckPath()).ifPresent(b::healthCheckPath);
      Optional.ofNullable(in.healthCheckIntervalSeconds()).ifPresent(b::healthCheckIntervalSeconds);
      Optional.ofNullable(in.healthCheckTimeoutSeconds()).ifPresent(b::healthCheckTimeoutSeconds);
      Optional.ofNullable(in.healthyThresholdCount()).ifPresent(b::healthyThresholdCount);
      Optional.ofNullable(in.unhealthyThresholdCount()).ifPresent(b::unhealthyThresholdCount);
      Optional.ofNullable(in.matcher()).ifPresent(b::matcher);
      TargetGroup group = checked(b.build(),
          in.healthCheckTimeoutSeconds() != null && in.healthCheckIntervalSeconds() != null);
      txn.put(Elbv2Kinds.TARGET_GROUP, group.targetGroupArn(), stored.withTargetGroup(group));
      return withLoadBalancers(txn, group);
    });
  }

  /** By load balancer, ARNs or names (one of them), or all; paged. */
  public Paging.Page<TargetGroup> describe(Scope scope, DescribeTargetGroupsInput in) {
    int given = (in.loadBalancerArn() != null ? 1 : 0) + (in.targetGroupArns() != null ? 1 : 0)
        + (in.names() != null ? 1 : 0);
    if (given > 1) {
      // Wording unverified.
      throw new ValidationError("Only one of load balancer ARN, target group ARNs or names can be specified");
    }
    List<TargetGroup> groups = store.read(scope, view -> {
      Map<String, Set<String>> usage = TargetGroupUsage.of(view);
      List<StoredTargetGroup> found = new ArrayList<>();
      if (in.targetGroupArns() != null) {
        for (String arn : in.targetGroupArns()) {
          found.add(view.get(Elbv2Kinds.TARGET_GROUP, arn).orElseThrow(TargetGroups::noneFound));
        }
      } else if (in.names() != null) {
        List<StoredTargetGroup> all = view.list(Elbv2Kinds.TARGET_GROUP);
        for (String name : in.names()) {
          found.add(all.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow(TargetGroups::noneFound));
        }
      } else if (in.loadBalancerArn() != null) {
        Elbv2Lookup.loadBalancer(view, in.loadBalancerArn());
        view.list(Elbv2Kinds.TARGET_GROUP).stream()
            .filter(g -> usage.getOrDefault(g.arn(), Set.of()).contains(in.loadBalancerArn()))
            .forEach(found::add);
      } else {
        found.addAll(view.list(Elbv2Kinds.TARGET_GROUP));
      }
      return found.stream().map(g -> withLoadBalancers(usage, g.targetGroup())).toList();
    });
    return Elbv2Paging.page(groups, TargetGroup::targetGroupArn, in.pageSize(), in.marker());
  }

  private static TargetGroupNotFoundException noneFound() {
    return new TargetGroupNotFoundException("One or more target groups not found");
  }

  /**
   * Deletes the group and its registrations; a group that does not exist is success (the model declares no
   * not-found error for this call).
   *
   * @throws ResourceInUseException while a listener or rule forwards to it
   */
  public void delete(Scope scope, String arn) {
    store.write(scope, txn -> {
      if (txn.get(Elbv2Kinds.TARGET_GROUP, arn).isEmpty()) {
        return null;
      }
      if (TargetGroupUsage.of(txn).containsKey(arn)) {
        throw new ResourceInUseException("Target group '" + arn + "' is currently in use by a listener or a rule");
      }
      txn.remove(Elbv2Kinds.TARGET_GROUP, arn);
      for (StoredTarget target : Elbv2Lookup.targetsOf(txn, arn)) {
        txn.remove(Elbv2Kinds.TARGET, target.key());
      }
      return null;
    });
  }

  public List<TargetGroupAttribute> attributes(Scope scope, String arn) {
    return store.read(scope, view -> TargetGroupAttributes.asList(Elbv2Lookup.targetGroup(view, arn).attributes()));
  }

  public List<TargetGroupAttribute> modifyAttributes(Scope scope, String arn, List<TargetGroupAttribute> changes) {
    return store.write(scope, txn -> {
      StoredTargetGroup stored = Elbv2Lookup.targetGroup(txn, arn);
      Map<String, String> next = TargetGroupAttributes.apply(stored.attributes(), changes);
      txn.put(Elbv2Kinds.TARGET_GROUP, arn, stored.withAttributes(next));
      return TargetGroupAttributes.asList(next);
    });
  }

  /** The stored group, if any: for the data plane and the ECS integration. */
  public Optional<StoredTargetGroup> find(Scope scope, String arn) {
    return store.read(scope, view -> view.get(Elbv2Kinds.TARGET_GROUP, arn));
  }

  private static TargetGroup withLoadBalancers(StateView view, TargetGroup group) {
    return withLoadBalancers(TargetGroupUsage.of(view), group);
  }

  private static TargetGroup withLoadBalancers(Map<String, Set<String>> usage, TargetGroup group) {
    return group.toBuilder()
        .loadBalancerArns(List.copyOf(usage.getOrDefault(group.targetGroupArn(), Set.of()))).build();
  }
}

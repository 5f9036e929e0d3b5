package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.error.DuplicateLoadBalancerNameException;
import dev.ecsemulator.core.elbv2.error.InvalidConfigurationRequestException;
import dev.ecsemulator.core.elbv2.error.LoadBalancerNotFoundException;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.elbv2.model.AvailabilityZone;
import dev.ecsemulator.core.elbv2.model.CreateLoadBalancerInput;
import dev.ecsemulator.core.elbv2.model.CreateLoadBalancerOutput;
import dev.ecsemulator.core.elbv2.model.DescribeLoadBalancersInput;
import dev.ecsemulator.core.elbv2.model.DescribeLoadBalancersOutput;
import dev.ecsemulator.core.elbv2.model.LoadBalancer;
import dev.ecsemulator.core.elbv2.model.LoadBalancerState;
import dev.ecsemulator.core.elbv2.model.SubnetMapping;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Application load balancers: create (idempotent for the same settings, as AWS), describe, delete (with their
 * listeners and rules; deleting one that does not exist succeeds, as AWS documents). A load balancer is
 * {@code active} at once: there is nothing to provision.
 *
 * <p>Its {@code DNSName} is {@code NAME-NUMBER.REGION.elb.localhost}, AWS's form under {@code .localhost} instead of
 * {@code amazonaws.com}: names under {@code localhost} resolve to the loopback address in browsers, curl and systemd's
 * resolver, and the load balancer answers at the emulator's bind address on each listener's port.
 */
public final class LoadBalancers {

  /** AWS's limit and pattern for load balancer names (the API reference's rules for {@code Name}). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,32}");
  /** Route 53 hosted zone IDs of application load balancers, per region (AWS's endpoints table). */
  private static final Map<String, String> HOSTED_ZONES = Map.of(
      "us-east-1", "Z35SXDOTRQ7X7K", "us-east-2", "Z3AADJGX6KTTL2", "us-west-1", "Z368ELLRRE2KJ0",
      "us-west-2", "Z1H1FL5HABSF5", "eu-west-1", "Z32O12XQLNTSW2", "eu-central-1", "Z215JYRZR1TBD5",
      "ap-southeast-1", "Z1LMS91P8CMLE5", "ap-northeast-1", "Z14GRHDCWA56QT");

  private final StateStore store;
  private final Clock clock;
  private final Elbv2Ids ids;

  public LoadBalancers(StateStore store, Clock clock, Elbv2Ids ids) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  public CreateLoadBalancerOutput create(Scope scope, CreateLoadBalancerInput in) {
    String name = in.name();
    checkName(name);
    String type = in.type() == null ? "application" : in.type();
    if (!type.equals("application")) {
      throw new InvalidConfigurationRequestException("ecs-emulator serves application load balancers only, not '"
          + type + "'");
    }
    List<String> subnets = subnets(in);
    List<String> securityGroups = in.securityGroups() == null ? List.of() : in.securityGroups();
    String scheme = in.scheme() == null ? "internet-facing" : in.scheme();
    String ipAddressType = in.ipAddressType() == null ? "ipv4" : in.ipAddressType();
    Tagging.checkNew(in.tags());
    return store.write(scope, txn -> {
      for (StoredLoadBalancer existing : txn.list(Elbv2Kinds.LOAD_BALANCER)) {
        LoadBalancer lb = existing.loadBalancer();
        if (lb.loadBalancerName().equals(name)) {
          if (sameSubnets(lb, subnets) && lb.scheme().equals(scheme)
              && lb.securityGroups().equals(securityGroups)) {
            return CreateLoadBalancerOutput.builder().loadBalancers(List.of(lb)).build();
          }
          throw new DuplicateLoadBalancerNameException(
              "A load balancer with the same name '" + name + "' exists, but with different settings");
        }
      }
      String id = ids.resourceId();
      LoadBalancer lb = LoadBalancer.builder()
          .loadBalancerArn(Elbv2Arns.loadBalancer(scope, name, id))
          .loadBalancerName(name)
          .dnsName(name + "-" + ids.dnsNumber() + "." + scope.region() + ".elb.localhost")
          .canonicalHostedZoneId(HOSTED_ZONES.getOrDefault(scope.region(), "Z35SXDOTRQ7X7K"))
          .createdTime(clock.instant())
          .scheme(scheme)
          .vpcId(vpcId(scope))
          .state(new LoadBalancerState("active", null))
          .type(type)
          .availabilityZones(zones(scope, subnets))
          .securityGroups(securityGroups)
          .ipAddressType(ipAddressType)
          .build();
      txn.put(Elbv2Kinds.LOAD_BALANCER, lb.loadBalancerArn(), new StoredLoadBalancer(lb, in.tags()));
      return CreateLoadBalancerOutput.builder().loadBalancers(List.of(lb)).build();
    });
  }

  /**
   * AWS's rules for names, worded as AWS words them (the first three from AWS users' reports; unverified in
   * detail).
   */
  private static void checkName(String name) {
    if (name.length() > 32) {
      throw new ValidationError("The load balancer name '" + name + "' cannot be longer than '32' characters");
    }
    if (!NAME.matcher(name).matches()) {
      throw new ValidationError("The load balancer name '" + name
          + "' can only contain characters that are alphanumeric characters or hyphens(-)");
    }
    if (name.startsWith("-") || name.endsWith("-")) {
      throw new ValidationError("The load balancer name '" + name + "' cannot begin or end with '-'");
    }
    if (name.startsWith("internal-")) {
      throw new ValidationError("The load balancer name '" + name + "' cannot begin with 'internal-'");
    }
  }

  /** Subnets, from Subnets or SubnetMappings (not both); an application load balancer needs two. */
  private static List<String> subnets(CreateLoadBalancerInput in) {
    if (in.subnets() != null && in.subnetMappings() != null) {
      throw new ValidationError("You can specify subnets or subnet mappings, not both");
    }
    Set<String> subnets = new LinkedHashSet<>();
    if (in.subnets() != null) {
      subnets.addAll(in.subnets());
    }
    if (in.subnetMappings() != null) {
      for (SubnetMapping mapping : in.subnetMappings()) {
        subnets.add(mapping.subnetId());
      }
    }
    if (subnets.size() < 2) {
      throw new ValidationError("At least two subnets in two different Availability Zones must be specified");
    }
    return List.copyOf(subnets);
  }

  private static boolean sameSubnets(LoadBalancer lb, List<String> subnets) {
    List<String> mine = lb.availabilityZones().stream().map(AvailabilityZone::subnetId).toList();
    return mine.equals(subnets);
  }

  /** Each subnet in its own zone of the region (a, b, c, ...): the emulator has no VPC to ask. */
  private static List<AvailabilityZone> zones(Scope scope, List<String> subnets) {
    List<AvailabilityZone> zones = new ArrayList<>();
    for (int i = 0; i < subnets.size(); i++) {
      zones.add(AvailabilityZone.builder().subnetId(subnets.get(i))
          .zoneName(scope.region() + (char) ('a' + i % 26)).loadBalancerAddresses(List.of()).build());
    }
    return zones;
  }

  /** The one VPC of the account and region as the emulator shows it: the same ID every time. */
  static String vpcId(Scope scope) {
    String hex = Integer.toHexString((scope.accountId() + scope.region()).hashCode() & 0x7fffffff);
    return "vpc-" + ("00000000" + hex).substring(hex.length()) + "emu";
  }

  /**
   * By ARNs or names (not both), or all; paged by {@code Marker}/{@code PageSize}. An unknown name or ARN fails the
   * call, as on AWS ("Load balancers '[a, b]' not found").
   */
  public DescribeLoadBalancersOutput describe(Scope scope, DescribeLoadBalancersInput in) {
    if (in.loadBalancerArns() != null && in.names() != null) {
      throw new ValidationError("Load balancer names and load balancer ARNs cannot be specified at the same time");
    }
    List<LoadBalancer> all = store.read(scope, view -> {
      List<LoadBalancer> found = new ArrayList<>();
      if (in.loadBalancerArns() != null) {
        for (String arn : in.loadBalancerArns()) {
          found.add(Elbv2Lookup.loadBalancer(view, arn).loadBalancer());
        }
        return found;
      }
      List<LoadBalancer> every = view.list(Elbv2Kinds.LOAD_BALANCER).stream()
          .map(StoredLoadBalancer::loadBalancer).toList();
      if (in.names() == null) {
        return every;
      }
      List<String> missing = new ArrayList<>();
      for (String name : in.names()) {
        every.stream().filter(lb -> lb.loadBalancerName().equals(name)).findFirst()
            .ifPresentOrElse(found::add, () -> missing.add(name));
      }
      if (!missing.isEmpty()) {
        throw new LoadBalancerNotFoundException("Load balancers '" + missing + "' not found");
      }
      return found;
    });
    Paging.Page<LoadBalancer> page = Elbv2Paging.page(all, LoadBalancer::loadBalancerArn, in.pageSize(), in.marker());
    return DescribeLoadBalancersOutput.builder().loadBalancers(page.items()).nextMarker(page.nextToken()).build();
  }

  /** Deletes the load balancer with its listeners and rules; an unknown ARN is success, as on AWS. Idempotent. */
  public void delete(Scope scope, String arn) {
    store.write(scope, txn -> {
      if (txn.remove(Elbv2Kinds.LOAD_BALANCER, arn)) {
        for (StoredListener listener : Elbv2Lookup.listenersOf(txn, arn)) {
          Listeners.removeWithRules(txn, listener.arn());
        }
      }
      return null;
    });
  }
}

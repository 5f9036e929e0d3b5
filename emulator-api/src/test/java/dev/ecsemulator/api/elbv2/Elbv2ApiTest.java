package dev.ecsemulator.api.elbv2;

import static dev.ecsemulator.api.elbv2.Elbv2Fixture.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.*;

/** ELBv2's control plane through the SDK's ElasticLoadBalancingV2Client: shapes, defaults and AWS's errors. */
class Elbv2ApiTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final ElasticLoadBalancingV2Client elb = emulator.sdk(ElasticLoadBalancingV2Client.builder());
  static final Elbv2Fixture fixture = new Elbv2Fixture(elb);

  @AfterAll
  static void close() {
    elb.close();
  }

  static void assertError(ThrowableAssert.ThrowingCallable call, Class<? extends ElasticLoadBalancingV2Exception> type,
      String code, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(type, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
      assertThat(e.statusCode()).isEqualTo(400);
    });
  }

  @Test
  void loadBalancersAreApplicationLoadBalancersReachableOnLocalhost() {
    LoadBalancer lb = elb.createLoadBalancer(b -> b.name("web").subnets("subnet-1", "subnet-2")
        .securityGroups("sg-1")).loadBalancers().get(0);
    assertThat(lb.dnsName()).matches("web-\\d{10}\\.us-east-1\\.elb\\.localhost");
    assertThat(lb.type()).isEqualTo(LoadBalancerTypeEnum.APPLICATION);
    assertThat(lb.scheme()).isEqualTo(LoadBalancerSchemeEnum.INTERNET_FACING);
    assertThat(lb.state().code()).isEqualTo(LoadBalancerStateEnum.ACTIVE);
    assertThat(lb.canonicalHostedZoneId()).isEqualTo("Z35SXDOTRQ7X7K");
    assertThat(lb.availabilityZones()).extracting(AvailabilityZone::subnetId, AvailabilityZone::zoneName)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("subnet-1", "us-east-1a"),
            org.assertj.core.groups.Tuple.tuple("subnet-2", "us-east-1b"));
    assertThat(lb.securityGroups()).containsExactly("sg-1");
    // The same call again is the same load balancer; other settings are a duplicate.
    assertThat(elb.createLoadBalancer(b -> b.name("web").subnets("subnet-1", "subnet-2").securityGroups("sg-1"))
        .loadBalancers().get(0).loadBalancerArn()).isEqualTo(lb.loadBalancerArn());
    assertError(() -> elb.createLoadBalancer(b -> b.name("web").subnets("subnet-3", "subnet-4")),
        DuplicateLoadBalancerNameException.class, "DuplicateLoadBalancerName",
        "A load balancer with the same name 'web' exists, but with different settings");
    assertError(() -> elb.createLoadBalancer(b -> b.name("one").subnets("subnet-1")), ElasticLoadBalancingV2Exception.class,
        "ValidationError", "At least two subnets in two different Availability Zones must be specified");
    assertError(() -> elb.createLoadBalancer(b -> b.name("-bad").subnets("subnet-1", "subnet-2")),
        ElasticLoadBalancingV2Exception.class, "ValidationError",
        "The load balancer name '-bad' cannot begin or end with '-'");

    assertThat(elb.describeLoadBalancers(b -> b.loadBalancerArns(lb.loadBalancerArn())).loadBalancers())
        .containsExactly(lb);
    elb.deleteLoadBalancer(b -> b.loadBalancerArn(lb.loadBalancerArn()));
    elb.deleteLoadBalancer(b -> b.loadBalancerArn(lb.loadBalancerArn())); // gone: still success, as AWS documents
    assertError(() -> elb.describeLoadBalancers(b -> b.loadBalancerArns(lb.loadBalancerArn())),
        LoadBalancerNotFoundException.class, "LoadBalancerNotFound", "One or more load balancers not found");
  }

  @Test
  void stateIsPerRegion() {
    fixture.loadBalancer("here");
    try (ElasticLoadBalancingV2Client west = emulator.sdk(ElasticLoadBalancingV2Client.builder(), Region.US_WEST_2,
        "test")) {
      assertThat(west.describeLoadBalancers().loadBalancers()).isEmpty();
    }
  }

  @Test
  void targetGroupsHaveAwsDefaultsAndAttributes() {
    TargetGroup group = elb.createTargetGroup(b -> b.name("app").protocol("HTTP").port(8080).vpcId("vpc-1")
        .targetType("ip")).targetGroups().get(0);
    assertThat(group.targetGroupArn()).matches(
        "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/app/[0-9a-f]{16}");
    assertThat(group.healthCheckProtocol()).isEqualTo(ProtocolEnum.HTTP);
    assertThat(group.healthCheckPort()).isEqualTo("traffic-port");
    assertThat(group.healthCheckPath()).isEqualTo("/");
    assertThat(group.healthCheckIntervalSeconds()).isEqualTo(30);
    assertThat(group.healthCheckTimeoutSeconds()).isEqualTo(5);
    assertThat(group.healthyThresholdCount()).isEqualTo(5);
    assertThat(group.unhealthyThresholdCount()).isEqualTo(2);
    assertThat(group.matcher().httpCode()).isEqualTo("200");
    assertThat(group.loadBalancerArns()).isEmpty();

    Map<String, String> attributes = attributes(group.targetGroupArn());
    assertThat(attributes).containsEntry("deregistration_delay.timeout_seconds", "300")
        .containsEntry("slow_start.duration_seconds", "0").containsEntry("stickiness.enabled", "false")
        .containsEntry("load_balancing.algorithm.type", "round_robin");
    elb.modifyTargetGroupAttributes(b -> b.targetGroupArn(group.targetGroupArn()).attributes(
        a -> a.key("deregistration_delay.timeout_seconds").value("5"),
        a -> a.key("slow_start.duration_seconds").value("30")));
    assertThat(attributes(group.targetGroupArn())).containsEntry("deregistration_delay.timeout_seconds", "5")
        .containsEntry("slow_start.duration_seconds", "30");
    assertError(() -> elb.modifyTargetGroupAttributes(b -> b.targetGroupArn(group.targetGroupArn()).attributes(
        a -> a.key("deregistration_delay.timeout_seconds").value("4000"))), ElasticLoadBalancingV2Exception.class,
        "ValidationError", "'deregistration_delay.timeout_seconds' value '4000' must be between '0-3600' inclusive");

    TargetGroup modified = elb.modifyTargetGroup(b -> b.targetGroupArn(group.targetGroupArn())
        .healthCheckPath("/health").healthCheckIntervalSeconds(10).matcher(m -> m.httpCode("200-299")))
        .targetGroups().get(0);
    assertThat(modified.healthCheckPath()).isEqualTo("/health");
    assertThat(modified.matcher().httpCode()).isEqualTo("200-299");
    assertError(() -> elb.modifyTargetGroup(b -> b.targetGroupArn(group.targetGroupArn())
        .healthCheckTimeoutSeconds(11)), ElasticLoadBalancingV2Exception.class, "ValidationError",
        "Health check timeout '11' must be smaller than the interval '10'");
    assertError(() -> elb.modifyTargetGroup(b -> b.targetGroupArn(group.targetGroupArn())
        .healthCheckTimeoutSeconds(10).healthCheckIntervalSeconds(10)), ElasticLoadBalancingV2Exception.class,
        "ValidationError", "Health check timeout '10' must be smaller than the interval '10'");
    assertError(() -> elb.createTargetGroup(b -> b.name("app").protocol("HTTP").port(9090).vpcId("vpc-1")),
        DuplicateTargetGroupNameException.class, "DuplicateTargetGroupName",
        "A target group with the same name 'app' exists, but with different settings");
    assertError(() -> elb.describeTargetGroups(b -> b.names("nope")), TargetGroupNotFoundException.class,
        "TargetGroupNotFound", "One or more target groups not found");
    assertError(() -> elb.createTargetGroup(b -> b.name("no-port").protocol("HTTP").vpcId("vpc-1")),
        ElasticLoadBalancingV2Exception.class, "ValidationError", "A port must be specified");
  }

  Map<String, String> attributes(String group) {
    return elb.describeTargetGroupAttributes(b -> b.targetGroupArn(group)).attributes().stream()
        .collect(Collectors.toMap(TargetGroupAttribute::key, TargetGroupAttribute::value));
  }

  @Test
  void targetsOfAGroupNotInUseAreUnusedAndBadTargetsAreRefused() {
    String group = fixture.targetGroup("targets");
    elb.registerTargets(b -> b.targetGroupArn(group).targets(t -> t.id("10.0.0.5").port(8080), t -> t.id("10.0.0.6")));
    List<TargetHealthDescription> health = elb.describeTargetHealth(b -> b.targetGroupArn(group))
        .targetHealthDescriptions();
    assertThat(health).extracting(d -> d.target().id(), d -> d.target().port(), d -> d.targetHealth().stateAsString(),
        d -> d.targetHealth().reasonAsString(), TargetHealthDescription::healthCheckPort).containsExactly(
        org.assertj.core.groups.Tuple.tuple("10.0.0.5", 8080, "unused", "Target.NotInUse", "8080"),
        org.assertj.core.groups.Tuple.tuple("10.0.0.6", 80, "unused", "Target.NotInUse", "80"));
    assertThat(health.get(0).targetHealth().description())
        .isEqualTo("Target group is not configured to receive traffic from the load balancer");
    TargetHealth notRegistered = elb.describeTargetHealth(b -> b.targetGroupArn(group)
        .targets(t -> t.id("10.0.0.9"))).targetHealthDescriptions().get(0).targetHealth();
    assertThat(notRegistered.reasonAsString()).isEqualTo("Target.NotRegistered");
    assertThat(notRegistered.description()).isEqualTo("Target is not registered to the target group");

    assertError(() -> elb.registerTargets(b -> b.targetGroupArn(group).targets(t -> t.id("i-0123456789"))),
        InvalidTargetException.class, "InvalidTarget", "The IP address 'i-0123456789' is not a valid IPv4 address");
    assertError(() -> elb.deregisterTargets(b -> b.targetGroupArn(group).targets(t -> t.id("10.0.0.9"))),
        InvalidTargetException.class, "InvalidTarget",
        "The specified target does not exist or is not in the same VPC as the target group.");
    String missing = group.replaceAll("/[0-9a-f]{16}$", "/0000000000000000");
    assertError(() -> elb.registerTargets(b -> b.targetGroupArn(missing).targets(t -> t.id("10.0.0.5"))),
        TargetGroupNotFoundException.class, "TargetGroupNotFound", "Target groups '" + missing + "' not found");

    // Not in use: deregistration is immediate.
    elb.deregisterTargets(b -> b.targetGroupArn(group).targets(t -> t.id("10.0.0.6")));
    assertThat(elb.describeTargetHealth(b -> b.targetGroupArn(group)).targetHealthDescriptions()).hasSize(1);
  }

  @Test
  void listenersForwardToTheirGroupsAndNameTheirLoadBalancer() {
    String lb = fixture.loadBalancer("listen");
    String group = fixture.targetGroup("listen-tg");
    int port = freePort();
    Listener listener = elb.createListener(b -> b.loadBalancerArn(lb).protocol("HTTP").port(port)
        .defaultActions(Elbv2Fixture.forward(group))).listeners().get(0);
    assertThat(listener.listenerArn()).startsWith(lb.replace(":loadbalancer/", ":listener/") + "/");
    Action action = listener.defaultActions().get(0);
    assertThat(action.targetGroupArn()).isEqualTo(group);
    assertThat(action.forwardConfig().targetGroups()).singleElement()
        .satisfies(t -> assertThat(t.weight()).isEqualTo(1));
    assertThat(elb.describeTargetGroups(b -> b.targetGroupArns(group)).targetGroups().get(0).loadBalancerArns())
        .containsExactly(lb);
    assertThat(elb.describeTargetGroups(b -> b.loadBalancerArn(lb)).targetGroups()).hasSize(1);
    assertThat(elb.describeListeners(b -> b.loadBalancerArn(lb)).listeners()).containsExactly(listener);

    assertError(() -> fixture.listener(lb, port, group), DuplicateListenerException.class, "DuplicateListener",
        "A listener already exists on this port for this load balancer '" + lb + "'");
    assertError(() -> elb.deleteTargetGroup(b -> b.targetGroupArn(group)), ResourceInUseException.class,
        "ResourceInUse", "Target group '" + group + "' is currently in use by a listener or a rule");
    assertError(() -> elb.createListener(b -> b.loadBalancerArn(lb).protocol("HTTPS").port(freePort())
        .defaultActions(Elbv2Fixture.forward(group))), UnsupportedProtocolException.class, "UnsupportedProtocol",
        "ecs-emulator's listeners serve HTTP only, not 'HTTPS'");
    assertError(() -> elb.describeListeners(b -> b.listenerArns(listener.listenerArn() + "0")),
        ListenerNotFoundException.class, "ListenerNotFound", "One or more listeners not found");

    String other = fixture.loadBalancer("other");
    assertError(() -> fixture.listener(other, freePort(), group), TargetGroupAssociationLimitException.class,
        "TargetGroupAssociationLimit",
        "The following target groups cannot be associated with more than one load balancer: " + group);

    int newPort = freePort();
    Listener moved = elb.modifyListener(b -> b.listenerArn(listener.listenerArn()).port(newPort)).listeners().get(0);
    assertThat(moved.port()).isEqualTo(newPort);
    elb.deleteLoadBalancer(b -> b.loadBalancerArn(lb));
    elb.deleteTargetGroup(b -> b.targetGroupArn(group)); // no longer in use
  }

  @Test
  void rulesHavePrioritiesAndTheDefaultRuleComesLast() {
    String lb = fixture.loadBalancer("rules");
    String group = fixture.targetGroup("rules-tg");
    String listener = fixture.listener(lb, freePort(), group);
    Rule api = elb.createRule(b -> b.listenerArn(listener).priority(10)
        .conditions(c -> c.field("path-pattern").values("/api/*"))
        .actions(Elbv2Fixture.forward(group))).rules().get(0);
    assertThat(api.conditions().get(0).pathPatternConfig().values()).containsExactly("/api/*");
    assertThat(api.isDefault()).isFalse();
    Rule web = elb.createRule(b -> b.listenerArn(listener).priority(5)
        .conditions(c -> c.field("host-header").hostHeaderConfig(h -> h.values("www.example.com")))
        .actions(Elbv2Fixture.forward(group))).rules().get(0);
    assertThat(web.conditions().get(0).values()).containsExactly("www.example.com");

    List<Rule> rules = elb.describeRules(b -> b.listenerArn(listener)).rules();
    assertThat(rules).extracting(Rule::priority).containsExactly("5", "10", "default");
    assertThat(rules.get(2).isDefault()).isTrue();
    assertThat(rules.get(2).actions().get(0).targetGroupArn()).isEqualTo(group);

    assertError(() -> elb.createRule(b -> b.listenerArn(listener).priority(10)
        .conditions(c -> c.field("path-pattern").values("/x")).actions(Elbv2Fixture.forward(group))),
        PriorityInUseException.class, "PriorityInUse", "Priority '10' is currently in use");
    elb.setRulePriorities(b -> b.rulePriorities(p -> p.ruleArn(api.ruleArn()).priority(5),
        p -> p.ruleArn(web.ruleArn()).priority(10)));
    assertThat(elb.describeRules(b -> b.listenerArn(listener)).rules()).extracting(Rule::ruleArn)
        .startsWith(api.ruleArn(), web.ruleArn());
    assertError(() -> elb.setRulePriorities(b -> b.rulePriorities(p -> p.ruleArn(api.ruleArn()).priority(1),
        p -> p.ruleArn(web.ruleArn()).priority(1))), ElasticLoadBalancingV2Exception.class, "ValidationError",
        "Priority '1' was provided multiple times");

    Rule changed = elb.modifyRule(b -> b.ruleArn(api.ruleArn())
        .conditions(c -> c.field("path-pattern").values("/v2/*"))).rules().get(0);
    assertThat(changed.conditions().get(0).values()).containsExactly("/v2/*");
    String defaultRule = rules.get(2).ruleArn();
    assertThatThrownBy(() -> elb.deleteRule(b -> b.ruleArn(defaultRule)))
        .isInstanceOf(OperationNotPermittedException.class);
    elb.deleteRule(b -> b.ruleArn(api.ruleArn()));
    assertError(() -> elb.deleteRule(b -> b.ruleArn(api.ruleArn())), RuleNotFoundException.class, "RuleNotFound",
        "One or more rules not found");
    assertError(() -> elb.createRule(b -> b.listenerArn(listener).priority(7)
        .conditions(c -> c.field("path-pattern").values()).actions(Elbv2Fixture.forward(group))),
        ElasticLoadBalancingV2Exception.class, "ValidationError", "A condition value must be specified");
  }

  @Test
  void tagsOnEveryKindOfResource() {
    String lb = fixture.loadBalancer("tags");
    String group = fixture.targetGroup("tags-tg");
    String listener = fixture.listener(lb, freePort(), group);
    elb.addTags(b -> b.resourceArns(lb, group, listener).tags(t -> t.key("env").value("dev"),
        t -> t.key("team").value("web")));
    elb.removeTags(b -> b.resourceArns(group).tagKeys("team"));
    List<TagDescription> described = elb.describeTags(b -> b.resourceArns(lb, group, listener)).tagDescriptions();
    assertThat(described).extracting(TagDescription::resourceArn).containsExactly(lb, group, listener);
    assertThat(described.get(0).tags()).extracting(Tag::key).containsExactly("env", "team");
    assertThat(described.get(1).tags()).extracting(Tag::key).containsExactly("env");
    assertError(() -> elb.addTags(b -> b.resourceArns(lb).tags(t -> t.key("a").value("1"), t -> t.key("a").value("2"))),
        DuplicateTagKeysException.class, "DuplicateTagKeys", "Tag key was specified more than once: a");
  }
}

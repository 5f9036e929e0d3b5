package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.autoscaling.AutoScalingKinds;
import dev.ecsemulator.core.state.StateStore;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Application Auto Scaling under the fuzz: a scalable target on the ECS fixture's service ({@code service/default/fuzz-s},
 * created first since ECS is set up first), a target-tracking policy and a scheduled action on it; valid requests for
 * its main operations, target tracking with predefined and customized metrics and step scaling among them. Read back
 * when every stored target, policy and scheduled action is described.
 */
final class AutoScalingFixture implements ServiceFixture {

  static final String RESOURCE = "service/default/fuzz-s";
  static final String DIMENSION = "ecs:service:DesiredCount";

  private final ObjectMapper json = new ObjectMapper();
  private final Random random;

  AutoScalingFixture(NamePool names, Random random) {
    this.random = random;
    List.of(RESOURCE, "service/fuzz-c/absent").forEach(name -> names.add("scalable-resource", name));
    List.of("fuzz-cpu", "fuzz-step").forEach(name -> names.add("scaling-policy", name));
    names.add("scheduled-action", "fuzz-at");
  }

  @Override
  public List<Call> setUp() {
    return List.of(new Call("RegisterScalableTarget", target(1, 3).toString()),
        new Call("PutScalingPolicy", trackingPolicy("fuzz-cpu", "ECSServiceAverageCPUUtilization").toString()),
        new Call("PutScheduledAction", scheduled("fuzz-at").toString()));
  }

  @Override
  public ObjectNode seed(String operation) {
    return switch (operation) {
      case "RegisterScalableTarget" -> target(random.nextInt(3), 3 + random.nextInt(5));
      case "PutScalingPolicy" -> switch (random.nextInt(3)) {
        case 0 -> trackingPolicy("fuzz-cpu", random.nextBoolean() ? "ECSServiceAverageCPUUtilization"
            : "ECSServiceAverageMemoryUtilization");
        case 1 -> customizedPolicy();
        default -> stepPolicy();
      };
      case "PutScheduledAction" -> scheduled(random.nextBoolean() ? "fuzz-at" : "fuzz-" + random.nextInt(100));
      case "DescribeScalableTargets", "DescribeScalingPolicies", "DescribeScheduledActions",
          "DescribeScalingActivities" -> {
        ObjectNode request = json.createObjectNode().put("ServiceNamespace", "ecs");
        if (random.nextBoolean()) {
          request.put("ScalableDimension", DIMENSION);
          request.putArray("ResourceIds").add(RESOURCE);
        }
        yield request;
      }
      case "DeleteScalingPolicy" -> on(json.createObjectNode().put("PolicyName", "fuzz-step"));
      case "DeleteScheduledAction" -> on(json.createObjectNode().put("ScheduledActionName", "fuzz-at"));
      case "DeregisterScalableTarget" -> on(json.createObjectNode());
      default -> null;
    };
  }

  @Override
  public String kindOf(String member) {
    return switch (member) {
      case "ResourceId", "ResourceIds" -> "scalable-resource";
      case "PolicyName", "PolicyNames" -> "scaling-policy";
      case "ScheduledActionName", "ScheduledActionNames" -> "scheduled-action";
      default -> null;
    };
  }

  @Override
  public void checkReadable(StateStore store, WireClient client, List<String> failures) {
    Reads reads = new Reads(client, failures);
    store.read(EcsFixture.SCOPE, v -> v.list(AutoScalingKinds.TARGET)).forEach(t -> reads.expect200(
        "DescribeScalableTargets", Reads.body("ServiceNamespace", "ecs", "ResourceIds",
            List.of(t.target().resourceId()))));
    store.read(EcsFixture.SCOPE, v -> v.list(AutoScalingKinds.POLICY)).forEach(p -> reads.expect200(
        "DescribeScalingPolicies", Reads.body("ServiceNamespace", "ecs", "ResourceId", p.resourceId(),
            "PolicyNames", List.of(p.policyName()))));
    store.read(EcsFixture.SCOPE, v -> v.list(AutoScalingKinds.SCHEDULED)).forEach(a -> reads.expect200(
        "DescribeScheduledActions", Reads.body("ServiceNamespace", "ecs", "ResourceId", a.action().resourceId(),
            "ScheduledActionNames", List.of(a.action().scheduledActionName()))));
  }

  /** {@code request} naming the fixture's target. */
  private ObjectNode on(ObjectNode request) {
    return request.put("ServiceNamespace", "ecs").put("ScalableDimension", DIMENSION).put("ResourceId", RESOURCE);
  }

  private ObjectNode target(int min, int max) {
    ObjectNode request = on(json.createObjectNode()).put("MinCapacity", min).put("MaxCapacity", max);
    if (random.nextInt(4) == 0) {
      request.putObject("SuspendedState").put("DynamicScalingInSuspended", random.nextBoolean());
    }
    return request;
  }

  private ObjectNode trackingPolicy(String name, String metric) {
    ObjectNode request = on(json.createObjectNode()).put("PolicyName", name)
        .put("PolicyType", "TargetTrackingScaling");
    ObjectNode config = request.putObject("TargetTrackingScalingPolicyConfiguration")
        .put("TargetValue", 10 + random.nextInt(80)).put("ScaleOutCooldown", random.nextInt(600))
        .put("ScaleInCooldown", random.nextInt(600)).put("DisableScaleIn", random.nextInt(4) == 0);
    config.putObject("PredefinedMetricSpecification").put("PredefinedMetricType", metric);
    return request;
  }

  private ObjectNode customizedPolicy() {
    ObjectNode request = on(json.createObjectNode()).put("PolicyName", "fuzz-custom")
        .put("PolicyType", "TargetTrackingScaling");
    ObjectNode config = request.putObject("TargetTrackingScalingPolicyConfiguration").put("TargetValue", 50);
    ObjectNode custom = config.putObject("CustomizedMetricSpecification").put("Namespace", "Fuzz")
        .put("MetricName", "Queue").put("Statistic", "Average");
    custom.putArray("Dimensions").addObject().put("Name", "App").put("Value", "fuzz");
    return request;
  }

  private ObjectNode stepPolicy() {
    ObjectNode request = on(json.createObjectNode()).put("PolicyName", "fuzz-step").put("PolicyType", "StepScaling");
    ObjectNode config = request.putObject("StepScalingPolicyConfiguration")
        .put("AdjustmentType", random.nextBoolean() ? "ChangeInCapacity" : "PercentChangeInCapacity")
        .put("Cooldown", random.nextInt(300)).put("MetricAggregationType", "Average");
    config.putArray("StepAdjustments").addObject().put("MetricIntervalLowerBound", 0).put("ScalingAdjustment", 1);
    return request;
  }

  private ObjectNode scheduled(String name) {
    return on(json.createObjectNode()).put("ScheduledActionName", name)
        .put("Schedule", random.nextBoolean() ? "rate(5 minutes)"
            : "at(" + Instant.now().plusSeconds(3600).toString().substring(0, 19) + ")")
        .set("ScalableTargetAction", json.createObjectNode().put("MinCapacity", 1).put("MaxCapacity", 3));
  }
}

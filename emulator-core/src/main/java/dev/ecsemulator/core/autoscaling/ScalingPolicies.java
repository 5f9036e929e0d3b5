package dev.ecsemulator.core.autoscaling;

import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.POLICY;
import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.TARGET;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.error.InvalidNextTokenException;
import dev.ecsemulator.core.autoscaling.error.ObjectNotFoundException;
import dev.ecsemulator.core.autoscaling.error.ValidationException;
import dev.ecsemulator.core.autoscaling.model.Alarm;
import dev.ecsemulator.core.autoscaling.model.CustomizedMetricSpecification;
import dev.ecsemulator.core.autoscaling.model.DescribeScalingPoliciesRequest;
import dev.ecsemulator.core.autoscaling.model.DescribeScalingPoliciesResponse;
import dev.ecsemulator.core.autoscaling.model.PredefinedMetricSpecification;
import dev.ecsemulator.core.autoscaling.model.PutScalingPolicyRequest;
import dev.ecsemulator.core.autoscaling.model.PutScalingPolicyResponse;
import dev.ecsemulator.core.autoscaling.model.ScalingPolicy;
import dev.ecsemulator.core.autoscaling.model.TargetTrackingMetricDataQuery;
import dev.ecsemulator.core.autoscaling.model.TargetTrackingScalingPolicyConfiguration;
import dev.ecsemulator.core.cloudwatch.CloudWatch;
import dev.ecsemulator.core.cloudwatch.model.Dimension;
import dev.ecsemulator.core.cloudwatch.model.Metric;
import dev.ecsemulator.core.cloudwatch.model.MetricDataQuery;
import dev.ecsemulator.core.cloudwatch.model.MetricStat;
import dev.ecsemulator.core.cloudwatch.model.PutMetricAlarmInput;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PutScalingPolicy, DescribeScalingPolicies and DeleteScalingPolicy. A target-tracking policy creates and owns two
 * CloudWatch alarms, as AWS does: {@code TargetTracking-<resource>-AlarmHigh-<uuid>} (above the target, 3 of 3
 * periods) and {@code -AlarmLow-<uuid>} (below 90 % of it, 15 of 15; none with DisableScaleIn), on the period the
 * emulator publishes metrics at (60 s, as AWS, unless {@code --metrics-period} shortens it). Replacing or deleting the
 * policy, or deregistering its target, deletes them. A step-scaling policy has no alarm of its own: an alarm names
 * its ARN among its actions. Thread-safe.
 */
public final class ScalingPolicies {

  /** The low alarm's threshold as a share of the target, as AWS sets it for ECS. */
  static final double LOW_SHARE = 0.9;

  private final StateStore store;
  private final Clock clock;
  private final CloudWatch cloudWatch;
  private final int alarmPeriod;

  /** @param alarmPeriod the period of target-tracking alarms, in seconds: 60, or the emulator's metrics period */
  ScalingPolicies(StateStore store, Clock clock, CloudWatch cloudWatch, int alarmPeriod) {
    this.store = store;
    this.clock = clock;
    this.cloudWatch = cloudWatch;
    this.alarmPeriod = alarmPeriod;
  }

  static String key(String targetKey, String policyName) {
    return targetKey + "|" + policyName;
  }

  /** PutScalingPolicy: creates or replaces the policy (and, for target tracking, its alarms). */
  public PutScalingPolicyResponse put(Scope scope, PutScalingPolicyRequest request) {
    Targets.checkSupported(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    String type = request.policyType() == null ? "StepScaling" : request.policyType();
    String targetKey = Targets.key(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    check(request, type);
    ScalingPolicy old = store.read(scope, view -> {
      if (view.get(TARGET, targetKey).isEmpty()) {
        throw Targets.noTarget(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
      }
      return view.get(POLICY, key(targetKey, request.policyName())).orElse(null);
    });
    String arn = old != null ? old.policyARN() : Targets.policyArn(scope, request.resourceId(), request.policyName());
    List<Alarm> alarms = type.equals("TargetTrackingScaling")
        ? trackingAlarms(scope, request, arn) : List.of();
    ScalingPolicy policy = ScalingPolicy.builder()
        .policyARN(arn).policyName(request.policyName()).policyType(type)
        .serviceNamespace(request.serviceNamespace()).scalableDimension(request.scalableDimension())
        .resourceId(request.resourceId())
        .stepScalingPolicyConfiguration(request.stepScalingPolicyConfiguration())
        .targetTrackingScalingPolicyConfiguration(request.targetTrackingScalingPolicyConfiguration())
        .alarms(alarms)
        .creationTime(old != null ? old.creationTime() : clock.instant())
        .build();
    boolean saved = store.write(scope, txn -> {
      if (txn.get(TARGET, targetKey).isEmpty()) {
        return false; // deregistered meanwhile
      }
      txn.put(POLICY, key(targetKey, request.policyName()), policy);
      return true;
    });
    if (old != null) {
      removeAlarms(scope, old);
    }
    if (!saved) {
      removeAlarms(scope, policy);
      throw Targets.noTarget(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    }
    return PutScalingPolicyResponse.builder().policyARN(arn).alarms(alarms).build();
  }

  private static void check(PutScalingPolicyRequest request, String type) {
    switch (type) {
      case "TargetTrackingScaling" -> {
        TargetTrackingScalingPolicyConfiguration config = request.targetTrackingScalingPolicyConfiguration();
        if (config == null) {
          throw new ValidationException("TargetTrackingScalingPolicyConfiguration is required for a policy of type "
              + "TargetTrackingScaling."); // wording unverified
        }
        if ((config.predefinedMetricSpecification() == null) == (config.customizedMetricSpecification() == null)) {
          throw new ValidationException("Exactly one of PredefinedMetricSpecification and "
              + "CustomizedMetricSpecification must be specified."); // wording unverified
        }
        PredefinedMetricSpecification predefined = config.predefinedMetricSpecification();
        if (predefined != null) {
          String metric = predefined.predefinedMetricType();
          if (!List.of("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization",
              "ALBRequestCountPerTarget").contains(metric)) {
            throw new ValidationException("Unsupported metric type " + metric + " for service namespace ecs");
          }
          if (metric.equals("ALBRequestCountPerTarget") && predefined.resourceLabel() == null) {
            throw new ValidationException("ResourceLabel is required for the predefined metric type "
                + "ALBRequestCountPerTarget."); // wording unverified
          }
        }
      }
      case "StepScaling" -> {
        if (request.stepScalingPolicyConfiguration() == null) {
          throw new ValidationException("StepScalingPolicyConfiguration is required for a policy of type "
              + "StepScaling."); // wording unverified
        }
      }
      default -> throw new ValidationException("ecs-emulator does not support the policy type " + type
          + " (TargetTrackingScaling and StepScaling are).");
    }
  }

  /** The two alarms of a target-tracking policy, created (or replaced) now. */
  private List<Alarm> trackingAlarms(Scope scope, PutScalingPolicyRequest request, String policyArn) {
    TargetTrackingScalingPolicyConfiguration config = request.targetTrackingScalingPolicyConfiguration();
    String prefix = "TargetTracking-" + request.resourceId() + "-";
    List<Alarm> alarms = new ArrayList<>();
    String resource = request.resourceId();
    alarms.add(trackingAlarm(scope, prefix + "AlarmHigh-" + UUID.randomUUID(), policyArn, config, resource, true));
    if (!Boolean.TRUE.equals(config.disableScaleIn())) {
      alarms.add(trackingAlarm(scope, prefix + "AlarmLow-" + UUID.randomUUID(), policyArn, config, resource, false));
    }
    return alarms;
  }

  private Alarm trackingAlarm(Scope scope, String name, String policyArn,
      TargetTrackingScalingPolicyConfiguration config, String resourceId, boolean high) {
    PutMetricAlarmInput.Builder alarm = PutMetricAlarmInput.builder()
        .alarmName(name)
        .alarmDescription("DO NOT EDIT OR DELETE. For TargetTrackingScaling policy " + policyArn + ".")
        .actionsEnabled(true)
        .alarmActions(List.of(policyArn))
        .evaluationPeriods(high ? 3 : 15)
        .datapointsToAlarm(high ? 3 : 15)
        .threshold(high ? config.targetValue() : config.targetValue() * LOW_SHARE)
        .comparisonOperator(high ? "GreaterThanThreshold" : "LessThanThreshold");
    PredefinedMetricSpecification predefined = config.predefinedMetricSpecification();
    CustomizedMetricSpecification custom = config.customizedMetricSpecification();
    if (predefined != null) {
      String[] resource = resourceId.split("/"); // service/CLUSTER/SERVICE
      switch (predefined.predefinedMetricType()) {
        case "ALBRequestCountPerTarget" -> alarm.namespace("AWS/ApplicationELB").metricName("RequestCountPerTarget")
            .statistic("Sum").dimensions(List.of(new Dimension("TargetGroup", targetGroup(predefined.resourceLabel()))));
        default -> alarm.namespace("AWS/ECS").statistic("Average")
            .metricName(predefined.predefinedMetricType().equals("ECSServiceAverageCPUUtilization")
                ? "CPUUtilization" : "MemoryUtilization")
            .dimensions(List.of(new Dimension("ClusterName", resource[1]), new Dimension("ServiceName", resource[2])));
      }
      alarm.period(alarmPeriod);
    } else if (custom.metrics() != null && !custom.metrics().isEmpty()) {
      alarm.metrics(custom.metrics().stream().map(this::query).toList());
    } else {
      alarm.namespace(custom.namespace()).metricName(custom.metricName()).statistic(custom.statistic())
          .unit(custom.unit()).period(alarmPeriod)
          .dimensions(custom.dimensions() == null ? List.of() : custom.dimensions().stream()
              .map(d -> new Dimension(d.name(), d.value())).toList());
    }
    PutMetricAlarmInput input = alarm.build();
    cloudWatch.alarms().putManaged(scope, input);
    return new Alarm("arn:aws:cloudwatch:" + scope.region() + ":" + scope.accountId() + ":alarm:" + name, name);
  }

  private MetricDataQuery query(TargetTrackingMetricDataQuery q) {
    MetricStat stat = q.metricStat() == null ? null : MetricStat.builder()
        .metric(new Metric(q.metricStat().metric().dimensions() == null ? List.of()
            : q.metricStat().metric().dimensions().stream().map(d -> new Dimension(d.name(), d.value())).toList(),
            q.metricStat().metric().metricName(), q.metricStat().metric().namespace()))
        .period(alarmPeriod).stat(q.metricStat().stat()).unit(q.metricStat().unit()).build();
    return MetricDataQuery.builder().id(q.id()).expression(q.expression()).label(q.label()).metricStat(stat)
        .returnData(q.returnData()).build();
  }

  /** {@code app/LB/ID/targetgroup/TG/ID} → {@code targetgroup/TG/ID}, the TargetGroup dimension. */
  private static String targetGroup(String resourceLabel) {
    int at = resourceLabel.indexOf("targetgroup/");
    return at < 0 ? resourceLabel : resourceLabel.substring(at);
  }

  void removeAlarms(Scope scope, ScalingPolicy policy) {
    if (policy.alarms() != null && "TargetTrackingScaling".equals(policy.policyType())) {
      cloudWatch.alarms().deleteManaged(scope, policy.alarms().stream().map(Alarm::alarmName).toList());
    }
  }

  /** DescribeScalingPolicies, filtered as asked, MaxResults (default 10) a page. */
  public DescribeScalingPoliciesResponse describe(Scope scope, DescribeScalingPoliciesRequest request) {
    Targets.checkSupported(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    List<ScalingPolicy> policies = store.read(scope, view -> view.list(POLICY, p ->
        (request.resourceId() == null || request.resourceId().equals(p.resourceId()))
            && (request.scalableDimension() == null || request.scalableDimension().equals(p.scalableDimension()))
            && (request.policyNames() == null || request.policyNames().isEmpty()
                || request.policyNames().contains(p.policyName()))));
    int max = request.maxResults() == null ? 10 : request.maxResults();
    Paging.Page<ScalingPolicy> page = Paging.after(policies, p -> p.resourceId() + "|" + p.policyName(), max,
        request.nextToken(), () -> new InvalidNextTokenException("Invalid token")); // wording unverified
    return DescribeScalingPoliciesResponse.builder().scalingPolicies(page.items()).nextToken(page.nextToken()).build();
  }

  /** DeleteScalingPolicy, with its alarms. */
  public void delete(Scope scope, String namespace, String dimension, String resourceId, String policyName) {
    Targets.checkSupported(namespace, dimension, resourceId);
    String key = key(Targets.key(namespace, dimension, resourceId), policyName);
    ScalingPolicy removed = store.write(scope, txn -> {
      ScalingPolicy policy = txn.get(POLICY, key).orElseThrow(() -> new ObjectNotFoundException(
          "No scaling policy found for service namespace: " + namespace + ", resource ID: " + resourceId
              + ", scalable dimension: " + dimension + ", policy name: " + policyName));
      txn.remove(POLICY, key);
      return policy;
    });
    removeAlarms(scope, removed);
  }

  /** The policy whose ARN this is, with its target's key; null when there is none. */
  ScalingPolicy byArn(Scope scope, String arn) {
    return store.read(scope, view -> view.list(POLICY, p -> p.policyARN().equals(arn))).stream().findFirst()
        .orElse(null);
  }
}

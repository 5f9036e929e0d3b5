package dev.ecsemulator.core.service;

import dev.ecsemulator.core.elbv2.Elbv2Kinds;
import dev.ecsemulator.core.elbv2.RuleForwards;
import dev.ecsemulator.core.elbv2.TargetGroupUsage;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.error.UnsupportedFeatureException;
import dev.ecsemulator.core.model.AdvancedConfiguration;
import dev.ecsemulator.core.model.CanaryConfiguration;
import dev.ecsemulator.core.model.DeploymentConfiguration;
import dev.ecsemulator.core.model.LinearConfiguration;
import dev.ecsemulator.core.model.LoadBalancer;
import dev.ecsemulator.core.state.StateView;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a BLUE_GREEN, LINEAR or CANARY deployment configuration and of the {@code advancedConfiguration} of
 * the service's load balancers (Model docs of DeploymentConfiguration, LinearConfiguration, CanaryConfiguration and
 * AdvancedConfiguration). The ranges are the model's; the wording of every message is the emulator's own and
 * <b>unverified</b>. Pure.
 */
public final class BlueGreenRules {

  /** Model docs: bake times are "0 to 1440 minutes (24 hours)". */
  public static final int MAX_BAKE_MINUTES = 1440;

  private BlueGreenRules() {}

  /** The strategy's own settings: each only with its strategy, within the model's ranges; no lifecycle hooks. */
  public static void checkConfiguration(DeploymentConfiguration config, boolean daemon) {
    DeploymentStrategy strategy = DeploymentStrategy.of(config);
    if (config.lifecycleHooks() != null && !config.lifecycleHooks().isEmpty()) {
      // Hooks are Lambda functions, which the emulator does not run: refused rather than silently skipped.
      throw new UnsupportedFeatureException("ecs-emulator does not run deployment lifecycle hooks (they are Lambda"
          + " functions); remove lifecycleHooks from the deploymentConfiguration.");
    }
    if (daemon && strategy.shiftsTraffic()) {
      throw new InvalidParameterException("The " + strategy.name()
          + " deployment strategy is not supported for services using the DAEMON scheduling strategy.");
    }
    if (config.linearConfiguration() != null && strategy != DeploymentStrategy.LINEAR) {
      throw new InvalidParameterException("linearConfiguration is only valid when the deployment strategy is LINEAR.");
    }
    if (config.canaryConfiguration() != null && strategy != DeploymentStrategy.CANARY) {
      throw new InvalidParameterException("canaryConfiguration is only valid when the deployment strategy is CANARY.");
    }
    checkMinutes("bakeTimeInMinutes", config.bakeTimeInMinutes());
    LinearConfiguration linear = config.linearConfiguration();
    if (linear != null) {
      checkPercent("linearConfiguration.stepPercent", linear.stepPercent(), 3.0);
      checkMinutes("linearConfiguration.stepBakeTimeInMinutes", linear.stepBakeTimeInMinutes());
    }
    CanaryConfiguration canary = config.canaryConfiguration();
    if (canary != null) {
      checkPercent("canaryConfiguration.canaryPercent", canary.canaryPercent(), 0.1);
      checkMinutes("canaryConfiguration.canaryBakeTimeInMinutes", canary.canaryBakeTimeInMinutes());
    }
  }

  /**
   * With a traffic-shifting strategy, each load balancer with a target group names, in {@code advancedConfiguration},
   * an alternate target group that exists, differs from the primary one and is used by a load balancer, and a
   * production listener rule (and optionally a test one) that exists. Ignored for ROLLING.
   */
  public static void checkLoadBalancers(List<LoadBalancer> loadBalancers, DeploymentConfiguration config,
      StateView view) {
    if (loadBalancers == null || !DeploymentStrategy.of(config).shiftsTraffic()) {
      return;
    }
    Map<String, Set<String>> usage = null;
    for (LoadBalancer lb : loadBalancers) {
      if (lb.targetGroupArn() == null) {
        continue;
      }
      AdvancedConfiguration advanced = lb.advancedConfiguration();
      if (advanced == null || advanced.alternateTargetGroupArn() == null || advanced.productionListenerRule() == null) {
        throw new InvalidParameterException("advancedConfiguration with an alternateTargetGroupArn and a"
            + " productionListenerRule is required for each load balancer of a service using the "
            + config.strategy() + " deployment strategy.");
      }
      String alternate = advanced.alternateTargetGroupArn();
      if (alternate.equals(lb.targetGroupArn())) {
        throw new InvalidParameterException("The alternateTargetGroupArn must differ from the targetGroupArn.");
      }
      if (view.get(Elbv2Kinds.TARGET_GROUP, alternate).isEmpty()) {
        throw new InvalidParameterException(ServiceMessages.targetGroupNotFound(alternate));
      }
      usage = usage == null ? TargetGroupUsage.of(view) : usage;
      if (!usage.containsKey(alternate)) {
        throw new InvalidParameterException(ServiceMessages.targetGroupWithoutLoadBalancer(alternate));
      }
      checkRule(view, "productionListenerRule", advanced.productionListenerRule());
      if (advanced.testListenerRule() != null) {
        checkRule(view, "testListenerRule", advanced.testListenerRule());
      }
    }
  }

  private static void checkRule(StateView view, String member, String ruleArn) {
    if (!RuleForwards.exists(view, ruleArn)) {
      throw new InvalidParameterException("The " + member + " " + ruleArn + " does not exist.");
    }
  }

  private static void checkMinutes(String member, Integer minutes) {
    if (minutes != null && (minutes < 0 || minutes > MAX_BAKE_MINUTES)) {
      throw new InvalidParameterException(member + " must be between 0 and " + MAX_BAKE_MINUTES + " minutes.");
    }
  }

  /** Model docs: "multiples of 0.1 from MIN to 100.0". */
  private static void checkPercent(String member, Double percent, double min) {
    if (percent == null) {
      return;
    }
    double tenths = percent * 10;
    if (percent < min || percent > 100.0 || Math.abs(tenths - Math.rint(tenths)) > 1e-6) {
      throw new InvalidParameterException(member + " must be a multiple of 0.1 from " + min + " to 100.0.");
    }
  }
}

package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.model.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code compatibilities} AWS computes for a registered task definition: the launch types it validates
 * against, whatever {@code requiresCompatibilities} says. Derived from public DescribeTaskDefinition captures
 * (2022-2026), in the order they show:
 *
 * <ul>
 *   <li>EXTERNAL first, for a definition ECS Anywhere can run: not awsvpc (ECS Anywhere supports bridge, host
 *       and none only, aws/aws-cdk#17415) and without a {@code runtimePlatform} (a 2026 capture of two bridge
 *       definitions: the one without runtimePlatform listed EXTERNAL, the one with it did not; the
 *       runtimePlatform part is an inference);
 *   <li>EC2, always;
 *   <li>FARGATE when {@link FargateRules} finds nothing against it (awsvpc definitions with a valid Fargate
 *       size listed it even without requiresCompatibilities);
 *   <li>MANAGED_INSTANCES for awsvpc definitions (every 2026 awsvpc capture lists it, Fargate-sized or not;
 *       no bridge capture does).
 * </ul>
 *
 * Pure.
 */
public final class Compatibilities {

  private Compatibilities() {}

  public static List<String> of(TaskDefinition td) {
    boolean awsvpc = "awsvpc".equals(td.networkMode());
    List<String> out = new ArrayList<>();
    if (!awsvpc && td.runtimePlatform() == null) {
      out.add("EXTERNAL");
    }
    out.add("EC2");
    if (FargateRules.firstViolation(td).isEmpty()) {
      out.add("FARGATE");
    }
    if (awsvpc) {
      out.add("MANAGED_INSTANCES");
    }
    return List.copyOf(out);
  }
}

package dev.ecsemulator.core.service;

/**
 * ECS's wording for EXTERNAL services and task sets. Where a public capture of AWS's answer exists it is cited;
 * the others are the emulator's own, <b>unverified</b>, and listed in docs/differences-from-aws.md.
 */
public final class TaskSetMessages {

  private TaskSetMessages() {}

  /** A task set API on an ECS service (hashicorp/terraform-provider-aws#30347 quotes the CLI's answer). */
  public static final String NOT_EXTERNAL =
      "Amazon ECS only supports task set management on services configured to use external deployment controllers.";

  /** CreateService for EXTERNAL with a task definition (terraform-aws-modules/terraform-aws-ecs#278). */
  public static final String TASK_DEFINITION_MUST_BE_BLANK = "TaskDefinition must be blank";

  /** ECS's quota: 5 task sets per service, DRAINING ones included (aws-samples/ecs-bg-external-controller#6). */
  public static String tooMany(int existing) {
    return existing + " deployments exist on the service. Unable to create new TaskSet since this exceeds the"
        + " maximum limit.";
  }

  /** CreateService for EXTERNAL with a task-set setting; <b>unverified</b>, after {@link #TASK_DEFINITION_MUST_BE_BLANK}. */
  public static String mustBeBlank(String member) {
    return member + " must be blank";
  }

  /** UpdateService of an EXTERNAL service changing what a task set holds; <b>unverified</b>, after ECS's CODE_DEPLOY one. */
  public static String cannotUpdate(String what) {
    return "Unable to update " + what + " on services with a EXTERNAL deployment controller. Create a new task set.";
  }

  /** DAEMON with EXTERNAL (documented in the guide's "External deployment considerations"); <b>unverified</b> wording. */
  public static final String DAEMON =
      "The DAEMON scheduling strategy is not supported for services using the EXTERNAL deployment controller.";

  /** TaskSetNotFoundException; <b>unverified</b> wording. */
  public static final String NOT_FOUND = "The specified task set does not exist.";

  /** Scale outside 0-100 (Model docs of Scale.value: "Accepted values are numbers between 0 and 100"); <b>unverified</b>. */
  public static final String SCALE_RANGE = "Scale value must be between 0 and 100.";

  /** DeleteTaskSet of a set still scaled up, without force (Model docs of force); <b>unverified</b> wording. */
  public static final String SCALED_ABOVE_ZERO = "The task set cannot be deleted while it is scaled above 0.";

  /** UpdateTaskSet or UpdateServicePrimaryTaskSet of a DRAINING set; <b>unverified</b> wording. */
  public static final String DRAINING = "The specified task set is DRAINING.";

  /** CODE_DEPLOY, which the emulator does not run. */
  public static final String CODE_DEPLOY = "ecs-emulator runs the ECS (rolling update) and EXTERNAL deployment"
      + " controllers; the CODE_DEPLOY deployment controller is not emulated.";

  /** UpdateService changing a service's deployment controller, which the emulator does not do. */
  public static final String CONTROLLER_CHANGE = "ecs-emulator does not change a service's deployment controller.";
}

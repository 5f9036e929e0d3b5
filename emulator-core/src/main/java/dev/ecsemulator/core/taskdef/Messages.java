package dev.ecsemulator.core.taskdef;

/**
 * Every message the task definition operations answer with, in one place so each carries its source.
 * "Seen" means the exact text appears in a public capture of a real AWS answer (cited); "moto" means
 * getmoto/moto reproduces it (moto/ecs/exceptions.py, models.py); "ours" means no public capture was found
 * and the wording is the emulator's own, listed in docs/differences-from-aws.md.
 */
final class Messages {

  private Messages() {}

  // --- RegisterTaskDefinition: task level -----------------------------------------------------------

  /** Ours. AWS's wording for a family outside [a-zA-Z0-9_-]{1,255} was not found. */
  static final String FAMILY_INVALID = "Invalid 'family' setting for task. Up to 255 letters (uppercase and "
      + "lowercase), numbers, hyphens, and underscores are allowed.";

  /** Seen: awsdocs/amazon-ecs-developer-guide#149 ("Actual length: '66420'. Max allowed length is '65536' bytes."). */
  static String definitionTooLarge(int actual, int max) {
    return "Actual length: '" + actual + "'. Max allowed length is '" + max + "' bytes.";
  }

  /** Seen: aws/amazon-ecs-cli#184 and #951 ("ClientException: Too many containers."). */
  static final String TOO_MANY_CONTAINERS = "Too many containers.";

  /** Ours. */
  static String tooManyPlacementConstraints(int max) {
    return "Too many placement constraints: a task definition can have at most " + max + ".";
  }

  /** Seen: awsdocs/aws-cloudformation-user-guide#454 (CloudFormation relaying the ClientException). */
  static final String CONTAINER_LIST_EMPTY = "Container list cannot be empty.";

  /**
   * Seen for cpu: Guide task-cpu-memory-error.md ("Invalid 'cpu' setting for task."). The memory
   * variant is ours, by analogy.
   */
  static String invalidTaskSetting(String parameter) {
    return "Invalid '" + parameter + "' setting for task.";
  }

  /** Seen: hashicorp/terraform-provider-aws#29749, sil-org/ecs-deploy#145, moto. */
  static final String UNABLE_TO_DESCRIBE = "Unable to describe task definition.";

  /** Seen: hako#68 (eagletmt/hako, quoting the API). */
  static final String NO_ESSENTIAL_CONTAINER = "Task definition doesn't have any essential container.";

  // --- RegisterTaskDefinition: containers -----------------------------------------------------------

  /** moto (TaskDefinitionMissingPropertyError); the reference ecs-semantics.md §2 lists it. */
  static final String CONTAINER_NAME_MISSING = "Container.name should not be null or empty.";

  /** moto; prefect-aws#159 quotes the same sentence. */
  static final String CONTAINER_IMAGE_MISSING = "Container.image should not be null or empty.";

  /**
   * Seen for containerPort: aws/aws-cli#7288, aws/aws-cdk#8762. Used, by analogy (ours), for every
   * other container-level value out of range.
   */
  static String invalidContainerSetting(String parameter, String container) {
    return "Invalid '" + parameter + "' setting for container '" + container + "'.";
  }

  /** Ours. */
  static String duplicateContainerName(String container) {
    return "Duplicate container name '" + container + "'. Container names must be unique within a task "
        + "definition.";
  }

  /** Seen: sil-org/ecs-deploy#59, aws/aws-cli#4453, moto. */
  static String memoryRequired(String container) {
    return "Invalid setting for container '" + container
        + "'. At least one of 'memory' or 'memoryReservation' must be specified.";
  }

  /** Ours. The rule (memory at least memoryReservation) is from awsdocs/amazon-ecs-developer-guide#242. */
  static String memoryBelowReservation(String container) {
    return "Invalid setting for container '" + container
        + "'. 'memory' must be greater than or equal to 'memoryReservation'.";
  }

  /** Seen: pulumi/pulumi-awsx#1220. */
  static String containerMemoryAboveTask(String container) {
    return "The 'memory' setting for container '" + container + "' is greater than for the task.";
  }

  /** Seen: cloudnativedaysjp/dreamkast-infra#4766. */
  static final String RESERVATION_SUM_ABOVE_TASK =
      "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.";

  /** Quoted by a public preflight rule set as RegisterTaskDefinition's answer; no AWS capture found. */
  static final String CPU_SUM_ABOVE_TASK =
      "The sum of all container 'cpu' values cannot be greater than the task-level 'cpu' value";

  /** Seen for awsvpc: pulumi/pulumi-awsx#935, aws/amazon-ecs-cli#1014. The host variant is by analogy. */
  static String hostPortMismatch(String networkMode) {
    return "When networkMode=" + networkMode + ", the host ports and container ports in port mappings must match.";
  }

  /** Ours, in the form of the awsvpc messages below. */
  static String portMappingsNotSupported(String networkMode) {
    return "Port mappings are not supported when networkMode=" + networkMode + ".";
  }

  /** Ours. */
  static String duplicatePortMapping(String container, int port, String protocol) {
    return "Invalid 'portMappings' setting for container '" + container + "'. Container port " + port + "/"
        + protocol + " is mapped more than once.";
  }

  /** Ours: in awsvpc and host modes all containers of a task share one network stack. */
  static String portUsedTwiceInTask(int port, String protocol, String networkMode) {
    return "Port " + port + "/" + protocol + " is used by more than one container; containers share one network "
        + "stack when networkMode=" + networkMode + ".";
  }

  /** Seen for awsvpc: aws-observability/aws-otel-collector#1359. Other modes by analogy. */
  static String linksNotSupported(String networkMode) {
    return "Links are not supported when networkMode=" + networkMode + ".";
  }

  /** Seen: labd/ecs-deplojo#26. */
  static final String HOSTNAME_NOT_SUPPORTED_AWSVPC = "hostname is not supported on container when networkMode=awsvpc.";

  /** Ours, in the form of the hostname message. */
  static final String EXTRA_HOSTS_NOT_SUPPORTED_AWSVPC =
      "extraHosts is not supported on container when networkMode=awsvpc.";

  /** Ours. Ranges from the model's HealthCheck member docs. */
  static String healthCheckOutOfRange(String container, String field, int min, int max) {
    return "Invalid 'healthCheck' setting for container '" + container + "'. '" + field + "' must be between "
        + min + " and " + max + ".";
  }

  /** Seen, stray "+" included: metaps/hako#99, dagster-io/dagster#6926. */
  static String dependencyMissing(String target) {
    return "Cannot depend on container + '" + target + "' because it does not exist";
  }

  /** Seen: boto/boto3#2436, compose-x/ecs_composex#302. */
  static final String DEPENDENCY_ON_ESSENTIAL =
      "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container";

  /** Ours; the rule is the model's ContainerDependency docs ("requires ... health checks configured"). */
  static final String DEPENDENCY_NEEDS_HEALTH_CHECK =
      "A dependency container with HEALTHY condition must have a health check configured";

  /** Ours. */
  static String dependencyCycle(String container) {
    return "Invalid 'dependsOn' setting for container '" + container + "'. Container dependencies must not form a cycle.";
  }

  /** Ours. */
  static String unknownVolume(String container, String volume) {
    return "Invalid 'mountPoints' setting for container '" + container + "'. The volume '" + volume
        + "' is not defined in the task definition's volumes.";
  }

  /** Ours. */
  static String unknownVolumesFromSource(String container, String source) {
    return "Invalid 'volumesFrom' setting for container '" + container + "'. The container '" + source
        + "' does not exist in the task definition.";
  }

  // --- Fargate --------------------------------------------------------------------------------------

  /** Seen, typographic quotes included: aws/amazon-ecs-cli#1145. */
  static final String FARGATE_NETWORK_MODE = "Fargate only supports network mode \u2018awsvpc\u2019.";

  /** Seen: a Terraform module comment quoting the ClientException; cloudformation-coverage reports. */
  static final String FARGATE_CPU_REQUIRED = "Fargate requires that 'cpu' be defined at the task level.";

  /** Ours, the cpu message's twin. */
  static final String FARGATE_MEMORY_REQUIRED = "Fargate requires that 'memory' be defined at the task level.";

  /** Seen (2024 Terraform capture): "No Fargate configuration exists for given values: 1024 CPU, 1024 memory. ..." */
  static String fargateSize(int cpu, int memory) {
    return "No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
        + " memory. See the Amazon ECS documentation for the valid values.";
  }

  /** Seen: a Terraform configuration comment quoting the ClientException. */
  static final String FARGATE_PLACEMENT_CONSTRAINTS = "Fargate does not support task placement constraints.";

  /** Seen: cn-terraform/terraform-aws-ecs-fargate#2. */
  static final String FARGATE_IPC_MODE = "Tasks using the Fargate launch type do not support ipcMode.";

  /** moto. */
  static String fargatePidMode(String pidMode) {
    return "Tasks using the Fargate launch type do not support pidMode '" + pidMode
        + "'. The supported value for pidMode is 'task'.";
  }

  /**
   * Quoted as RegisterTaskDefinition's answer by a public preflight rule set (the one whose other Fargate quotes
   * below match captures); no AWS capture found: unverified.
   */
  static final String FARGATE_PRIVILEGED = "Fargate requires that the 'privileged' setting be 'false'";

  /**
   * Seen for {@code sourcePath} (a Terraform configuration and a deployment log, both quoting RegisterTaskDefinition)
   * and {@code sharedMemorySize} (a project's troubleshooting notes); for {@code devices},
   * {@code dockerSecurityOptions} and {@code dockerVolumeConfiguration} the same sentence is quoted only by the
   * preflight rule set above: unverified.
   */
  static String fargateUnsupported(String parameter) {
    return "Fargate compatible task definitions do not support " + parameter;
  }

  /**
   * Seen: register-task-definition answers quoted in public projects ("NET_BIND_SERVICE is not allowed on
   * Fargate.", "SETGID is not allowed on Fargate", "SYS_ADMIN is not allowed on Fargate").
   */
  static String fargateCapability(String capability) {
    return capability + " is not allowed on Fargate.";
  }

  /** Seen: virtual-kubelet/virtual-kubelet#193. */
  static final String FARGATE_AWSLOGS_ROLE =
      "Fargate requires task definition to have execution role ARN to support log driver awslogs.";

  /** Seen: aws/aws-cdk#1422 (a CloudFormation deployment's ClientException). */
  static final String FARGATE_AWSLOGS_PREFIX =
      "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.";

  /** Seen: a public Terraform error transcript ("... to support ECR images."). */
  static final String FARGATE_ECR_ROLE =
      "Fargate requires task definition to have execution role ARN to support ECR images.";

  /** Ours. Fargate's log drivers: awslogs, splunk, awsfirelens (model LogConfiguration docs). */
  static String fargateLogDriver(String driver) {
    return driver + " is not a valid log driver for tasks using the Fargate launch type. Must be one of "
        + "[awslogs,splunk,awsfirelens]";
  }

  /**
   * A container with {@code secrets} in a definition without an execution role, whatever the launch type (the
   * definition names none); quoted in fabfuel/ecs-deploy#87 and hashicorp/terraform-provider-aws#6503.
   */
  static final String SECRETS_NEED_EXECUTION_ROLE =
      "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.";

  /** A container with {@code repositoryCredentials} without an execution role; quoted in sil-org/ecs-deploy#188. */
  static final String REPOSITORY_CREDENTIALS_NEED_EXECUTION_ROLE =
      "Private repository authentication requires that the task definition specify a value for executionRoleArn.";

  // --- lookups --------------------------------------------------------------------------------------

  /** moto (RevisionNotFoundException) for DeregisterTaskDefinition of a bare family. */
  static final String REVISION_MISSING = "Revision is missing.";

  /** moto (InvalidParameterException). */
  static String invalidRevision(String revision) {
    return "Invalid revision number. Number: " + revision;
  }

  /** Seen for CreateService: Cloud-CV/EvalAI#2419, remind101/empire#353. */
  static final String TASK_DEFINITION_NOT_FOUND = "TaskDefinition not found.";

  /** Seen for RunTask (InvalidParameterException): DefangLabs/defang#775. */
  static final String TASK_DEFINITION_INACTIVE = "TaskDefinition is inactive";

  // --- DeleteTaskDefinitions (moto; no AWS capture found) -------------------------------------------

  static final String DELETE_INVALID_IDENTIFIER =
      "The specified task definition identifier is invalid. Specify a valid name or ARN and try again.";
  static final String DELETE_NOT_FOUND =
      "The specified task definition does not exist. Specify a valid account, family, revision and try again.";
  static final String DELETE_STILL_ACTIVE =
      "The specified task definition is still in ACTIVE status. Please deregister the target and try again.";
  static final String DELETE_NONE = "size of TaskDefinition references list must be greater than 0";
  static final String DELETE_TOO_MANY = "Size of TaskDefinition references list cannot exceed 10";
}

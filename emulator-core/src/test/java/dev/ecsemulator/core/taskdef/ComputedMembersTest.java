package dev.ecsemulator.core.taskdef;

import static dev.ecsemulator.core.taskdef.Requests.request;
import static dev.ecsemulator.core.taskdef.Requests.task;
import static dev.ecsemulator.core.taskdef.Requests.withContainers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.model.Attribute;
import dev.ecsemulator.core.model.TaskDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code compatibilities} and {@code requiresAttributes} for definitions whose real DescribeTaskDefinition output
 * is public: each test registers the captured input and expects the captured output, attribute order included.
 */
class ComputedMembersTest {

  static final String ECR_IMAGE = "'123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/hands-on:latest'";
  static final String AWSLOGS = "'logConfiguration':{'logDriver':'awslogs','options':{'awslogs-group':'/ecs/app',"
      + "'awslogs-create-group':'true','awslogs-region':'us-east-1','awslogs-stream-prefix':'ecs'}}";

  /** A 2022 JAWS-DAYS hands-on: aws ecs register-task-definition --cli-input-json, input and output published. */
  @Test
  void fargateWithAnEcrImage() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(request("{'family':'ContainerHandsOn',"
        + "'executionRoleArn':'arn:aws:iam::123456789012:role/ecsTaskExecutionRole','networkMode':'awsvpc',"
        + "'containerDefinitions':[{'name':'ContainerHandsOn','image':" + ECR_IMAGE + ","
        + "'portMappings':[{'containerPort':80,'hostPort':80,'protocol':'tcp'}],'essential':true}],"
        + "'requiresCompatibilities':['FARGATE'],'cpu':'256','memory':'512',"
        + "'runtimePlatform':{'cpuArchitecture':'X86_64','operatingSystemFamily':'LINUX'}}"));

    assertThat(names(td)).containsExactly("com.amazonaws.ecs.capability.ecr-auth",
        "ecs.capability.execution-role-ecr-pull", "com.amazonaws.ecs.capability.docker-remote-api.1.18",
        "ecs.capability.task-eni");
    // 2022 output: [EC2, FARGATE]; MANAGED_INSTANCES joined awsvpc definitions in later captures.
    assertThat(td.compatibilities()).containsExactly("EC2", "FARGATE", "MANAGED_INSTANCES");
  }

  /** A 2026 workshop's bridge-mode frontend: no roles, no runtimePlatform, ECR image, awslogs creating its group. */
  @Test
  void bridgeWithoutRoles() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(task("'networkMode':'bridge','cpu':'256','memory':'400',"
            + "'requiresCompatibilities':['EC2']",
        "{'name':'frontend','image':" + ECR_IMAGE + ",'cpu':256,'memory':400,"
            + "'portMappings':[{'containerPort':3000,'hostPort':3000,'protocol':'tcp'}],'essential':true," + AWSLOGS + "}"));

    assertThat(names(td)).containsExactly("com.amazonaws.ecs.capability.logging-driver.awslogs",
        "com.amazonaws.ecs.capability.ecr-auth", "com.amazonaws.ecs.capability.docker-remote-api.1.19",
        "com.amazonaws.ecs.capability.docker-remote-api.1.29");
    assertThat(td.compatibilities()).containsExactly("EXTERNAL", "EC2");
  }

  /** The same workshop's backend: task and execution roles and a runtimePlatform. */
  @Test
  void bridgeWithRoles() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(task("'networkMode':'bridge','cpu':'256','memory':'512',"
            + "'requiresCompatibilities':['EC2'],'taskRoleArn':'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',"
            + "'executionRoleArn':'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',"
            + "'runtimePlatform':{'cpuArchitecture':'X86_64','operatingSystemFamily':'LINUX'}",
        "{'name':'backend','image':" + ECR_IMAGE + ",'cpu':256,'memory':512,"
            + "'portMappings':[{'containerPort':8080,'hostPort':8080,'protocol':'tcp'}],'essential':true," + AWSLOGS + "}"));

    assertThat(names(td)).containsExactly("com.amazonaws.ecs.capability.logging-driver.awslogs",
        "ecs.capability.execution-role-awslogs", "com.amazonaws.ecs.capability.ecr-auth",
        "com.amazonaws.ecs.capability.docker-remote-api.1.19", "com.amazonaws.ecs.capability.task-iam-role",
        "ecs.capability.execution-role-ecr-pull", "com.amazonaws.ecs.capability.docker-remote-api.1.29");
    assertThat(td.compatibilities()).containsExactly("EC2");
  }

  /** A 2026 Fargate agent with a Redis sidecar (memoryReservation) and awslogs: the capture's nine attributes. */
  @Test
  void fargateWithASidecarReservation() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(task("'networkMode':'awsvpc','cpu':'1024','memory':'2048',"
            + "'requiresCompatibilities':['FARGATE'],'executionRoleArn':'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',"
            + "'runtimePlatform':{'cpuArchitecture':'X86_64','operatingSystemFamily':'LINUX'}",
        "{'name':'agent','image':" + ECR_IMAGE + ",'essential':true,'portMappings':[{'containerPort':80}]," + AWSLOGS + "},"
            + "{'name':'redis','image':'redis:latest','essential':false,'memoryReservation':1024,"
            + "'portMappings':[{'containerPort':6379}]," + AWSLOGS + "}"));

    assertThat(names(td)).containsExactly("com.amazonaws.ecs.capability.logging-driver.awslogs",
        "ecs.capability.execution-role-awslogs", "com.amazonaws.ecs.capability.ecr-auth",
        "com.amazonaws.ecs.capability.docker-remote-api.1.19", "com.amazonaws.ecs.capability.docker-remote-api.1.21",
        "ecs.capability.execution-role-ecr-pull", "com.amazonaws.ecs.capability.docker-remote-api.1.18",
        "ecs.capability.task-eni", "com.amazonaws.ecs.capability.docker-remote-api.1.29");
    assertThat(td.compatibilities()).containsExactly("EC2", "FARGATE", "MANAGED_INSTANCES");
  }

  @Test
  void anAwsvpcDefinitionOffTheFargateTableIsNotFargateCompatible() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(task("'networkMode':'awsvpc','cpu':'512','memory':'717'",
        "{'name':'web','image':'busybox'}"));

    assertThat(td.compatibilities()).containsExactly("EC2", "MANAGED_INSTANCES");
  }

  @Test
  void fargateSizedAwsvpcIsFargateCompatibleWithoutAskingForIt() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(task("'networkMode':'awsvpc','cpu':'1024','memory':'3072'",
        "{'name':'web','image':'busybox'}"));

    assertThat(td.compatibilities()).containsExactly("EC2", "FARGATE", "MANAGED_INSTANCES");
  }

  @Test
  void ec2OnlyFeaturesKeepFargateOut() {
    String size = "'networkMode':'awsvpc','cpu':'256','memory':'512'";
    assertThat(TaskDefinitionRegistration.prepare(task(size, "{'name':'web','image':'busybox','privileged':true}"))
        .compatibilities()).doesNotContain("FARGATE");
    assertThat(TaskDefinitionRegistration.prepare(request("{'family':'web'," + size
        + ",'volumes':[{'name':'data','host':{'sourcePath':'/data'}}],'containerDefinitions':[{'name':'web','image':'busybox'}]}"))
        .compatibilities()).doesNotContain("FARGATE");
    assertThat(TaskDefinitionRegistration.prepare(request("{'family':'web'," + size
        + ",'volumes':[{'name':'data','dockerVolumeConfiguration':{'driver':'local'}}],"
        + "'containerDefinitions':[{'name':'web','image':'busybox'}]}"))
        .compatibilities()).doesNotContain("FARGATE");
    assertThat(TaskDefinitionRegistration.prepare(task(size,
        "{'name':'web','image':'busybox','linuxParameters':{'capabilities':{'add':['NET_ADMIN']}}}"))
        .compatibilities()).doesNotContain("FARGATE");
    assertThat(TaskDefinitionRegistration.prepare(task(size,
        "{'name':'web','image':'busybox','linuxParameters':{'capabilities':{'add':['SYS_PTRACE']}}}"))
        .compatibilities()).contains("FARGATE");
  }

  @Test
  void featuresMapToTheirCapabilities() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(request("{'family':'web',"
        + "'executionRoleArn':'arn:aws:iam::1:role/exec',"
        + "'volumes':[{'name':'efs','efsVolumeConfiguration':{'fileSystemId':'fs-1'}}],'containerDefinitions':["
        + "{'name':'web','image':'busybox','memory':64,'healthCheck':{'command':['CMD','true']},"
        + "'repositoryCredentials':{'credentialsParameter':'arn:aws:secretsmanager:us-east-1:1:secret:r'},"
        + "'secrets':[{'name':'A','valueFrom':'arn:aws:ssm:us-east-1:1:parameter/a'},"
        + "{'name':'B','valueFrom':'arn:aws:secretsmanager:us-east-1:1:secret:b'}],"
        + "'dependsOn':[{'containerName':'db','condition':'HEALTHY'}]},"
        + "{'name':'db','image':'busybox','memory':64,'healthCheck':{'command':['CMD','true']}}]}"));

    assertThat(names(td)).containsExactly("ecs.capability.container-health-check",
        "com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager",
        "ecs.capability.secrets.ssm.environment-variables", "ecs.capability.secrets.asm.environment-variables",
        "ecs.capability.efsAuth", "ecs.capability.efs", "com.amazonaws.ecs.capability.docker-remote-api.1.25",
        "ecs.capability.container-ordering");
  }

  @Test
  void aPlainDefinitionNeedsNothing() {
    TaskDefinition td = TaskDefinitionRegistration.prepare(withContainers("{'name':'web','image':'busybox','memory':64}"));

    assertThat(td.requiresAttributes()).isEmpty();
    assertThat(td.compatibilities()).containsExactly("EXTERNAL", "EC2");
  }

  private static List<String> names(TaskDefinition td) {
    return td.requiresAttributes().stream().map(Attribute::name).toList();
  }
}

package dev.ecsemulator.scheduler.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The JSON the ECS agent's task metadata endpoint writes, as Java records: names, order and omissions as
 * the agent's Go structs marshal them (agent {@code ecs-agent/tmds/handlers/v2/response.go},
 * {@code ecs-agent/tmds/handlers/v4/state/response.go}, {@code ecs-agent/tmds/handlers/response/response.go},
 * {@code ecs-agent/credentials/manager.go}). Go's {@code omitempty} is {@link Include#NON_EMPTY} for strings,
 * slices and maps, {@link Include#NON_NULL} for pointers and {@link Include#NON_DEFAULT} for plain numbers;
 * a member without it is always written. Times are strings already in Go's RFC 3339 form ({@link GoJson}).
 * v3 answers use the same records with the v4-only members left null.
 */
public final class MetadataShapes {

  private MetadataShapes() {}

  /** {@code ${ECS_CONTAINER_METADATA_URI_V4}/task}: the v2 task response the v4 one embeds, then v4's members. */
  @JsonPropertyOrder({"Cluster", "TaskARN", "Family", "Revision", "DesiredStatus", "KnownStatus", "Limits",
      "PullStartedAt", "PullStoppedAt", "ExecutionStoppedAt", "AvailabilityZone", "TaskTags", "ContainerInstanceTags",
      "LaunchType", "Errors", "Containers", "VPCID", "ServiceName", "FaultInjectionEnabled"})
  public record TaskResponse(
      @JsonProperty("Cluster") String cluster,
      @JsonProperty("TaskARN") String taskArn,
      @JsonProperty("Family") String family,
      @JsonProperty("Revision") String revision,
      @JsonProperty("DesiredStatus") @JsonInclude(Include.NON_EMPTY) String desiredStatus,
      @JsonProperty("KnownStatus") String knownStatus,
      @JsonProperty("Limits") @JsonInclude(Include.NON_NULL) Limits limits,
      @JsonProperty("PullStartedAt") @JsonInclude(Include.NON_NULL) String pullStartedAt,
      @JsonProperty("PullStoppedAt") @JsonInclude(Include.NON_NULL) String pullStoppedAt,
      @JsonProperty("ExecutionStoppedAt") @JsonInclude(Include.NON_NULL) String executionStoppedAt,
      @JsonProperty("AvailabilityZone") @JsonInclude(Include.NON_EMPTY) String availabilityZone,
      @JsonProperty("TaskTags") @JsonInclude(Include.NON_EMPTY) Map<String, String> taskTags,
      @JsonProperty("ContainerInstanceTags") @JsonInclude(Include.NON_EMPTY) Map<String, String> containerInstanceTags,
      @JsonProperty("LaunchType") @JsonInclude(Include.NON_EMPTY) String launchType,
      @JsonProperty("Containers") @JsonInclude(Include.NON_EMPTY) List<ContainerResponse> containers,
      @JsonProperty("VPCID") @JsonInclude(Include.NON_EMPTY) String vpcId,
      @JsonProperty("ServiceName") @JsonInclude(Include.NON_EMPTY) String serviceName,
      @JsonProperty("FaultInjectionEnabled") @JsonInclude(Include.NON_NULL) Boolean faultInjectionEnabled) {}

  /** One container ({@code ${ECS_CONTAINER_METADATA_URI_V4}}, and each of {@code /task}'s {@code Containers}). */
  @JsonPropertyOrder({"DockerId", "Name", "DockerName", "Image", "ImageID", "Ports", "Labels", "DesiredStatus",
      "KnownStatus", "ExitCode", "Limits", "CreatedAt", "StartedAt", "FinishedAt", "Type", "Health", "Volumes",
      "LogDriver", "LogOptions", "ContainerARN", "Networks"})
  public record ContainerResponse(
      @JsonProperty("DockerId") String dockerId,
      @JsonProperty("Name") String name,
      @JsonProperty("DockerName") String dockerName,
      @JsonProperty("Image") String image,
      @JsonProperty("ImageID") String imageId,
      @JsonProperty("Ports") @JsonInclude(Include.NON_EMPTY) List<Port> ports,
      @JsonProperty("Labels") @JsonInclude(Include.NON_EMPTY) Map<String, String> labels,
      @JsonProperty("DesiredStatus") String desiredStatus,
      @JsonProperty("KnownStatus") String knownStatus,
      @JsonProperty("ExitCode") @JsonInclude(Include.NON_NULL) Integer exitCode,
      @JsonProperty("Limits") Limits limits,
      @JsonProperty("CreatedAt") @JsonInclude(Include.NON_NULL) String createdAt,
      @JsonProperty("StartedAt") @JsonInclude(Include.NON_NULL) String startedAt,
      @JsonProperty("FinishedAt") @JsonInclude(Include.NON_NULL) String finishedAt,
      @JsonProperty("Type") String type,
      @JsonProperty("Health") @JsonInclude(Include.NON_NULL) Health health,
      @JsonProperty("Volumes") @JsonInclude(Include.NON_EMPTY) List<Volume> volumes,
      @JsonProperty("LogDriver") @JsonInclude(Include.NON_EMPTY) String logDriver,
      @JsonProperty("LogOptions") @JsonInclude(Include.NON_EMPTY) Map<String, String> logOptions,
      @JsonProperty("ContainerARN") @JsonInclude(Include.NON_EMPTY) String containerArn,
      @JsonProperty("Networks") @JsonInclude(Include.NON_EMPTY) List<Network> networks) {}

  /** Task limits (CPU in vCPUs) or container limits (CPU in units); each omitted when unset. */
  public record Limits(
      @JsonProperty("CPU") @JsonInclude(Include.NON_NULL) BigDecimal cpu,
      @JsonProperty("Memory") @JsonInclude(Include.NON_NULL) Long memory) {}

  /** A port: {@code HostIp} is v4 only. */
  @JsonPropertyOrder({"ContainerPort", "Protocol", "HostPort", "HostIp"})
  public record Port(
      @JsonProperty("ContainerPort") @JsonInclude(Include.NON_DEFAULT) int containerPort,
      @JsonProperty("Protocol") @JsonInclude(Include.NON_EMPTY) String protocol,
      @JsonProperty("HostPort") @JsonInclude(Include.NON_DEFAULT) int hostPort,
      @JsonProperty("HostIp") @JsonInclude(Include.NON_EMPTY) String hostIp) {}

  /** The container's health, reported only when the task definition has a health check. */
  @JsonPropertyOrder({"status", "statusSince", "exitCode", "output"})
  public record Health(
      @JsonProperty("status") @JsonInclude(Include.NON_EMPTY) String status,
      @JsonProperty("statusSince") @JsonInclude(Include.NON_NULL) String statusSince,
      @JsonProperty("exitCode") @JsonInclude(Include.NON_DEFAULT) int exitCode,
      @JsonProperty("output") @JsonInclude(Include.NON_EMPTY) String output) {}

  /** A mount of the container. */
  @JsonPropertyOrder({"DockerName", "Source", "Destination"})
  public record Volume(
      @JsonProperty("DockerName") @JsonInclude(Include.NON_EMPTY) String dockerName,
      @JsonProperty("Source") @JsonInclude(Include.NON_EMPTY) String source,
      @JsonProperty("Destination") @JsonInclude(Include.NON_EMPTY) String destination) {}

  /**
   * A network of the container. The members after {@code IPv6Addresses} are the v4 endpoint's network
   * interface properties, given for {@code awsvpc} only.
   */
  @JsonPropertyOrder({"NetworkMode", "IPv4Addresses", "IPv6Addresses", "AttachmentIndex", "MACAddress",
      "IPv4SubnetCIDRBlock", "PrivateDNSName", "SubnetGatewayIpv4Address"})
  public record Network(
      @JsonProperty("NetworkMode") @JsonInclude(Include.NON_EMPTY) String networkMode,
      @JsonProperty("IPv4Addresses") @JsonInclude(Include.NON_EMPTY) List<String> ipv4Addresses,
      @JsonProperty("IPv6Addresses") @JsonInclude(Include.NON_EMPTY) List<String> ipv6Addresses,
      @JsonProperty("AttachmentIndex") @JsonInclude(Include.NON_NULL) Integer attachmentIndex,
      @JsonProperty("MACAddress") @JsonInclude(Include.NON_EMPTY) String macAddress,
      @JsonProperty("IPv4SubnetCIDRBlock") @JsonInclude(Include.NON_EMPTY) String ipv4SubnetCidrBlock,
      @JsonProperty("PrivateDNSName") @JsonInclude(Include.NON_EMPTY) String privateDnsName,
      @JsonProperty("SubnetGatewayIpv4Address") @JsonInclude(Include.NON_EMPTY) String subnetGatewayIpv4Address) {

    /** A network as the v3 endpoint and non-awsvpc tasks show it: mode and addresses only. */
    public static Network plain(String mode, List<String> ipv4, List<String> ipv6) {
      return new Network(mode, ipv4, ipv6, null, null, null, null, null);
    }
  }

  /** The credentials handler's answer (agent {@code IAMRoleCredentials}). */
  @JsonPropertyOrder({"RoleArn", "AccessKeyId", "SecretAccessKey", "Token", "Expiration"})
  public record Credentials(
      @JsonProperty("RoleArn") String roleArn,
      @JsonProperty("AccessKeyId") String accessKeyId,
      @JsonProperty("SecretAccessKey") String secretAccessKey,
      @JsonProperty("Token") String token,
      @JsonProperty("Expiration") String expiration) {}

  /**
   * The credentials handler's error (agent {@code handlersutils.ErrorMessage}): its {@code HTTPErrorCode}
   * member has no JSON tag, so Go writes it under its field name.
   */
  @JsonPropertyOrder({"code", "message", "HTTPErrorCode"})
  public record CredentialsError(
      @JsonProperty("code") String code,
      @JsonProperty("message") String message,
      @JsonProperty("HTTPErrorCode") int httpErrorCode) {}
}

package dev.ecsemulator.junit;

import java.util.Set;

/**
 * Which types the extension fills from the AWS SDK v2, decided by name alone: nothing here loads an SDK class, so
 * asking about a type never fails on a classpath without the SDK.
 */
final class SdkTypes {

  private static final String SERVICES = "software.amazon.awssdk.services.";
  /** The SDK packages of the services on the emulator's endpoint. */
  static final Set<String> SERVED = Set.of("ecs", "secretsmanager", "ssm", "cloudwatchlogs", "elasticloadbalancingv2");
  private static final String REGION = "software.amazon.awssdk.regions.Region";

  private SdkTypes() {
  }

  /** Whether {@code type} is a client of a served service, e.g. {@code EcsClient} or {@code SsmAsyncClient}. */
  static boolean isClient(Class<?> type) {
    String name = type.getName();
    if (!type.isInterface() || !name.startsWith(SERVICES) || !name.endsWith("Client")) {
      return false;
    }
    String rest = name.substring(SERVICES.length());
    int dot = rest.indexOf('.');
    return dot > 0 && rest.indexOf('.', dot + 1) < 0 && SERVED.contains(rest.substring(0, dot));
  }

  static boolean isRegion(Class<?> type) {
    return type.getName().equals(REGION);
  }
}

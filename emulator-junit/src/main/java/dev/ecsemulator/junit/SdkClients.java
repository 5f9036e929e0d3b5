package dev.ecsemulator.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * AWS SDK v2 clients of the services the emulator serves, built from the test's own SDK. Every SDK type is reached
 * from here only, and this class is loaded only when a test asks for such a type ({@link SdkTypes} decides that by
 * name): a test classpath without the SDK, or without one service's module, never fails for want of it. Clients are
 * built through their static {@code builder()}, so no service module is needed to compile this.
 */
final class SdkClients {

  private SdkClients() {
  }

  static Object region(String name) {
    return Region.of(name);
  }

  /** Where clients go and who they say they are. */
  record Target(java.net.URI endpoint, String region, String accessKeyId, String secretAccessKey) {}

  /** A new client of {@code type} for the emulator; the caller closes it. */
  static <C> C build(Class<C> type, Target target) {
    if (!SdkTypes.isClient(type)) {
      throw new IllegalArgumentException(type.getName()
          + " is not an AWS SDK v2 client of a service the emulator serves ("
          + String.join(", ", SdkTypes.SERVED) + ")");
    }
    Object builder;
    try {
      Method factory = type.getMethod("builder");
      if (!Modifier.isStatic(factory.getModifiers())) {
        throw new IllegalArgumentException(type.getName() + " has no static builder()");
      }
      builder = factory.invoke(null);
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IllegalArgumentException(type.getName() + " has no public static builder()", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot build a " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
    }
    configure((AwsClientBuilder<?, ?>) builder, target);
    return type.cast(((SdkBuilder<?, ?>) builder).build());
  }

  /**
   * Points {@code builder} at the emulator: endpoint, region and static credentials. The HTTP client is the SDK's
   * choice.
   */
  static <B extends AwsClientBuilder<?, ?>> B configure(B builder, Target target) {
    builder.endpointOverride(target.endpoint());
    builder.region(Region.of(target.region()));
    builder.credentialsProvider(StaticCredentialsProvider.create(
        AwsBasicCredentials.create(target.accessKeyId(), target.secretAccessKey())));
    return builder;
  }
}

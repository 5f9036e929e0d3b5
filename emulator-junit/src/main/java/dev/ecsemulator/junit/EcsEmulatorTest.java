package dev.ecsemulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Runs the class's tests against an in-process ecs-emulator: ephemeral, on a free loopback port, running tasks as
 * containers on the local Docker engine. Test method parameters and {@link FromEmulator} fields of type
 * {@code EcsClient} (and the other clients of the endpoint's services that the test's classpath has),
 * {@link java.net.URI} (the endpoint), {@code Region} or {@link EcsEmulator} are filled in.
 *
 * <pre>{@code
 * @EcsEmulatorTest
 * class ClusterTest {
 *   @Test
 *   void createsACluster(EcsClient ecs) {
 *     ecs.createCluster(b -> b.clusterName("demo"));
 *     assertEquals(1, ecs.listClusters().clusterArns().size());
 *   }
 * }
 * }</pre>
 *
 * <p>The classes that use it never run at the same time as each other (a {@link ResourceLock}), since a reset would
 * pull resources from under another class's test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EcsEmulatorExtension.class)
@ResourceLock(EcsEmulatorExtension.RESOURCE_LOCK)
public @interface EcsEmulatorTest {

  /** Which classes share one emulator: by default every class of the JVM with the same {@link #options()}. */
  EmulatorScope scope() default EmulatorScope.JVM;

  /** When the emulator is emptied: by default after each test, pass or fail. */
  Reset reset() default Reset.AFTER_EACH_TEST;

  /** The region the injected clients sign for. */
  String region() default "us-east-1";

  /** The account in ARNs (12 digits): the injected clients use it as their access key. */
  String accountId() default "000000000000";

  /**
   * More options of the emulator, as {@code java -jar ecs-emulator.jar} takes them, e.g.
   * {@code {"--instance-memory", "2048"}}. The extension's own ({@code --port 0 --bind 127.0.0.1 --ephemeral
   * --data-dir ...}) come first; do not change them.
   */
  String[] options() default {};
}

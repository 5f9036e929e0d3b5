package dev.ecsemulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field the extension fills before the tests of its class run: an AWS SDK v2 client of a service on the
 * endpoint ({@code EcsClient}, {@code SecretsManagerClient}, {@code SsmClient}, {@code CloudWatchLogsClient},
 * {@code ElasticLoadBalancingV2Client}, or an async form; each only if its SDK module is on the test's classpath),
 * {@link java.net.URI} (the endpoint), {@code software.amazon.awssdk.regions.Region}, or
 * {@link EcsEmulator}. Static fields are filled once per class, others in every test instance. Clients are shared by
 * the class and closed after it: do not close them yourself. Test method parameters of these types need no
 * annotation.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FromEmulator {
}

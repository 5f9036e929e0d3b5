package dev.ecsemulator.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A test run once with each AWS CLI these machines may have, its name the method's only parameter: {@code aws} on the
 * PATH (v1 from pip) and {@code /usr/bin/aws} (v2 from Debian). Pair it with {@link AwsCli#installed}, which skips a
 * CLI that is not there.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ValueSource(strings = {"aws", "/usr/bin/aws"})
public @interface EachAwsCli {}

package dev.ecsemulator.core.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.ssm.error.AccessDeniedException;
import dev.ecsemulator.core.ssm.error.HierarchyLevelLimitExceededException;
import dev.ecsemulator.core.ssm.error.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterNamesTest {

  static final Scope SCOPE = new Scope("123456789012", "us-east-2");

  @Test
  void aOneLevelNameIsTheSameParameterWithOrWithoutItsLeadingSlash() {
    assertThat(ParameterNames.canonical("/TestParam1")).isEqualTo("TestParam1");
    assertThat(ParameterNames.canonical("TestParam1")).isEqualTo("TestParam1");
    assertThat(ParameterNames.canonical("/Test/TestParam1")).isEqualTo("/Test/TestParam1");
  }

  @Test
  void anArnNeverHasADoubleSlash() {
    assertThat(ParameterNames.arn(SCOPE, "/Dev/DBServer/MySQL/db-string13"))
        .isEqualTo("arn:aws:ssm:us-east-2:123456789012:parameter/Dev/DBServer/MySQL/db-string13");
    assertThat(ParameterNames.arn(SCOPE, "ExampleParameterName"))
        .isEqualTo("arn:aws:ssm:us-east-2:123456789012:parameter/ExampleParameterName")
        .as("the API reference's example of 65 characters").hasSize(65);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MyParameter1", "/MyParameter2", "/Dev/Production/East/Project-ABC/MyParameter",
      "a_b.c-d", "/Level-1/L2/L3/L4/L5/L6/L7/L8/L9/L10/L11/L12/L13/L14/parameter-name", "Awesome", "/app/ssmlike"})
  void validNamesAreAccepted(String name) {
    assertThat(ParameterNames.requireValidNew(SCOPE, name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MyParameter3/L1", "/a//b", "/a/b/", "/", "a b", "name:1", "/x/user@example.com",
      "arn:aws:ssm:us-east-2:123456789012:parameter/x", "/ssm/x", "/SSM/x"})
  void invalidNamesAreValidationExceptions(String name) {
    assertThatThrownBy(() -> ParameterNames.requireValidNew(SCOPE, name))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Parameter name: can't be prefixed with");
  }

  @ParameterizedTest
  @ValueSource(strings = {"awsTestParameter", "SSM-testparameter", "/aws", "/Ssm-thing"})
  void reservedPrefixesWithoutAPathAreRefused(String name) {
    assertThatThrownBy(() -> ParameterNames.requireValidNew(SCOPE, name)).isInstanceOf(ValidationException.class)
        .hasMessage("Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
  }

  @Test
  void theAwsNamespaceIsAccessDenied() {
    assertThatThrownBy(() -> ParameterNames.requireValidNew(SCOPE, "/aws/service/ami"))
        .isInstanceOf(AccessDeniedException.class).hasMessage("No access to reserved parameter name: /aws/service/ami.");
  }

  @Test
  void sixteenLevelsAreTooMany() {
    assertThatThrownBy(() -> ParameterNames.requireValidNew(SCOPE,
        "/L1/L2/L3/L4/L5/L6/L7/L8/L9/L10/L11/L12/L13/L14/L15/name"))
        .isInstanceOf(HierarchyLevelLimitExceededException.class);
    assertThat(ParameterNames.levels("/a/b/c")).isEqualTo(3);
    assertThat(ParameterNames.levels("a")).isEqualTo(1);
  }

  @Test
  void theLengthLimitCountsTheArnBeforeTheName() {
    int available = 1011 - "arn:aws:ssm:us-east-2:123456789012:parameter/".length();
    assertThat(ParameterNames.requireValidNew(SCOPE, "n".repeat(available))).hasSize(available);
    assertThatThrownBy(() -> ParameterNames.requireValidNew(SCOPE, "n".repeat(available + 1)))
        .isInstanceOf(ValidationException.class);
    assertThat(ParameterNames.requireValidNew(SCOPE, "/" + "n".repeat(available))).as("the slash is not in the ARN")
        .hasSize(available + 1);
  }

  @Test
  void readsResolveNamesArnsAndSelectors() {
    assertThat(ParameterNames.resolve(SCOPE, "/app/url:3")).contains(new ParameterNames.Reference("/app/url", "3"));
    assertThat(ParameterNames.resolve(SCOPE, " name:prod ")).contains(new ParameterNames.Reference("name", "prod"));
    assertThat(ParameterNames.resolve(SCOPE, "arn:aws:ssm:us-east-2:123456789012:parameter/app/url:prod"))
        .contains(new ParameterNames.Reference("/app/url", "prod"));
    assertThat(ParameterNames.resolve(SCOPE, "arn:aws:ssm:us-east-2:123456789012:parameter/root"))
        .contains(new ParameterNames.Reference("root", null));
    assertThat(ParameterNames.resolve(SCOPE, "arn:aws:ssm:eu-west-1:123456789012:parameter/root")).isEmpty();
    assertThat(ParameterNames.resolve(SCOPE, "arn:aws:secretsmanager:us-east-2:123456789012:secret:x")).isEmpty();
    assertThat(ParameterNames.resolve(SCOPE, "name:")).isEmpty();
    assertThat(ParameterNames.resolve(SCOPE, "name:a:b")).isEmpty();
    assertThat(ParameterNames.resolve(SCOPE, "x@y")).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> ParameterNames.resolve(SCOPE, "app/url")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ParameterNames.resolve(SCOPE, "/app/my url")).isInstanceOf(ValidationException.class);
  }

  @Test
  void aParametersPathIsItsNameWithoutTheLastLevel() {
    assertThat(ParameterNames.parentPath("/a/b/c")).isEqualTo("/a/b");
    assertThat(ParameterNames.parentPath("/a")).isEqualTo("/");
    assertThat(ParameterNames.parentPath("a")).isEqualTo("/");
  }

  @Test
  void versionKeysSortByNumberWithinTheirParameter() {
    assertThat(ParameterNames.versionKey("/a", 9)).isLessThan(ParameterNames.versionKey("/a", 10))
        .startsWith(ParameterNames.versionsPrefix("/a"));
    assertThat(ParameterNames.versionKey("/ab", 1)).doesNotStartWith(ParameterNames.versionsPrefix("/a"));
  }
}

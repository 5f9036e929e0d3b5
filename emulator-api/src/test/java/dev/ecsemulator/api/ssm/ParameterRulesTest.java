package dev.ecsemulator.api.ssm;

import static dev.ecsemulator.api.ssm.SsmAssertions.assertSsmError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.HierarchyLevelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.InvalidAllowedPatternException;
import software.amazon.awssdk.services.ssm.model.ParameterPatternMismatchException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.Tag;
import software.amazon.awssdk.services.ssm.model.UnsupportedOperationException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

/** PutParameter's rules (names, tiers, sizes, patterns, data types) and SSM's error answers, through the SDK. */
class ParameterRulesTest {

  @RegisterExtension
  static final SsmExtension SSM = new SsmExtension();
  static final SsmClient ssm = SSM.client();
  static final TestEmulator emulator = SSM.emulator();
  static final ObjectMapper JSON = new ObjectMapper();

  static final String INVALID_NAME = "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as"
      + " a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of"
      + " letters, numbers and the following 3 symbols .-_";

  static void put(String name, String value) {
    SSM.put(name, value, ParameterType.STRING);
  }

  static void assertValidation(Runnable call, String message) {
    assertSsmError(call, ValidationException.class, "ValidationException", message);
  }

  @Test
  void namesBreakingAwsRulesAreRefusedWithAwsWording() {
    for (String name : new String[] {"smpt/support", "/myPrefix/xmpt/support@gmail.com", "/a//b", "/a/b/",
        "has space", "/ssm/x"}) {
      assertValidation(() -> put(name, "v"), INVALID_NAME);
    }
    assertValidation(() -> put("awsTestParameter", "v"),
        "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
    assertValidation(() -> put("SSM-testparameter", "v"),
        "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).");
    assertSsmError(() -> put("/aws/testparam1", "v"), AccessDeniedException.class, "AccessDeniedException",
        "No access to reserved parameter name: /aws/testparam1.");
    assertThat(ssm.describeParameters().parameters()).isEmpty();
  }

  @Test
  void spacesAroundANameAreDroppedAndSpacesInsideItRefused() {
    put("  /app/trimmed  ", "v");

    assertThat(ssm.getParameter(b -> b.name("/app/trimmed")).parameter().name()).isEqualTo("/app/trimmed");
    assertThat(ssm.getParameter(b -> b.name(" /app/trimmed ")).parameter().value()).isEqualTo("v");
    assertValidation(() -> ssm.getParameter(b -> b.name("/app/trim med")), INVALID_NAME);
    assertValidation(() -> ssm.deleteParameter(b -> b.name("/app/trim med")), INVALID_NAME);
  }

  @Test
  void aHierarchyHasAtMostFifteenLevels() {
    put("/Level-1/L2/L3/L4/L5/L6/L7/L8/L9/L10/L11/L12/L13/L14/parameter-name", "deepest");

    assertSsmError(() -> put("/Level-1/L2/L3/L4/L5/L6/L7/L8/L9/L10/L11/L12/L13/L14/L15/parameter-name", "v"),
        HierarchyLevelLimitExceededException.class, "HierarchyLevelLimitExceededException",
        "A hierarchy can have a maximum of 15 levels.");
  }

  @Test
  void aNameIsAtMost1011CharactersCountingItsArn() {
    String arnPrefix = "arn:aws:ssm:us-east-1:000000000000:parameter/";
    String longest = "/" + "n".repeat(1011 - arnPrefix.length());
    put(longest, "v");

    assertValidation(() -> put(longest + "x", "v"), "Parameter name: the fully qualified name, including the"
        + " characters of its ARN that precede it (arn:aws:ssm:REGION:ACCOUNT:parameter/), can have at most 1011"
        + " characters.");
  }

  @Test
  void aNewParameterNeedsAType() {
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/untyped").value("v")),
        "A parameter type is required when you create a parameter.");
  }

  @Test
  void modelConstraintsAreValidationExceptionsWithLowerCamelMemberNames() {
    // AWS quotes the list too ("Value '[1, 2, ...]' at 'names'"); the protocol's validator does not.
    assertThatThrownBy(() -> ssm.getParameters(b -> b.names("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .startsWith("1 validation error detected: Value")
            .endsWith("at 'names' failed to satisfy constraint: Member must have length less than or equal to 10"));
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/t").value("v").type("Text")),
        "1 validation error detected: Value 'Text' at 'type' failed to satisfy constraint: Member must satisfy enum"
            + " value set: [String, StringList, SecureString]");
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/t").value("").type(ParameterType.STRING)),
        "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1.");
  }

  @Test
  void tagsAndOverwriteAreRefusedTogether() {
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/tagged").value("v").type(ParameterType.STRING)
        .overwrite(true).tags(Tag.builder().key("team").value("a").build())),
        "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove"
            + " overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or"
            + " RemoveTagsFromResource.");
  }

  @Test
  void keyIdIsForSecureStringsOnly() {
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/k").value("v").type(ParameterType.STRING)
        .keyId("alias/custom")), "KeyId is required for SecureString type parameter only.");
    ssm.putParameter(b -> b.name("/app/k").value("v").type(ParameterType.SECURE_STRING).keyId("alias/custom"));

    assertThat(ssm.describeParameters().parameters().get(0).keyId()).isEqualTo("alias/custom");
  }

  @Test
  void theValueMustMatchTheAllowedPatternOfThisAndLaterVersions() {
    ssm.putParameter(b -> b.name("/MyService/Test/MaxConnections").value("100").allowedPattern("\\d{1,4}")
        .type(ParameterType.STRING));

    assertSsmError(() -> ssm.putParameter(b -> b.name("/MyService/Test/MaxConnections").value("10,000")
        .type(ParameterType.STRING).overwrite(true)), ParameterPatternMismatchException.class,
        "ParameterPatternMismatchException", "Parameter value, cannot be validated against allowedPattern: \\d{1,4}");
    assertSsmError(() -> ssm.putParameter(b -> b.name("/app/p").value("v").type(ParameterType.STRING)
        .allowedPattern("([a-z")), InvalidAllowedPatternException.class, "InvalidAllowedPatternException",
        "The request doesn't meet the regular expression requirement.");
    assertThat(ssm.getParameter(b -> b.name("/MyService/Test/MaxConnections")).parameter().version()).isEqualTo(1L);
  }

  @Test
  void valuesAreAtMost4KbStandardAnd8KbAdvanced() {
    String fourKb = "x".repeat(4096);
    String over = "x".repeat(4097);
    put("/app/four", fourKb);

    assertValidation(() -> put("/app/over", over), "Standard tier parameters support a maximum parameter value of"
        + " 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter"
        + " tier. For more information, see"
        + " https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html");
    assertThat(ssm.putParameter(b -> b.name("/app/over").value(over).type(ParameterType.STRING)
        .tier(ParameterTier.ADVANCED)).tier()).isEqualTo(ParameterTier.ADVANCED);
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/huge").value("x".repeat(8193))
        .type(ParameterType.STRING).tier(ParameterTier.ADVANCED)),
        "Advanced tier parameters support a maximum parameter value of 8192 characters.");
  }

  @Test
  void intelligentTieringPicksTheTierAndAdvancedIsNeverDowngraded() {
    assertThat(ssm.putParameter(b -> b.name("/app/small").value("v").type(ParameterType.STRING)
        .tier(ParameterTier.INTELLIGENT_TIERING)).tier()).isEqualTo(ParameterTier.STANDARD);
    assertThat(ssm.putParameter(b -> b.name("/app/big").value("x".repeat(5000)).type(ParameterType.STRING)
        .tier(ParameterTier.INTELLIGENT_TIERING)).tier()).isEqualTo(ParameterTier.ADVANCED);

    assertThat(ssm.putParameter(b -> b.name("/app/big").value("small now").overwrite(true)).tier())
        .as("a version without Tier keeps the parameter's").isEqualTo(ParameterTier.ADVANCED);
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/big").value("v").overwrite(true)
        .tier(ParameterTier.STANDARD)), "This parameter uses the advanced-parameter tier. You can't downgrade a"
        + " parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete"
        + " the advanced parameter and recreate it as a standard parameter.");
  }

  @Test
  void policiesNeedTheAdvancedTierAndAreAnsweredPending() {
    String policies = "[{\"Type\":\"Expiration\",\"Version\":\"1.0\",\"Attributes\":{\"Timestamp\":"
        + "\"2030-06-30T00:00:00.000Z\"}}]";
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/expiring").value("v").type(ParameterType.STRING)
        .policies(policies)), "Standard tier parameters can't be configured to use parameter policies. To use"
        + " parameter policies, upgrade the parameter to use the advanced-parameter tier.");

    ssm.putParameter(b -> b.name("/app/expiring").value("v").type(ParameterType.STRING).policies(policies)
        .tier(ParameterTier.ADVANCED));

    var policy = ssm.describeParameters().parameters().get(0).policies().get(0);
    assertThat(policy.policyType()).isEqualTo("Expiration");
    assertThat(policy.policyStatus()).isEqualTo("Pending");
    assertThat(policy.policyText()).isEqualTo(policies.substring(1, policies.length() - 1));
  }

  @Test
  void dataTypesAreTextAndEc2ImageAndNoOther() {
    ssm.putParameter(b -> b.name("/app/ami").value("ami-12345abcdeEXAMPLE").type(ParameterType.STRING)
        .dataType("aws:ec2:image"));

    assertThat(ssm.getParameter(b -> b.name("/app/ami")).parameter().dataType()).isEqualTo("aws:ec2:image");
    assertValidation(() -> ssm.putParameter(b -> b.name("/app/x").value("v").type(ParameterType.STRING)
        .dataType("Text")), "The following data type is not supported: Text (Data type names are all lowercase.)");
  }

  @Test
  void anOperationOfTheModelNotImplementedIsUnsupportedOperationException() {
    assertSsmError(() -> ssm.listDocuments(), UnsupportedOperationException.class, "UnsupportedOperationException",
        "ecs-emulator does not implement the SSM operation ListDocuments yet: it implements Parameter Store. See the"
            + " README for the supported operations.");
  }

  @Test
  void errorsAreAwsJsonWithTheMessageMemberTheModelNames() throws Exception {
    HttpResponse<String> notFound = emulator.post("AmazonSSM.GetParameter", "{\"Name\":\"/none\"}");
    HttpResponse<String> empty = emulator.post("AmazonSSM.GetParameters", "{\"Names\":[]}");

    assertThat(notFound.statusCode()).isEqualTo(400);
    assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    JsonNode body = JSON.readTree(notFound.body());
    assertThat(body.path("__type").asText()).isEqualTo("ParameterNotFound");
    assertThat(body.has("message")).isTrue();
    JsonNode validation = JSON.readTree(empty.body());
    assertThat(validation.path("__type").asText()).isEqualTo("ValidationException");
    assertThat(validation.path("Message").asText()).startsWith("1 validation error detected: Value")
        .endsWith("at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1");
  }

  @Test
  void healthListsSsmWithItsImplementedOperations() throws Exception {
    JsonNode ssmHealth = JSON.readTree(emulator.get("/_emulator/health").body()).path("services").path("ssm");

    assertThat(ssmHealth.path("targetPrefix").asText()).isEqualTo("AmazonSSM");
    assertThat(ssmHealth.path("inModel").asInt()).isEqualTo(146);
    assertThat(ssmHealth.path("implemented").asInt()).isEqualTo(13);
  }
}

package dev.ecsemulator.api.ssm;

import static dev.ecsemulator.api.ssm.SsmAssertions.assertSsmError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.TestEmulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/** PutParameter, GetParameter(s) and DeleteParameter(s) through the real AWS SDK v2 SsmClient. */
class ParameterStoreTest {

  @RegisterExtension
  static final SsmExtension SSM = new SsmExtension();
  static final SsmClient ssm = SSM.client();
  static final TestEmulator emulator = SSM.emulator();

  @Test
  void aStringParameterIsReadBackAsPut() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    PutParameterResponse put = SSM.put("/app/prod/db-host", "db.internal", ParameterType.STRING);

    assertThat(put.version()).isEqualTo(1L);
    assertThat(put.tier()).isEqualTo(ParameterTier.STANDARD);
    Parameter parameter = ssm.getParameter(b -> b.name("/app/prod/db-host")).parameter();
    assertThat(parameter.name()).isEqualTo("/app/prod/db-host");
    assertThat(parameter.type()).isEqualTo(ParameterType.STRING);
    assertThat(parameter.value()).isEqualTo("db.internal");
    assertThat(parameter.version()).isEqualTo(1L);
    assertThat(parameter.arn()).isEqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/app/prod/db-host");
    assertThat(parameter.dataType()).isEqualTo("text");
    assertThat(parameter.selector()).isNull();
    assertThat(parameter.lastModifiedDate()).isBetween(before, Instant.now());
  }

  @Test
  void aNameWithoutPathHasItsArnWithOneSlashAndIsTheSameParameterWithALeadingSlash() {
    SSM.put("MyParameter", "one", ParameterType.STRING);

    assertThat(ssm.getParameter(b -> b.name("MyParameter")).parameter().arn())
        .isEqualTo("arn:aws:ssm:us-east-1:000000000000:parameter/MyParameter");
    assertThat(ssm.getParameter(b -> b.name("/MyParameter")).parameter().value()).isEqualTo("one");
    assertSsmError(() -> SSM.put("/MyParameter", "two", ParameterType.STRING), ParameterAlreadyExistsException.class,
        "ParameterAlreadyExists",
        "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
  }

  @Test
  void overwriteMakesANewVersionAndKeepsWhatItLeavesOut() {
    ssm.putParameter(b -> b.name("/app/limit").value("10").type(ParameterType.STRING).description("The limit")
        .allowedPattern("\\d+"));

    PutParameterResponse second = ssm.putParameter(b -> b.name("/app/limit").value("20").overwrite(true));

    assertThat(second.version()).isEqualTo(2L);
    Parameter latest = ssm.getParameter(b -> b.name("/app/limit")).parameter();
    assertThat(latest.value()).isEqualTo("20");
    assertThat(latest.type()).isEqualTo(ParameterType.STRING);
    var metadata = ssm.describeParameters().parameters().get(0);
    assertThat(metadata.description()).isEqualTo("The limit");
    assertThat(metadata.allowedPattern()).isEqualTo("\\d+");
    assertThat(ssm.getParameter(b -> b.name("/app/limit:1")).parameter().value()).isEqualTo("10");
  }

  @Test
  void aSecureStringIsAnsweredAsCiphertextUnlessDecrypted() {
    SSM.put("/app/db-password", "hunter2", ParameterType.SECURE_STRING);

    String encrypted = ssm.getParameter(b -> b.name("/app/db-password")).parameter().value();
    assertThat(encrypted).startsWith("AQICAH").doesNotContain("hunter2");
    assertThat(new String(Base64.getDecoder().decode(encrypted), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("hunter2");
    assertThat(ssm.getParameter(b -> b.name("/app/db-password")).parameter().value())
        .as("the same ciphertext each time").isEqualTo(encrypted);
    Parameter decrypted = ssm.getParameter(b -> b.name("/app/db-password").withDecryption(true)).parameter();
    assertThat(decrypted.value()).isEqualTo("hunter2");
    assertThat(decrypted.type()).isEqualTo(ParameterType.SECURE_STRING);
    assertThat(ssm.describeParameters().parameters().get(0).keyId()).isEqualTo("alias/aws/ssm");
  }

  @Test
  void aStringListIsAnsweredAsGivenAndWithDecryptionIsIgnoredForIt() {
    SSM.put("/app/zones", "a,b,c", ParameterType.STRING_LIST);

    Parameter parameter = ssm.getParameter(b -> b.name("/app/zones").withDecryption(true)).parameter();
    assertThat(parameter.type()).isEqualTo(ParameterType.STRING_LIST);
    assertThat(parameter.value()).isEqualTo("a,b,c");
  }

  @Test
  void versionAndLabelSelectorsPickAVersionAndAreAnsweredAsSelector() {
    SSM.put("/app/flag", "v1", ParameterType.STRING);
    ssm.putParameter(b -> b.name("/app/flag").value("v2").overwrite(true));
    ssm.putParameter(b -> b.name("/app/flag").value("v3").overwrite(true));
    ssm.labelParameterVersion(b -> b.name("/app/flag").parameterVersion(2L).labels("stable"));

    Parameter byVersion = ssm.getParameter(b -> b.name("/app/flag:1")).parameter();
    assertThat(byVersion.value()).isEqualTo("v1");
    assertThat(byVersion.name()).isEqualTo("/app/flag");
    assertThat(byVersion.selector()).isEqualTo(":1");
    Parameter byLabel = ssm.getParameter(b -> b.name("/app/flag:stable")).parameter();
    assertThat(byLabel.value()).isEqualTo("v2");
    assertThat(byLabel.version()).isEqualTo(2L);
    assertThat(byLabel.selector()).isEqualTo(":stable");
    assertSsmError(() -> ssm.getParameter(b -> b.name("/app/flag:7")), ParameterVersionNotFoundException.class,
        "ParameterVersionNotFound",
        "Systems Manager could not find version 7 of /app/flag. Verify the version and try again.");
    assertSsmError(() -> ssm.getParameter(b -> b.name("/app/flag:nolabel")), ParameterNotFoundException.class,
        "ParameterNotFound", "");
  }

  @Test
  void aParameterIsReadByItsArnWithOrWithoutASelector() {
    SSM.put("/app/url", "https://example.com", ParameterType.STRING);
    SSM.put("root-level", "r", ParameterType.STRING);

    String arn = "arn:aws:ssm:us-east-1:000000000000:parameter/app/url";
    assertThat(ssm.getParameter(b -> b.name(arn)).parameter().value()).isEqualTo("https://example.com");
    assertThat(ssm.getParameter(b -> b.name(arn + ":1")).parameter().selector()).isEqualTo(":1");
    assertThat(ssm.getParameter(b -> b.name("arn:aws:ssm:us-east-1:000000000000:parameter/root-level"))
        .parameter().value()).isEqualTo("r");
    assertSsmError(() -> ssm.getParameter(b -> b.name("arn:aws:ssm:eu-west-1:000000000000:parameter/app/url")),
        ParameterNotFoundException.class, "ParameterNotFound", "");
  }

  @Test
  void getParametersAnswersFoundOnesAlphabeticallyAndTheRestAsInvalid() {
    SSM.put("/b/second", "2", ParameterType.STRING);
    SSM.put("/a/first", "1", ParameterType.STRING);
    SSM.put("/c/secure", "s3cret", ParameterType.SECURE_STRING);

    GetParametersResponse response = ssm.getParameters(b -> b.names("/b/second", "/missing", "/a/first",
        "/a/first:9", "/c/secure").withDecryption(true));

    assertThat(response.parameters()).extracting(Parameter::name).containsExactly("/a/first", "/b/second",
        "/c/secure");
    assertThat(response.parameters()).extracting(Parameter::value).containsExactly("1", "2", "s3cret");
    assertThat(response.invalidParameters()).containsExactly("/missing", "/a/first:9");
    assertThat(ssm.getParameters(b -> b.names("/a/first")).invalidParameters()).isEmpty();
  }

  @Test
  void aMissingParameterIsParameterNotFoundWithoutAMessage() {
    assertSsmError(() -> ssm.getParameter(b -> b.name("/nothing/here")), ParameterNotFoundException.class,
        "ParameterNotFound", "");
    assertSsmError(() -> ssm.deleteParameter(b -> b.name("/nothing/here")), ParameterNotFoundException.class,
        "ParameterNotFound", "");
  }

  @Test
  void deleteRemovesEveryVersionAndANewParameterOfTheNameStartsAtVersionOne() {
    SSM.put("/app/temp", "1", ParameterType.STRING);
    ssm.putParameter(b -> b.name("/app/temp").value("2").overwrite(true));

    ssm.deleteParameter(b -> b.name("/app/temp"));

    assertSsmError(() -> ssm.getParameter(b -> b.name("/app/temp:1")), ParameterNotFoundException.class,
        "ParameterNotFound", "");
    assertThat(SSM.put("/app/temp", "new", ParameterType.STRING).version()).isEqualTo(1L);
    assertThat(ssm.getParameterHistory(b -> b.name("/app/temp")).parameters()).hasSize(1);
  }

  @Test
  void deleteParametersDeletesTheOnesThatExistAndNamesTheOthers() {
    SSM.put("/x/one", "1", ParameterType.STRING);
    SSM.put("/x/two", "2", ParameterType.STRING);

    DeleteParametersResponse response = ssm.deleteParameters(b -> b.names("/x/one", "/x/none", "/x/two"));

    assertThat(response.deletedParameters()).containsExactly("/x/one", "/x/two");
    assertThat(response.invalidParameters()).containsExactly("/x/none");
    assertThat(ssm.describeParameters().parameters()).isEmpty();
  }

  @Test
  void parametersAreKeptPerAccountAndRegion() {
    SSM.put("/app/region", "us-east-1", ParameterType.STRING);
    try (SsmClient europe = emulator.sdk(SsmClient.builder(), Region.EU_WEST_1, "test");
        SsmClient otherAccount = emulator.sdk(SsmClient.builder(), Region.US_EAST_1, "123456789012")) {
      europe.putParameter(b -> b.name("/app/region").value("eu-west-1").type(ParameterType.STRING));

      assertThat(europe.getParameter(b -> b.name("/app/region")).parameter().arn())
          .isEqualTo("arn:aws:ssm:eu-west-1:000000000000:parameter/app/region");
      assertThat(europe.getParameter(b -> b.name("/app/region")).parameter().value()).isEqualTo("eu-west-1");
      assertSsmError(() -> otherAccount.getParameter(b -> b.name("/app/region")), ParameterNotFoundException.class,
          "ParameterNotFound", "");
    }
    assertThat(ssm.getParameter(b -> b.name("/app/region")).parameter().value()).isEqualTo("us-east-1");
  }
}

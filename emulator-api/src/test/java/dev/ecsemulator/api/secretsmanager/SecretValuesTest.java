package dev.ecsemulator.api.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Secret values and their versions through the real AWS SDK v2 SecretsManagerClient. */
class SecretValuesTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final SecretsManagerClient secrets = emulator.sdk(SecretsManagerClient.builder());

  static final String TOKEN_1 = "11111111-1111-4111-8111-111111111111";
  static final String TOKEN_2 = "22222222-2222-4222-8222-222222222222";
  static final String TOKEN_3 = "33333333-3333-4333-8333-333333333333";

  @AfterAll
  static void close() {
    secrets.close();
  }

  static void assertError(Runnable call, Class<? extends SecretsManagerException> type, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(type, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }

  @Test
  void aSecretIsReadByNameFullArnAndPartialArn() {
    CreateSecretResponse created = secrets.createSecret(b -> b.name("web/db-password").secretString("hunter2")
        .description("The database password").kmsKeyId("alias/custom"));

    assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:web/db-password-"
        + "[A-Za-z0-9]{6}");
    assertThat(created.name()).isEqualTo("web/db-password");
    assertThat(created.versionId()).isNotBlank();
    String partialArn = created.arn().substring(0, created.arn().length() - 7);
    for (String id : List.of("web/db-password", created.arn(), partialArn)) {
      GetSecretValueResponse value = secrets.getSecretValue(b -> b.secretId(id));
      assertThat(value.secretString()).as(id).isEqualTo("hunter2");
      assertThat(value.arn()).isEqualTo(created.arn());
      assertThat(value.name()).isEqualTo("web/db-password");
      assertThat(value.versionId()).isEqualTo(created.versionId());
      assertThat(value.versionStages()).containsExactly("AWSCURRENT");
      assertThat(value.createdDate()).isNotNull();
    }
  }

  @Test
  void aFullArnOfASecretCreatedAgainUnderTheSameNameFindsNothing() {
    String first = secrets.createSecret(b -> b.name("again").secretString("1")).arn();
    secrets.deleteSecret(b -> b.secretId("again").forceDeleteWithoutRecovery(true));
    String second = secrets.createSecret(b -> b.name("again").secretString("2")).arn();

    assertThat(second).isNotEqualTo(first);
    assertError(() -> secrets.getSecretValue(b -> b.secretId(first)), ResourceNotFoundException.class,
        "Secrets Manager can't find the specified secret.");
    assertThat(secrets.getSecretValue(b -> b.secretId(second)).secretString()).isEqualTo("2");
  }

  @Test
  void aBinarySecretComesBackAsItsBytes() {
    byte[] bytes = {0, 1, 2, (byte) 0xff, 42};
    secrets.createSecret(b -> b.name("keystore").secretBinary(SdkBytes.fromByteArray(bytes)));

    GetSecretValueResponse value = secrets.getSecretValue(b -> b.secretId("keystore"));

    assertThat(value.secretBinary().asByteArray()).isEqualTo(bytes);
    assertThat(value.secretString()).isNull();
  }

  @Test
  void createSecretIsIdempotentForItsClientRequestToken() {
    CreateSecretResponse first = secrets.createSecret(b -> b.name("token").secretString("v").clientRequestToken(TOKEN_1));
    CreateSecretResponse again = secrets.createSecret(b -> b.name("token").secretString("v").clientRequestToken(TOKEN_1));

    assertThat(again.arn()).isEqualTo(first.arn());
    assertThat(again.versionId()).isEqualTo(TOKEN_1);
    assertError(() -> secrets.createSecret(b -> b.name("token").secretString("other").clientRequestToken(TOKEN_1)),
        ResourceExistsException.class, "You can't use ClientRequestToken " + TOKEN_1
            + " because that value is already in use for a version of secret " + first.arn() + ".");
    assertError(() -> secrets.createSecret(b -> b.name("token").secretString("v")),
        ResourceExistsException.class, "The operation failed because the secret token already exists.");
  }

  @Test
  void putSecretValueMovesTheLabelsAsAwsDoes() {
    secrets.createSecret(b -> b.name("rotating").secretString("one").clientRequestToken(TOKEN_1));
    var second = secrets.putSecretValue(b -> b.secretId("rotating").secretString("two").clientRequestToken(TOKEN_2));
    secrets.putSecretValue(b -> b.secretId("rotating").secretString("three").clientRequestToken(TOKEN_3));

    assertThat(second.versionId()).isEqualTo(TOKEN_2);
    assertThat(second.versionStages()).containsExactly("AWSCURRENT");
    assertThat(secrets.describeSecret(b -> b.secretId("rotating")).versionIdsToStages()).isEqualTo(Map.of(
        TOKEN_2, List.of("AWSPREVIOUS"), TOKEN_3, List.of("AWSCURRENT")));
    assertThat(secrets.getSecretValue(b -> b.secretId("rotating")).secretString()).isEqualTo("three");
    assertThat(secrets.getSecretValue(b -> b.secretId("rotating").versionStage("AWSPREVIOUS")).secretString())
        .isEqualTo("two");
    assertThat(secrets.getSecretValue(b -> b.secretId("rotating").versionId(TOKEN_1)).secretString())
        .as("a deprecated version is still readable by its ID").isEqualTo("one");
    assertThat(secrets.listSecretVersionIds(b -> b.secretId("rotating")).versions())
        .extracting(SecretVersionsListEntry::versionId).containsExactly(TOKEN_2, TOKEN_3);
    assertThat(secrets.listSecretVersionIds(b -> b.secretId("rotating").includeDeprecated(true)).versions())
        .extracting(SecretVersionsListEntry::versionId).containsExactly(TOKEN_1, TOKEN_2, TOKEN_3);
  }

  @Test
  void explicitVersionStagesLeaveAwsCurrentWhereItIs() {
    secrets.createSecret(b -> b.name("canary").secretString("stable").clientRequestToken(TOKEN_1));
    var staged = secrets.putSecretValue(b -> b.secretId("canary").secretString("candidate")
        .clientRequestToken(TOKEN_2).versionStages("canary-test"));
    secrets.putSecretValue(b -> b.secretId("canary").secretString("later").clientRequestToken(TOKEN_3)
        .versionStages("canary-test"));

    assertThat(staged.versionStages()).containsExactly("canary-test");
    assertThat(secrets.getSecretValue(b -> b.secretId("canary")).secretString()).isEqualTo("stable");
    assertThat(secrets.getSecretValue(b -> b.secretId("canary").versionStage("canary-test")).secretString())
        .isEqualTo("later");
    assertThat(secrets.describeSecret(b -> b.secretId("canary")).versionIdsToStages()).isEqualTo(Map.of(
        TOKEN_1, List.of("AWSCURRENT"), TOKEN_3, List.of("canary-test")));
  }

  @Test
  void aRepeatedPutWithItsTokenChangesNothingAndAnotherValueIsRefused() {
    String arn = secrets.createSecret(b -> b.name("put-twice").secretString("one")).arn();
    secrets.putSecretValue(b -> b.secretId("put-twice").secretString("two").clientRequestToken(TOKEN_2));
    var again = secrets.putSecretValue(b -> b.secretId("put-twice").secretString("two").clientRequestToken(TOKEN_2));

    assertThat(again.versionId()).isEqualTo(TOKEN_2);
    assertThat(secrets.describeSecret(b -> b.secretId("put-twice")).versionIdsToStages()).hasSize(2);
    assertError(() -> secrets.putSecretValue(b -> b.secretId("put-twice").secretString("else")
        .clientRequestToken(TOKEN_2)), ResourceExistsException.class, "You can't use ClientRequestToken "
        + TOKEN_2 + " because that value is already in use for a version of secret " + arn + ".");
  }

  @Test
  void updateSecretChangesMetadataAloneOrMakesANewVersion() {
    String first = secrets.createSecret(b -> b.name("updated").secretString("one").description("before"))
        .versionId();

    var metadata = secrets.updateSecret(b -> b.secretId("updated").description("after").kmsKeyId("alias/k"));
    assertThat(metadata.versionId()).isNull();
    var described = secrets.describeSecret(b -> b.secretId("updated"));
    assertThat(described.description()).isEqualTo("after");
    assertThat(described.kmsKeyId()).isEqualTo("alias/k");
    assertThat(described.versionIdsToStages()).isEqualTo(Map.of(first, List.of("AWSCURRENT")));

    var value = secrets.updateSecret(b -> b.secretId("updated").secretString("two"));
    assertThat(value.versionId()).isNotEqualTo(first);
    assertThat(secrets.getSecretValue(b -> b.secretId("updated")).secretString()).isEqualTo("two");
    assertThat(secrets.describeSecret(b -> b.secretId("updated")).versionIdsToStages()).isEqualTo(Map.of(
        first, List.of("AWSPREVIOUS"), value.versionId(), List.of("AWSCURRENT")));
  }

  @Test
  void updateSecretVersionStageMovesAwsCurrentBackAndAwsPreviousWithIt() {
    secrets.createSecret(b -> b.name("rollback").secretString("one").clientRequestToken(TOKEN_1));
    secrets.putSecretValue(b -> b.secretId("rollback").secretString("two").clientRequestToken(TOKEN_2));

    assertError(() -> secrets.updateSecretVersionStage(b -> b.secretId("rollback").versionStage("AWSCURRENT")
        .moveToVersionId(TOKEN_1)), InvalidParameterException.class,
        "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version "
            + TOKEN_2 + ", so you must explicitly reference that version in RemoveFromVersionId.");
    secrets.updateSecretVersionStage(b -> b.secretId("rollback").versionStage("AWSCURRENT")
        .removeFromVersionId(TOKEN_2).moveToVersionId(TOKEN_1));

    assertThat(secrets.describeSecret(b -> b.secretId("rollback")).versionIdsToStages()).isEqualTo(Map.of(
        TOKEN_1, List.of("AWSCURRENT"), TOKEN_2, List.of("AWSPREVIOUS")));
    assertThat(secrets.getSecretValue(b -> b.secretId("rollback")).secretString()).isEqualTo("one");
  }

  @Test
  void versionsThatCannotBeFoundAreAwsErrors() {
    secrets.createSecret(b -> b.name("versions").secretString("one").clientRequestToken(TOKEN_1));

    assertError(() -> secrets.getSecretValue(b -> b.secretId("nope")), ResourceNotFoundException.class,
        "Secrets Manager can't find the specified secret.");
    assertError(() -> secrets.getSecretValue(b -> b.secretId("versions").versionStage("AWSPREVIOUS")),
        ResourceNotFoundException.class,
        "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS");
    assertError(() -> secrets.getSecretValue(b -> b.secretId("versions").versionId(TOKEN_2)),
        ResourceNotFoundException.class,
        "Secrets Manager can't find the specified secret value for VersionId: " + TOKEN_2);
    assertError(() -> secrets.getSecretValue(b -> b.secretId("versions").versionId(TOKEN_1).versionStage("other")),
        InvalidRequestException.class, "You provided a VersionStage that is not associated to the provided VersionId.");
  }

  @Test
  void aSecretWithoutValueHasNoCurrentVersion() {
    CreateSecretResponse created = secrets.createSecret(b -> b.name("empty"));

    assertThat(created.versionId()).isNull();
    assertError(() -> secrets.getSecretValue(b -> b.secretId("empty")), ResourceNotFoundException.class,
        "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT");
    assertThat(secrets.describeSecret(b -> b.secretId("empty")).hasVersionIdsToStages()).isFalse();
  }

  @Test
  void badValuesAreRefusedAsAwsRefusesThem() {
    assertError(() -> secrets.createSecret(b -> b.name("both").secretString("s")
        .secretBinary(SdkBytes.fromUtf8String("b"))), InvalidParameterException.class,
        "You can't specify both a binary secret value and a string secret value in the same secret.");
    assertThatThrownBy(() -> secrets.createSecret(b -> b.name("bad name!")))
        .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid name. Must be a valid name containing "
              + "alphanumeric characters, or any of the following: -/_+=.@!");
        });
    assertThatThrownBy(() -> secrets.getSecretValue(b -> b.secretId("x").versionId("AWSCURRENT")))
        .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'AWSCURRENT' at "
              + "'versionId' failed to satisfy constraint: Member must have length greater than or equal to 32");
        });
    assertThat(secrets.listSecrets().secretList()).as("nothing half-made").isEmpty();
  }

  @Test
  void aRequestWithoutTheRequiredSecretIdIsAValidationExceptionWithAwsBody() {
    HttpResponse<String> response = emulator.post("secretsmanager.GetSecretValue", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"__type\":\"ValidationException\",\"Message\":\"1 validation error "
        + "detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null\"}");
  }

  @Test
  void readingAValueRecordsTheDayItWasRead() {
    secrets.createSecret(b -> b.name("read").secretString("v"));
    assertThat(secrets.describeSecret(b -> b.secretId("read")).lastAccessedDate()).isNull();

    Instant before = Instant.now().truncatedTo(ChronoUnit.DAYS);
    secrets.getSecretValue(b -> b.secretId("read"));
    Instant after = Instant.now().truncatedTo(ChronoUnit.DAYS);

    assertThat(secrets.describeSecret(b -> b.secretId("read")).lastAccessedDate()).isIn(before, after);
    assertThat(secrets.listSecretVersionIds(b -> b.secretId("read")).versions().get(0).lastAccessedDate())
        .isIn(before, after);
  }

  @Test
  void secretsAreSeparatePerRegionAndAccount() {
    secrets.createSecret(b -> b.name("scoped").secretString("east"));
    try (SecretsManagerClient west = emulator.sdk(SecretsManagerClient.builder(), Region.US_WEST_2, "test");
        SecretsManagerClient other = emulator.sdk(SecretsManagerClient.builder(), Region.US_EAST_1, "111122223333")) {
      assertError(() -> west.getSecretValue(b -> b.secretId("scoped")), ResourceNotFoundException.class,
          "Secrets Manager can't find the specified secret.");
      assertThat(other.createSecret(b -> b.name("scoped").secretString("mine")).arn())
          .startsWith("arn:aws:secretsmanager:us-east-1:111122223333:secret:scoped-");
    }
    assertThat(secrets.getSecretValue(b -> b.secretId("scoped")).secretString()).isEqualTo("east");
  }
}

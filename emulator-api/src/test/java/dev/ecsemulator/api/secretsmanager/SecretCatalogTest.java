package dev.ecsemulator.api.secretsmanager;

import static dev.ecsemulator.api.secretsmanager.SecretValuesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** Describing, listing, batch reads, tags, deletion and restore through the real AWS SDK v2 SecretsManagerClient. */
class SecretCatalogTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final SecretsManagerClient secrets = emulator.sdk(SecretsManagerClient.builder());

  static final String MARKED = "You can't perform this operation on the secret because it was marked for deletion.";

  @AfterAll
  static void close() {
    secrets.close();
  }

  static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  static Filter filter(FilterNameStringType key, String... values) {
    return Filter.builder().key(key).values(values).build();
  }

  static List<String> names(ListSecretsResponse response) {
    return response.secretList().stream().map(SecretListEntry::name).toList();
  }

  @Test
  void describeShowsTheSecretWithoutItsValue() {
    Instant before = Instant.now();
    String arn = secrets.createSecret(b -> b.name("described").secretString("v").description("Some words")
        .kmsKeyId("alias/mine").tags(tag("env", "prod"))).arn();

    DescribeSecretResponse described = secrets.describeSecret(b -> b.secretId(arn));

    assertThat(described.arn()).isEqualTo(arn);
    assertThat(described.name()).isEqualTo("described");
    assertThat(described.description()).isEqualTo("Some words");
    assertThat(described.kmsKeyId()).isEqualTo("alias/mine");
    assertThat(described.tags()).containsExactly(tag("env", "prod"));
    assertThat(described.createdDate()).isBetween(before.minusMillis(1), Instant.now());
    assertThat(described.lastChangedDate()).isEqualTo(described.createdDate());
    assertThat(described.lastAccessedDate()).isNull();
    assertThat(described.deletedDate()).isNull();
    assertThat(described.versionIdsToStages()).hasSize(1);
    assertThat(described.toString()).doesNotContain("\"v\"");
  }

  @Test
  void listSecretsFiltersAsTheApiReferenceDescribes() {
    secrets.createSecret(b -> b.name("prod/db").description("Database Password").tags(tag("team", "core")));
    secrets.createSecret(b -> b.name("prod/api-key").tags(tag("team", "edge"), tag("cost", "low")));
    secrets.createSecret(b -> b.name("dev/db").description("scratch"));

    assertThat(names(list(filter(FilterNameStringType.NAME, "prod/")))).containsExactly("prod/db", "prod/api-key");
    assertThat(names(list(filter(FilterNameStringType.NAME, "Prod/")))).as("name is case-sensitive").isEmpty();
    assertThat(names(list(filter(FilterNameStringType.DESCRIPTION, "database")))).containsExactly("prod/db");
    assertThat(names(list(filter(FilterNameStringType.TAG_KEY, "co")))).containsExactly("prod/api-key");
    assertThat(names(list(filter(FilterNameStringType.TAG_VALUE, "core", "edge"))))
        .containsExactly("prod/db", "prod/api-key");
    assertThat(names(list(filter(FilterNameStringType.NAME, "!prod")))).containsExactly("dev/db");
    assertThat(names(list(filter(FilterNameStringType.ALL, "DB")))).containsExactly("prod/db", "dev/db");
    assertThat(names(list(filter(FilterNameStringType.ALL, "password data")))).containsExactly("prod/db");
    assertThat(names(list(filter(FilterNameStringType.NAME, "prod"), filter(FilterNameStringType.TAG_KEY, "team"))))
        .as("every filter must match").containsExactly("prod/db", "prod/api-key");
    assertThat(names(list(filter(FilterNameStringType.PRIMARY_REGION, "us-east")))).hasSize(3);
  }

  private static ListSecretsResponse list(Filter... filters) {
    return secrets.listSecrets(b -> b.filters(filters));
  }

  @Test
  void listSecretsPagesInCreationOrderEitherWay() {
    for (int i = 1; i <= 5; i++) {
      String name = "page-" + i;
      secrets.createSecret(b -> b.name(name));
    }
    List<String> ascending = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListSecretsResponse page = secrets.listSecrets(b -> b.maxResults(2).nextToken(next));
      assertThat(page.secretList()).hasSizeLessThanOrEqualTo(2);
      ascending.addAll(names(page));
      token = page.nextToken();
    } while (token != null);

    assertThat(ascending).containsExactly("page-1", "page-2", "page-3", "page-4", "page-5");
    assertThat(names(secrets.listSecrets(b -> b.sortOrder("desc").maxResults(2))))
        .containsExactly("page-5", "page-4");
    assertThat(names(secrets.listSecrets(b -> b.sortBy("name").sortOrder("desc").maxResults(1))))
        .containsExactly("page-5");
    assertError(() -> secrets.listSecrets(b -> b.nextToken("!!not-ours!!")), InvalidNextTokenException.class,
        "The NextToken value is invalid.");
  }

  @Test
  void aSecretScheduledForDeletionIsDescribedButNotReadAndCanBeRestored() {
    String arn = secrets.createSecret(b -> b.name("doomed").secretString("v")).arn();
    Instant before = Instant.now();

    DeleteSecretResponse deleted = secrets.deleteSecret(b -> b.secretId("doomed"));

    assertThat(deleted.arn()).isEqualTo(arn);
    assertThat(deleted.name()).isEqualTo("doomed");
    assertThat(deleted.deletionDate()).isBetween(before.plus(Duration.ofDays(30)).minusMillis(1),
        Instant.now().plus(Duration.ofDays(30)));
    assertError(() -> secrets.getSecretValue(b -> b.secretId("doomed")), InvalidRequestException.class, MARKED);
    assertError(() -> secrets.putSecretValue(b -> b.secretId("doomed").secretString("w")),
        InvalidRequestException.class, MARKED);
    assertError(() -> secrets.deleteSecret(b -> b.secretId("doomed")), InvalidRequestException.class, MARKED);
    assertError(() -> secrets.createSecret(b -> b.name("doomed").secretString("new")), InvalidRequestException.class,
        "You can't create this secret because a secret with this name is already scheduled for deletion.");
    assertThat(secrets.describeSecret(b -> b.secretId("doomed")).deletedDate()).isEqualTo(deleted.deletionDate());
    assertThat(names(secrets.listSecrets())).doesNotContain("doomed");
    assertThat(names(secrets.listSecrets(b -> b.includePlannedDeletion(true)))).contains("doomed");

    assertThat(secrets.restoreSecret(b -> b.secretId(arn)).arn()).isEqualTo(arn);
    assertThat(secrets.getSecretValue(b -> b.secretId("doomed")).secretString()).isEqualTo("v");
    assertThat(secrets.describeSecret(b -> b.secretId("doomed")).deletedDate()).isNull();
  }

  @Test
  void theRecoveryWindowIsSevenToThirtyDaysAndExcludesForcing() {
    secrets.createSecret(b -> b.name("window").secretString("v"));

    String range = "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).";
    assertError(() -> secrets.deleteSecret(b -> b.secretId("window").recoveryWindowInDays(6L)),
        InvalidParameterException.class, range);
    assertError(() -> secrets.deleteSecret(b -> b.secretId("window").recoveryWindowInDays(31L)),
        InvalidParameterException.class, range);
    assertError(() -> secrets.deleteSecret(b -> b.secretId("window").recoveryWindowInDays(0L)
        .forceDeleteWithoutRecovery(true)), InvalidParameterException.class, range);
    assertError(() -> secrets.deleteSecret(b -> b.secretId("window").recoveryWindowInDays(7L)
        .forceDeleteWithoutRecovery(true)), InvalidParameterException.class,
        "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
    assertThat(secrets.getSecretValue(b -> b.secretId("window")).secretString()).as("nothing was deleted")
        .isEqualTo("v");

    Instant before = Instant.now();
    assertThat(secrets.deleteSecret(b -> b.secretId("window").recoveryWindowInDays(7L)).deletionDate())
        .isBetween(before.plus(Duration.ofDays(7)).minusMillis(1), Instant.now().plus(Duration.ofDays(7)));
  }

  @Test
  void forcedDeletionIsImmediateAndSucceedsForASecretThatIsNotThere() {
    secrets.createSecret(b -> b.name("forced").secretString("v"));
    secrets.deleteSecret(b -> b.secretId("forced"));

    secrets.deleteSecret(b -> b.secretId("forced").forceDeleteWithoutRecovery(true));

    assertError(() -> secrets.describeSecret(b -> b.secretId("forced")), ResourceNotFoundException.class,
        "Secrets Manager can't find the specified secret.");
    assertThat(secrets.deleteSecret(b -> b.secretId("never-was").forceDeleteWithoutRecovery(true)).name())
        .isEqualTo("never-was");
    assertError(() -> secrets.deleteSecret(b -> b.secretId("never-was")), ResourceNotFoundException.class,
        "Secrets Manager can't find the specified secret.");
    assertThat(secrets.createSecret(b -> b.name("forced").secretString("again")).name()).isEqualTo("forced");
  }

  @Test
  void batchGetSecretValueReadsAListWithErrorsOrWhatFiltersMatch() {
    secrets.createSecret(b -> b.name("batch/a").secretString("A"));
    secrets.createSecret(b -> b.name("batch/b").secretString("B"));
    secrets.createSecret(b -> b.name("batch/c").secretString("C"));
    secrets.createSecret(b -> b.name("batch/gone").secretString("G"));
    secrets.deleteSecret(b -> b.secretId("batch/gone"));

    BatchGetSecretValueResponse listed = secrets.batchGetSecretValue(b -> b.secretIdList("batch/a", "missing",
        "batch/gone"));
    assertThat(listed.secretValues()).extracting(SecretValueEntry::secretString).containsExactly("A");
    assertThat(listed.errors()).extracting(APIErrorType::secretId, APIErrorType::errorCode, APIErrorType::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("missing", "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret."),
            org.assertj.core.groups.Tuple.tuple("batch/gone", "InvalidRequestException", MARKED));

    BatchGetSecretValueResponse first = secrets.batchGetSecretValue(b -> b
        .filters(filter(FilterNameStringType.NAME, "batch/")).maxResults(2));
    BatchGetSecretValueResponse second = secrets.batchGetSecretValue(b -> b
        .filters(filter(FilterNameStringType.NAME, "batch/")).maxResults(2).nextToken(first.nextToken()));
    assertThat(first.secretValues()).extracting(SecretValueEntry::secretString).containsExactly("A", "B");
    assertThat(second.secretValues()).extracting(SecretValueEntry::secretString).containsExactly("C");
    assertThat(second.nextToken()).isNull();

    assertError(() -> secrets.batchGetSecretValue(b -> b.secretIdList("batch/a")
        .filters(filter(FilterNameStringType.NAME, "batch/"))), InvalidParameterException.class,
        "Either 'SecretIdList' or 'Filters' must be provided, but not both.");
  }

  @Test
  void tagsAreAddedReplacedAndRemoved() {
    secrets.createSecret(b -> b.name("tagged").tags(tag("a", "1"), tag("b", "2")));

    secrets.tagResource(b -> b.secretId("tagged").tags(tag("b", "20"), tag("c", "3")));
    assertThat(secrets.describeSecret(b -> b.secretId("tagged")).tags())
        .containsExactly(tag("a", "1"), tag("b", "20"), tag("c", "3"));

    secrets.untagResource(b -> b.secretId("tagged").tagKeys("a", "c", "zzz"));
    assertThat(secrets.describeSecret(b -> b.secretId("tagged")).tags()).containsExactly(tag("b", "20"));
    assertError(() -> secrets.tagResource(b -> b.secretId("untagged").tags(tag("a", "1"))),
        ResourceNotFoundException.class, "Secrets Manager can't find the specified secret.");
  }
}

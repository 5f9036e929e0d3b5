package dev.ecsemulator.core.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.secretsmanager.error.InvalidRequestException;
import dev.ecsemulator.core.secretsmanager.error.ResourceNotFoundException;
import dev.ecsemulator.core.secretsmanager.error.ValidationException;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one resolver of a SecretId, over a store in memory. */
class SecretIdsTest {

  static final Scope SCOPE = new Scope("123456789012", "eu-west-1");
  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  final StateStore store = new InMemoryStateStore(KindRegistry.of(SecretsManagerKinds.all()));

  StoredSecret save(String name, String arn, Instant deletedDate) {
    StoredSecret secret = new StoredSecret(name, arn, null, null, List.of(), NOW, NOW, null, deletedDate, List.of());
    store.write(SCOPE, txn -> {
      txn.put(SecretsManagerKinds.SECRET, name, secret);
      return null;
    });
    return secret;
  }

  Optional<StoredSecret> find(String secretId, Instant now) {
    return store.read(SCOPE, view -> SecretIds.find(view, SCOPE, secretId, now));
  }

  @Test
  void newArnsCarrySixRandomLettersOrDigits() {
    String arn = SecretIds.newArn(SCOPE, "app/db", new Random(7));

    assertThat(arn).matches("arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-[A-Za-z0-9]{6}");
    assertThat(SecretIds.newArn(SCOPE, "app/db", new Random(8))).isNotEqualTo(arn);
  }

  @Test
  void aSecretIsFoundByNameFullArnOrPartialArnInItsScopeOnly() {
    String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-AbC123";
    save("app/db", arn, null);

    assertThat(find("app/db", NOW)).isPresent();
    assertThat(find(arn, NOW)).isPresent();
    assertThat(find("arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db", NOW)).isPresent();
    assertThat(find("arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-XyZ789", NOW))
        .as("another suffix: another secret").isEmpty();
    assertThat(find("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbC123", NOW)).isEmpty();
    assertThat(find("arn:aws:secretsmanager:eu-west-1:999999999999:secret:app/db", NOW)).isEmpty();
  }

  @Test
  void aNameThatLooksLikeItHasASuffixIsStillAName() {
    String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123-QwErTy";
    save("db-AbC123", arn, null);

    assertThat(find("db-AbC123", NOW)).isPresent();
    assertThat(find(arn, NOW)).isPresent();
    assertThat(find("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123", NOW)).isPresent();
  }

  @Test
  void aSecretPastItsRecoveryWindowIsGone() {
    save("old", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:old-AbC123", NOW.plus(Duration.ofDays(7)));

    assertThatThrownBy(() -> store.read(SCOPE, view -> SecretIds.requireLive(view, SCOPE, "old", NOW)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> store.read(SCOPE, view -> SecretIds.require(view, SCOPE, "old",
        NOW.plus(Duration.ofDays(7))))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void anArnOfAnotherServiceIsAnInvalidName() {
    assertThatThrownBy(() -> find("arn:aws:ssm:eu-west-1:123456789012:parameter/app/key", NOW))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("Invalid name.");
  }
}

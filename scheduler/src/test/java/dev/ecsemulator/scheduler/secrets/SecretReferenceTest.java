package dev.ecsemulator.scheduler.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.scheduler.secrets.SecretReference.Parameter;
import dev.ecsemulator.scheduler.secrets.SecretReference.SecretsManager;
import org.junit.jupiter.api.Test;

/** valueFrom and credentialsParameter, read as the ECS agent reads them. */
class SecretReferenceTest {

  static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-AbC123";

  static SecretReference of(String valueFrom) throws SecretsUnavailable {
    return SecretReference.ofValueFrom(valueFrom, "us-east-1");
  }

  @Test
  void aSecretArnFullOrPartialIsPassedToGetSecretValueAsItIsInItsRegion() throws Exception {
    assertThat(of(SECRET)).isEqualTo(new SecretsManager("eu-west-1", SECRET, null, null, null));
    String partial = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db";
    assertThat(of(partial)).isEqualTo(new SecretsManager("eu-west-1", partial, null, null, null));
  }

  @Test
  void theSuffixNamesAJsonKeyAStageAndAVersionAnyOfThemEmpty() throws Exception {
    assertThat(of(SECRET + ":password:AWSPREVIOUS:v-1"))
        .isEqualTo(new SecretsManager("eu-west-1", SECRET, "password", "AWSPREVIOUS", "v-1"));
    assertThat(of(SECRET + ":password::")).isEqualTo(new SecretsManager("eu-west-1", SECRET, "password", null, null));
    assertThat(of(SECRET + "::AWSPREVIOUS:")).isEqualTo(new SecretsManager("eu-west-1", SECRET, null, "AWSPREVIOUS",
        null));
    assertThat(of(SECRET + ":::v-1")).isEqualTo(new SecretsManager("eu-west-1", SECRET, null, null, "v-1"));
    String partial = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db";
    assertThat(of(partial + ":user::")).isEqualTo(new SecretsManager("eu-west-1", partial, "user", null, null));
  }

  @Test
  void aSecretArnOfAnotherShapeIsRefusedWithTheAgentsWords() {
    assertThatThrownBy(() -> of(SECRET + ":password"))
        .isInstanceOf(SecretsUnavailable.class)
        .hasMessage("ResourceInitializationError: unable to pull secrets or registry auth: execution resource"
            + " retrieval failed: unable to retrieve secret from asm: trying to retrieve secret with value " + SECRET
            + ":password resulted in error: an invalid ARN format for the AWS Secrets Manager secret was specified."
            + " Specify a valid ARN and try again.");
    assertThatThrownBy(() -> of("arn:aws:secretsmanager:eu-west-1:123456789012:app"))
        .isInstanceOf(SecretsUnavailable.class);
  }

  @Test
  void anythingElseIsAParameterByNameInTheTasksRegionOrByArnInItsRegion() throws Exception {
    assertThat(of("/web/api-key")).isEqualTo(new Parameter("us-east-1", "/web/api-key"));
    assertThat(of("app/db")).as("a plain name is read from Parameter Store, as ECS does")
        .isEqualTo(new Parameter("us-east-1", "app/db"));
    assertThat(of("db-password:3")).isEqualTo(new Parameter("us-east-1", "db-password:3"));
    String arn = "arn:aws:ssm:eu-west-1:123456789012:parameter/web/api-key";
    assertThat(of(arn)).isEqualTo(new Parameter("eu-west-1", arn));
  }

  @Test
  void registryCredentialsAreASecretByNameOrArn() {
    assertThat(SecretReference.ofCredentialsParameter("registry/creds", "us-east-1"))
        .isEqualTo(new SecretsManager("us-east-1", "registry/creds", null, null, null));
    assertThat(SecretReference.ofCredentialsParameter(SECRET, "us-east-1"))
        .isEqualTo(new SecretsManager("eu-west-1", SECRET, null, null, null));
  }
}

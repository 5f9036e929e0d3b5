package dev.ecsemulator.core.secretsmanager;

/**
 * Secrets Manager's error messages, in one place. Where AWS's exact wording was found (answers quoted in public issue
 * reports), it is used as is; the others are marked unverified: they follow moto, which copies AWS where it can.
 */
final class SecretMessages {

  private SecretMessages() {}

  /** ResourceNotFoundException; quoted in many public reports. */
  static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";

  /** InvalidRequestException, GetSecretValue (and the other changes) on a secret scheduled for deletion; quoted. */
  static final String MARKED_FOR_DELETION =
      "You can't perform this operation on the secret because it was marked for deletion.";

  /** InvalidRequestException, CreateSecret with the name of a secret scheduled for deletion; quoted. */
  static final String NAME_SCHEDULED_FOR_DELETION =
      "You can't create this secret because a secret with this name is already scheduled for deletion.";

  /** InvalidParameterException, DeleteSecret; quoted. */
  static final String RECOVERY_WINDOW = "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).";

  /** InvalidParameterException, DeleteSecret with both options. Unverified (moto's wording). */
  static final String FORCE_WITH_WINDOW =
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.";

  /** InvalidParameterException; quoted (2018, with a typographic apostrophe then). */
  static final String BOTH_VALUES =
      "You can't specify both a binary secret value and a string secret value in the same secret.";

  /** InvalidParameterException, PutSecretValue without a value. Unverified. */
  static final String NO_VALUE = "You must provide either SecretString or SecretBinary.";

  /** ValidationException for a name (or a SecretId that is no secret ARN) with other characters; quoted. */
  static final String INVALID_NAME =
      "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!";

  /** InvalidParameterException, BatchGetSecretValue. Unverified (moto's wording). */
  static final String IDS_AND_FILTERS = "Either 'SecretIdList' or 'Filters' must be provided, but not both.";

  /** InvalidParameterException, BatchGetSecretValue. Unverified (moto's wording). */
  static final String MAX_RESULTS_WITHOUT_FILTERS =
      "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.";

  /** InvalidNextTokenException; the API reference's description of the error. */
  static final String INVALID_NEXT_TOKEN = "The NextToken value is invalid.";

  /** ResourceExistsException, CreateSecret; the wording (AWS's, unverified beyond it). */
  static String alreadyExists(String name) {
    return "The operation failed because the secret " + name + " already exists.";
  }

  /** ResourceExistsException for a ClientRequestToken reused with another value. Unverified (moto's wording). */
  static String tokenInUse(String token, String arn) {
    return "You can't use ClientRequestToken " + token + " because that value is already in use for a version of"
        + " secret " + arn + ".";
  }

  /** ResourceNotFoundException for a label no version has; quoted ("... staging label: AWSPENDING"). */
  static String noVersionWithStage(String stage) {
    return "Secrets Manager can't find the specified secret value for staging label: " + stage;
  }

  /** ResourceNotFoundException for an unknown VersionId. Unverified (moto's wording, built as the label's). */
  static String noVersion(String versionId) {
    return "Secrets Manager can't find the specified secret value for VersionId: " + versionId;
  }

  /** InvalidRequestException, GetSecretValue with a VersionId that lacks the VersionStage. Unverified (moto's). */
  static final String STAGE_NOT_ON_VERSION =
      "You provided a VersionStage that is not associated to the provided VersionId.";

  /** InvalidParameterException, UpdateSecretVersionStage. Unverified (moto's wording, for any label). */
  static String removeFromRequired(String stage, String versionId) {
    return "The parameter RemoveFromVersionId can't be empty. Staging label " + stage + " is currently attached to"
        + " version " + versionId + ", so you must explicitly reference that version in RemoveFromVersionId.";
  }

  /** InvalidParameterException, UpdateSecretVersionStage. Unverified (moto's wording). */
  static String stageNotOnVersion(String stage, String versionId) {
    return "Version stage " + stage + " not found in version " + versionId;
  }

  /** InvalidParameterException, UpdateSecretVersionStage. Unverified (moto's wording). */
  static String notAVersion(String versionId) {
    return "Not a valid version: " + versionId;
  }
}

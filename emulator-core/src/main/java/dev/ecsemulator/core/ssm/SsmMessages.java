package dev.ecsemulator.core.ssm;

/**
 * The wording of Parameter Store's errors, in one place. Where a message is not marked unverified, it is AWS's as
 * published: in the API reference or user guide, in AWS users' reports of the error, or mirrored from AWS by moto (an
 * AWS mock whose messages are copied from the service).
 */
final class SsmMessages {

  private SsmMessages() {}

  /**
   * ParameterNotFound carries no message: SDK users report "An error occurred (ParameterNotFound) when calling the
   * GetParameter operation: " with nothing after it, and the JavaScript SDK v2 a null message. Verified for
   * GetParameter; the same assumed (unverified) for the other operations.
   */
  static final String NOT_FOUND = "";

  static final String ALREADY_EXISTS =
      "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.";

  /** A name with a reserved prefix and no path (moto's wording, as AWS's). */
  static final String RESERVED_PREFIX = "Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).";

  /**
   * Any other invalid name: AWS users report this wording for names such as {@code smpt/support} (a path without its
   * leading slash) and {@code /myPrefix/xmpt/support@gmail.com} (a character outside a-zA-Z0-9_.-/), neither of which
   * has a reserved prefix. That it is also the wording for an invalid name without a '/' is unverified.
   */
  static final String INVALID_NAME = "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as"
      + " a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of"
      + " letters, numbers and the following 3 symbols .-_";

  /** Unverified wording (the model's documentation of the error). */
  static final String HIERARCHY_TOO_DEEP = "A hierarchy can have a maximum of 15 levels.";

  static final String TYPE_REQUIRED = "A parameter type is required when you create a parameter.";

  static final String EMPTY_VALUE = "1 validation error detected: Value '' at 'value' failed to satisfy constraint:"
      + " Member must have length greater than or equal to 1.";

  static final String TAGS_WITH_OVERWRITE = "Invalid request: tags and overwrite can't be used together. To create a"
      + " parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use"
      + " AddTagsToResource or RemoveTagsFromResource.";

  static final String KEY_ID_NOT_SECURE = "KeyId is required for SecureString type parameter only.";

  static final String STANDARD_TOO_LARGE = "Standard tier parameters support a maximum parameter value of 4096"
      + " characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier."
      + " For more information, see"
      + " https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html";

  /** Unverified wording. */
  static final String ADVANCED_TOO_LARGE = "Advanced tier parameters support a maximum parameter value of 8192"
      + " characters.";

  /** Unverified wording (the facts are the PutParameter reference's, on Tier). */
  static final String NO_DOWNGRADE = "This parameter uses the advanced-parameter tier. You can't downgrade a parameter"
      + " from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced"
      + " parameter and recreate it as a standard parameter.";

  /** Unverified wording (the facts are the PutParameter reference's, on Tier). */
  static final String POLICIES_NEED_ADVANCED = "Standard tier parameters can't be configured to use parameter"
      + " policies. To use parameter policies, upgrade the parameter to use the advanced-parameter tier.";

  /** The model's documentation of InvalidPolicyTypeException (unverified as the message). */
  static final String POLICY_TYPE = "The policy type isn't supported. Parameter Store supports the following policy"
      + " types: Expiration, ExpirationNotification, and NoChangeNotification.";

  /** Unverified wording (the model's documentation of the error). */
  static final String TOO_MANY_POLICIES = "You specified more than the maximum number of allowed policies for the"
      + " parameter. The maximum is 10.";

  /** Unverified wording (the model's documentation of the error). */
  static final String INVALID_ALLOWED_PATTERN = "The request doesn't meet the regular expression requirement.";

  /** Unverified wording (the model's documentation of the error); the shape has no message member. */
  static final String TOO_MANY_TAGS = "A resource can have a maximum of 50 tags.";

  /** Unverified wording (the model's documentation of the error); the shape has no message member. */
  static final String INVALID_RESOURCE_ID =
      "The resource ID isn't valid. Verify that you entered the correct ID and try again.";

  /** Unverified wording (the model's documentation of the error). */
  static final String INVALID_NEXT_TOKEN = "The specified token isn't valid.";

  static final String FILTERS_AND_PARAMETER_FILTERS =
      "You can use either Filters or ParameterFilters in a single request.";

  /** Moto's wording of the Path filter's value rules, as AWS's. */
  static final String INVALID_PATH = "The parameter doesn't meet the parameter name requirements. The parameter name"
      + " must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It"
      + " must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special"
      + " characters are not allowed. All sub-paths, if specified, must use the forward slash symbol \"/\". Valid"
      + " example: /get/parameters2-/by1./path0_.";

  static final String RESERVED_PATH_FILTER = "Filters for common parameters can't be prefixed with \"aws\" or \"ssm\""
      + " (case-insensitive). When using global parameters, please specify within a global namespace.";

  /** Moto's wording (its odd missing space included), as AWS's: unverified. */
  static final String TOO_MANY_LABELS =
      "A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.";

  static String reservedName(String name) {
    return "No access to reserved parameter name: " + name + ".";
  }

  /** Unverified wording. */
  static String nameTooLong(int limit) {
    return "Parameter name: the fully qualified name, including the characters of its ARN that precede it"
        + " (arn:aws:ssm:REGION:ACCOUNT:parameter/), can have at most " + limit + " characters.";
  }

  /** Moto's wording, as AWS's. */
  static String unsupportedDataType(String dataType) {
    return "The following data type is not supported: " + dataType + " (Data type names are all lowercase.)";
  }

  /** The user guide's example of the error. */
  static String patternMismatch(String allowedPattern) {
    return "Parameter value, cannot be validated against allowedPattern: " + allowedPattern;
  }

  /** The wording the API reference quotes for ParameterMaxVersionLimitExceeded. */
  static String oldestVersionLabelled(String name, long oldest) {
    return "You attempted to create a new version of " + name + " by calling the PutParameter API with the overwrite"
        + " flag. Version " + oldest + ", the oldest version, can't be deleted because it has a label associated with"
        + " it. Move the label to another version of the parameter, and try again.";
  }

  /** Moto's wording, as AWS's. */
  static String versionNotFound(String selector, String name) {
    return "Systems Manager could not find version " + selector + " of " + name
        + ". Verify the version and try again.";
  }

  /** Moto's wording of the filter errors below, as AWS's. */
  static String invalidFilterKey(String key, String validKeys) {
    return "The following filter key is not valid: " + key + ". Valid filter keys include: " + validKeys + ".";
  }

  static String duplicateFilter(String key) {
    return "The following filter is duplicated in the request: " + key
        + ". A request can contain only one occurrence of a specific filter.";
  }

  static String missingFilterValues(String key) {
    return "The following filter values are missing : null for filter key " + key + ".";
  }

  static String invalidFilterOption(String option, String validOptions) {
    return "The following filter option is not valid: " + option + ". Valid options include: " + validOptions + ".";
  }

  static String invalidFilterValue(String value, String validValues) {
    return "The following filter value is not valid: " + value + ". Valid values include: " + validValues + ".";
  }
}

package dev.ecsemulator.core.ssm;

/** The parameter types of the model's ParameterType enum (the request validator has checked a given one). */
final class ParameterTypes {

  static final String STRING = "String";
  static final String STRING_LIST = "StringList";
  static final String SECURE_STRING = "SecureString";

  /** The KMS key of a SecureString put without KeyId: the account's AWS managed key for SSM. */
  static final String DEFAULT_KEY_ID = "alias/aws/ssm";

  private ParameterTypes() {}
}

package dev.ecsemulator.core.ssm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.ssm.error.InvalidPolicyTypeException;
import dev.ecsemulator.core.ssm.error.PoliciesLimitExceededException;
import dev.ecsemulator.core.ssm.model.ParameterInlinePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parameter policies (PutParameter reference, Policies): a JSON array of at most 10 policies of the types Expiration,
 * ExpirationNotification and NoChangeNotification. The emulator keeps and answers them but enforces none: a parameter
 * does not expire and no event is sent, so every policy stays Pending. Pure.
 */
final class ParameterPolicies {

  static final int MAX = 10;
  private static final Set<String> TYPES = Set.of("Expiration", "ExpirationNotification", "NoChangeNotification");
  private static final String PENDING = "Pending";

  private ParameterPolicies() {}

  /**
   * Each policy of {@code json} as compact JSON text; an empty array clears a parameter's policies.
   *
   * @throws InvalidPolicyTypeException if it is not an array of policies of a known type
   * @throws PoliciesLimitExceededException for more than 10
   */
  static List<String> parse(String json) {
    JsonNode array;
    try {
      array = EcsJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidPolicyTypeException(SsmMessages.POLICY_TYPE);
    }
    if (array == null || !array.isArray()) {
      throw new InvalidPolicyTypeException(SsmMessages.POLICY_TYPE);
    }
    if (array.size() > MAX) {
      throw new PoliciesLimitExceededException(SsmMessages.TOO_MANY_POLICIES);
    }
    List<String> policies = new ArrayList<>();
    for (JsonNode policy : array) {
      if (!TYPES.contains(policy.path("Type").asText())) {
        throw new InvalidPolicyTypeException(SsmMessages.POLICY_TYPE);
      }
      policies.add(policy.toString());
    }
    return policies;
  }

  /** The policies as DescribeParameters and GetParameterHistory answer them. */
  static List<ParameterInlinePolicy> inline(List<String> policies) {
    return policies.stream().map(text -> ParameterInlinePolicy.builder()
        .policyText(text)
        .policyType(type(text))
        .policyStatus(PENDING)
        .build()).toList();
  }

  private static String type(String text) {
    try {
      return EcsJson.mapper().readTree(text).path("Type").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored policy is not JSON", e);
    }
  }
}

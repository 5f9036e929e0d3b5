package dev.ecsemulator.core.taskdef;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.error.InvalidParameterException;
import java.util.Optional;

/**
 * How callers name a task definition (Model DescribeTaskDefinition.taskDefinition): a family (its latest ACTIVE
 * revision), {@code family:revision}, or the full ARN {@code arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV}.
 *
 * @param revision null when only the family is named
 */
public record TaskDefinitionRef(String family, Integer revision) {

  /**
   * Parses a reference. Empty when it cannot name a task definition of this scope: blank, an ARN of another
   * service, region or account, or a family with characters no family can have.
   *
   * @throws InvalidParameterException when the revision is not a number (moto's wording)
   */
  public static Optional<TaskDefinitionRef> parse(Scope scope, String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    String nameAndRevision = reference;
    if (Arn.looksLikeArn(reference)) {
      Optional<Arn> arn = Arn.parse(reference);
      if (arn.isEmpty() || !arn.get().service().equals("ecs") || !arn.get().resourceType().equals("task-definition")
          || !arn.get().region().equals(scope.region()) || !arn.get().accountId().equals(scope.accountId())) {
        return Optional.empty();
      }
      nameAndRevision = arn.get().resourcePath();
    }
    int colon = nameAndRevision.lastIndexOf(':');
    String family = colon < 0 ? nameAndRevision : nameAndRevision.substring(0, colon);
    if (!RegistrationValidator.NAME.matcher(family).matches()) {
      return Optional.empty();
    }
    if (colon < 0) {
      return Optional.of(new TaskDefinitionRef(family, null));
    }
    String revision = nameAndRevision.substring(colon + 1);
    if (!revision.matches("\\d{1,9}")) {
      throw new InvalidParameterException(Messages.invalidRevision(revision));
    }
    return Optional.of(new TaskDefinitionRef(family, Integer.valueOf(revision)));
  }
}

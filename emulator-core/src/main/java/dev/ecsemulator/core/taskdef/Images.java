package dev.ecsemulator.core.taskdef;

import java.util.regex.Pattern;

/** What the control plane reads from an image reference. */
final class Images {

  /**
   * A private Amazon ECR repository: {@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/...} (Model ContainerDefinition.image
   * docs), also the FIPS and China partitions' hosts. {@code public.ecr.aws} is ECR Public, pulled anonymously.
   */
  private static final Pattern ECR = Pattern.compile(
      "^\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/.+");

  private Images() {}

  static boolean isEcr(String image) {
    return image != null && ECR.matcher(image).matches();
  }
}

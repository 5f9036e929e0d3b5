package dev.ecsemulator.scheduler.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference split as Docker splits it: {@code [registry/]repository[:tag][@digest]}. Pure.
 *
 * @param registry the registry host (with port), or null for Docker Hub
 * @param repository the repository path, without the registry
 * @param tag the tag, or null (Docker then means {@code latest}) when a digest or nothing is given
 * @param digest {@code sha256:...}, or null
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

  // ACCOUNT.dkr.ecr.REGION.amazonaws.com, also the .com.cn partition and FIPS endpoints.
  private static final Pattern ECR_REGISTRY =
      Pattern.compile("\\d{12}\\.dkr\\.ecr(-fips)?\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

  public ImageReference {
    Objects.requireNonNull(repository, "repository");
  }

  /** Splits {@code image}. The first path component is a registry if it has a dot or colon, or is localhost. */
  public static ImageReference parse(String image) {
    Objects.requireNonNull(image, "image");
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String registry = null;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new ImageReference(registry, rest, tag, digest);
  }

  /** Whether the registry is Amazon ECR's ({@code ACCOUNT.dkr.ecr.REGION.amazonaws.com}). */
  public boolean isEcr() {
    return registry != null && ECR_REGISTRY.matcher(registry).matches();
  }

  /**
   * For an ECR URI, the local name it stands for: {@code REPO:TAG} (or {@code REPO@DIGEST}), which a
   * developer builds or tags locally. Empty for any other reference.
   */
  public Optional<String> ecrLocalAlias() {
    if (!isEcr()) {
      return Optional.empty();
    }
    return Optional.of(withoutRegistry());
  }

  /** {@code repository[:tag][@digest]}. */
  public String withoutRegistry() {
    return repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  /** {@code [registry/]repository}: what Docker's pull API calls {@code fromImage}. */
  public String repositoryWithRegistry() {
    return registry == null ? repository : registry + "/" + repository;
  }

  /** The tag or digest to pull: the digest if any, else the tag, else {@code latest}. */
  public String tagOrDigest() {
    if (digest != null) {
      return digest;
    }
    return tag != null ? tag : "latest";
  }

  @Override
  public String toString() {
    return (registry == null ? "" : registry + "/") + withoutRegistry();
  }
}

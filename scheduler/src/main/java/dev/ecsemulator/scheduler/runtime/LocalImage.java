package dev.ecsemulator.scheduler.runtime;

/**
 * An image present in the engine, as {@link ContainerRuntime#ensureImage} found or pulled it.
 *
 * @param requested the image as the task definition names it
 * @param reference the name to create containers from: {@code requested}, or the local {@code REPO:TAG}
 *     an ECR URI resolved to
 * @param id the local image ID ({@code sha256:...})
 * @param pulled whether a pull happened (ECS then sets {@code pullStartedAt}/{@code pullStoppedAt})
 */
public record LocalImage(String requested, String reference, String id, boolean pulled) {}

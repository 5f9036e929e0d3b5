package dev.ecsemulator.core.hostaccess;

/**
 * One way a task definition reaches past its containers into the host, worded to complete "the task needs
 * host access: ..." in a stoppedReason.
 *
 * @param containerName the container that asks for it, or null for the task (pidMode, ipcMode, volumes)
 * @param description what it asks for, e.g. {@code container 'app' is privileged}
 */
public record HostAccessUse(String containerName, String description) {}

package dev.ecsemulator.core.instance;

/**
 * What the local Docker engine offers as a container instance, and whether it answers. The scheduler
 * supplies it; the core never asks Docker.
 *
 * @param connected whether the engine answers (ECS: whether the instance's agent is connected)
 * @param cpuUnits CPU units to register (1024 per core unless configured)
 * @param memoryMiB memory to register, in MiB
 * @param dockerVersion the engine's version, for versionInfo
 * @param architecture {@code x86_64} or {@code arm64}, for the ecs.cpu-architecture attribute
 */
public record HostResources(boolean connected, int cpuUnits, int memoryMiB, String dockerVersion, String architecture) {}

/**
 * The container runtime: how a task's containers come to exist on Docker, configured as the ECS agent
 * configures them, and how the emulator learns what happens to them.
 *
 * <pre>
 *   TaskDefinition + TaskOverride + LaunchContext
 *        │  ContainerSpecFactory            (pure: the agent's mapping; names, labels, limits, ports)
 *        ▼
 *   ContainerSpec / VolumeSpec / UnresolvedInput
 *        │  CreateContainerMapping          (the one place a spec becomes a docker-java create call)
 *        ▼
 *   ContainerRuntime ── DockerContainerRuntime ── Docker engine
 *        ▲                                          │
 *        └── ObservedContainer (inspect, listManaged) ◄── ContainerEvent (start, die, oom, health_status)
 * </pre>
 *
 * <p>Words:
 * <ul>
 *   <li><b>spec</b>: everything needed to create one container, without docker-java types.
 *   <li><b>sandbox</b>: a per-task container running the emulator's own pause program (an ELF written
 *       by {@link dev.ecsemulator.scheduler.runtime.PauseBinary}, loaded as an image, never pulled). It
 *       holds an awsvpc task's network namespace, and the task's cgroup when task-level limits must bound
 *       the sum of several containers.
 *   <li><b>task cgroup</b>: the sandbox's cgroup, carrying the task's {@code cpu} (a CFS quota) and
 *       {@code memory}; containers are created under it ({@code CgroupParent}). Possible with cgroup v1 and
 *       the cgroupfs driver; elsewhere each container is capped at the task's limits instead.
 *   <li><b>ours</b>: carrying this emulator instance's labels. The runtime acts on nothing else.
 * </ul>
 *
 * <p>Decisions (what to create, with which limits, under which name) are pure functions with table tests;
 * the Docker classes only carry them out and report what happened.
 */
package dev.ecsemulator.scheduler.runtime;

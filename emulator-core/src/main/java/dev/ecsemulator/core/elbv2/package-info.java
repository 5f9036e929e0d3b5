/**
 * Elastic Load Balancing v2 (application load balancers): the domain behind the ELBv2 API, over the one
 * {@link dev.ecsemulator.core.state.StateStore} (kinds {@code elbv2-*}, per account and region, durable), and the
 * pure decisions its data plane takes.
 *
 * <pre>
 * API (query protocol) ──▶ LoadBalancers, TargetGroups, Listeners, Rules, Tagging, Targets ──▶ store (elbv2-*)
 *                                                                                                 │ changes
 * ECS integration ──▶ TargetRegistry (Targets) ──▶ store                                          ▼
 *        ▲                                                      data plane (emulator-api, elbv2.plane): proxies,
 *        └────────── onDrained ◀── Targets.finishDraining ◀──── health checks (HealthMachine), draining
 * </pre>
 *
 * <h2>For the ECS integration: {@link dev.ecsemulator.core.elbv2.TargetRegistry}</h2>
 *
 * The one interface a service scheduler needs; {@link dev.ecsemulator.core.elbv2.Targets} implements it (the
 * composition root has it as {@code Emulator.elbv2().targets()}). It makes exactly the changes RegisterTargets and
 * DeregisterTargets make, so the data plane treats both alike.
 *
 * <ul>
 *   <li>{@code register(scope, targetGroupArn, targets)}: a task's target, as {@code TargetDescription(null, id, port,
 *       null)}. For a group of type {@code ip} (awsvpc tasks) the id is the task's private IPv4 address and the port
 *       its container port; for {@code instance} (bridge and host tasks) any {@code i-} id (the container instance's
 *       {@code ec2InstanceId}) and the host port: the data plane reaches instance targets at 127.0.0.1. The target
 *       starts {@code initial} and is health checked at once, then every interval. Idempotent.
 *   <li>{@code health(scope, targetGroupArn, target)}: AWS's {@code TargetHealth} (state, reason, description) as
 *       DescribeTargetHealth shows it. {@code healthy} is what gates a rollout; {@code unhealthy} with reason
 *       {@code Target.ResponseCodeMismatch}, {@code Target.Timeout} or {@code Target.FailedHealthChecks} is what
 *       "failed ELB health checks" means; {@code unused} with {@code Target.NotInUse} while no listener forwards to
 *       the group (no health checks then).
 *   <li>{@code deregister(scope, targetGroupArn, targets)}: the target is {@code draining} at once (it gets no new
 *       request; those under way go on), and removed when none of its requests is in flight or when the group's
 *       {@code deregistration_delay.timeout_seconds} (default 300) is over, whichever comes first (as AWS documents);
 *       at once if the group is unused or its delay is 0. A task is stopped after that (ECS's DEACTIVATING).
 *   <li>{@code onDrained(listener)}: told once per target whose draining ended (also for an immediate removal), after
 *       the removal is stored, with the scope, group ARN, id and port it was registered with. Registered once at
 *       start; the listener must not block (hand the work to the scheduler's own thread).
 * </ul>
 *
 * Health is stored (kind {@code elbv2-target}) only when it changes, so a scheduler may also subscribe to the store's
 * changes of that kind instead of polling. Draining deadlines are stored: after a restart, a target whose delay ended
 * while the emulator was down is removed (and reported) at the data plane's first sweep.
 *
 * <h2>Pure decisions</h2>
 *
 * {@link dev.ecsemulator.core.elbv2.health.HealthMachine} (initial, healthy, unhealthy by thresholds; AWS's reason
 * codes in {@link dev.ecsemulator.core.elbv2.TargetStates}), {@link dev.ecsemulator.core.elbv2.routing.RuleMatcher}
 * (priorities, path-pattern and host-header with AWS's wildcards), {@link
 * dev.ecsemulator.core.elbv2.routing.WeightedChoice} (weighted forwards).
 *
 * <h2>Differences from AWS</h2>
 *
 * Application load balancers only; HTTP listeners and target groups only (no HTTPS, certificates or trust stores);
 * actions forward, fixed-response and redirect; conditions path-pattern and host-header. {@code DNSName} is
 * {@code NAME-NUMBER.REGION.elb.localhost}: the load balancer answers at the emulator's bind address on each
 * listener's port. Two load balancers cannot listen on the same port (one host, one port).
 */
package dev.ecsemulator.core.elbv2;

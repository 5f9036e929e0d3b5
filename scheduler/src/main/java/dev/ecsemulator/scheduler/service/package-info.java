/**
 * The service scheduler's pure decision: what a service's rolling update, scaling and task replacement
 * do next.
 *
 * <pre>
 *   store ──► Service + ServiceMemory + ServiceObservation(ObservedTask..., instances) + now
 *                         │
 *                         ▼
 *              ServiceReconciler.reconcile        (pure: no Docker, no store, no clock)
 *                         │
 *                         ▼
 *   ServicePlan: launches, stops, deployments[], counts, events, next memory, wakeAt
 *                         │
 *                         ▼
 *   runner.ServiceRunner (the caller, in the same store write): new tasks, stop requests, the service;
 *   the task engine then starts and stops containers; runner.ServiceEngine runs the next pass at wakeAt
 * </pre>
 *
 * <p>Words (the full glossary is in the module's README):
 * <ul>
 *   <li><b>task</b>: one ECS task of the service; {@code startedBy} names its deployment.
 *   <li><b>deployment</b>: one entry of {@code deployments[]} ({@code ecs-svc/} + 19 digits): PRIMARY is
 *       the newest, the one the service converges to; ACTIVE ones are older and drain.
 *   <li><b>active</b> task: not yet STOPPED; it holds a slot under maximumPercent.
 *   <li><b>healthy</b> task: RUNNING and wanted, with its essential containers HEALTHY when it has
 *       health checks, else 40 s after it reached RUNNING; behind a load balancer, once its targets are
 *       healthy (and its containers, with health checks), with no 40 s rule; counts under
 *       minimumHealthyPercent.
 *   <li><b>observed task</b>: what the store says about one task ({@link
 *       dev.ecsemulator.scheduler.service.ObservedTask}); <b>classified task</b>: one given its phase at an
 *       instant ({@link dev.ecsemulator.scheduler.service.ClassifiedTask}).
 *   <li><b>outcome</b>: what became of a task since the last reconcile, counted once ({@link
 *       dev.ecsemulator.scheduler.service.TaskOutcomes}).
 *   <li><b>plan</b>: the immutable result of one reconcile, applied by the caller.
 *   <li><b>memory</b>: the reconciler's bookkeeping between reconciles ({@link
 *       dev.ecsemulator.scheduler.service.ServiceMemory}).
 * </ul>
 */
package dev.ecsemulator.scheduler.service;

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
 *   executor (the caller): store writes, container starts and stops, next tick
 * </pre>
 *
 * <p>Words:
 * <ul>
 *   <li><b>task</b>: one ECS task of the service; {@code startedBy} names its deployment.
 *   <li><b>deployment</b>: one entry of {@code deployments[]} ({@code ecs-svc/} + 19 digits): PRIMARY is
 *       the newest, the one the service converges to; ACTIVE ones are older and drain.
 *   <li><b>active</b> task: not yet STOPPED; it holds a slot under maximumPercent.
 *   <li><b>healthy</b> task: RUNNING and wanted, with its essential containers HEALTHY when it has
 *       health checks, else 40 s after it reached RUNNING; counts under minimumHealthyPercent.
 *   <li><b>plan</b>: the immutable result of one reconcile, applied by the caller.
 *   <li><b>memory</b>: the reconciler's bookkeeping between reconciles ({@link
 *       dev.ecsemulator.scheduler.service.ServiceMemory}).
 * </ul>
 */
package dev.ecsemulator.scheduler.service;

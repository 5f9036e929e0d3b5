package dev.ecsemulator.scheduler.service.targets;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.TargetRegistry;
import dev.ecsemulator.core.elbv2.TargetStates;
import dev.ecsemulator.core.elbv2.error.Elbv2Exception;
import dev.ecsemulator.core.elbv2.model.TargetDescription;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.ServiceEvent;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.service.ServiceEvents;
import dev.ecsemulator.scheduler.service.targets.TaskRegistrations.Registration;
import dev.ecsemulator.scheduler.task.TaskTargets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task engine's {@link TaskTargets} for ECS services: registers a task of a service with {@code loadBalancers}
 * with each target group while it is ACTIVATING, deregisters it while it is DEACTIVATING and reports it drained once
 * ELBv2 has removed every target (draining done), through the same {@link TargetRegistry} as RegisterTargets and
 * DeregisterTargets. Each registration and deregistration adds the service event ECS shows (reference §4). A target
 * group that is gone is skipped with a warning: the task runs, or stops, unregistered. Thread-safe.
 */
public final class ServiceTargets implements TaskTargets {

  private static final Logger log = LoggerFactory.getLogger(ServiceTargets.class);
  /** DescribeServices keeps the newest 100 events (reference §4). */
  private static final int MAX_EVENTS = 100;

  private final StateStore store;
  private final TargetRegistry registry;
  private final Ids ids;
  private final Clock clock;

  public ServiceTargets(StateStore store, TargetRegistry registry, Ids ids, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.ids = ids;
    this.clock = clock;
  }

  @Override
  public boolean registers(Scope scope, String taskKey, Task task) {
    return store.read(scope, view -> TaskRegistrations.serviceOf(view, taskKey, task)).isPresent();
  }

  @Override
  public void register(Scope scope, String taskKey, Task task) {
    for (Registration r : registrations(scope, taskKey, task)) {
      try {
        registry.register(scope, r.targetGroupArn(), List.of(target(r)));
        event(scope, taskKey, task, (name, n) -> ServiceEvents.registeredTargets(name, n, r.targetGroupArn()));
      } catch (Elbv2Exception e) {
        log.warn("Task {} is not registered with {}: {}", task.taskArn(), r.targetGroupArn(), e.getMessage());
      }
    }
  }

  @Override
  public boolean deregister(Scope scope, String taskKey, Task task) {
    boolean drained = true;
    for (Registration r : registrations(scope, taskKey, task)) {
      try {
        if (!isStored(scope, r)) {
          continue;
        }
        if (!TargetStates.DRAINING.equals(registry.health(scope, r.targetGroupArn(), target(r)).state())) {
          registry.deregister(scope, r.targetGroupArn(), List.of(target(r)));
          event(scope, taskKey, task, (name, n) -> ServiceEvents.deregisteredTargets(name, n, r.targetGroupArn()));
        }
        drained &= !isStored(scope, r);
      } catch (Elbv2Exception e) {
        log.debug("Task {}: target in {} already gone: {}", task.taskArn(), r.targetGroupArn(), e.getMessage());
      }
    }
    return drained;
  }

  private boolean isStored(Scope scope, Registration r) {
    return store.read(scope, view -> view.get(dev.ecsemulator.core.elbv2.Elbv2Kinds.TARGET, r.key()).isPresent());
  }

  private List<Registration> registrations(Scope scope, String taskKey, Task task) {
    return store.read(scope, view -> TaskRegistrations.serviceOf(view, taskKey, task)
        .map(service -> TaskRegistrations.of(view, taskKey, service, task))
        .orElse(List.of()));
  }

  private static TargetDescription target(Registration r) {
    return new TargetDescription(null, r.id(), r.port(), null);
  }

  /** Prepends one event to the task's service (newest first, at most 100). */
  private void event(Scope scope, String taskKey, Task task, BiFunction<String, Integer, String> message) {
    store.write(scope, txn -> {
      Optional<Service> found = TaskRegistrations.serviceOf(txn, taskKey, task);
      if (found.isEmpty()) {
        return null;
      }
      Service service = found.get();
      List<ServiceEvent> events = new ArrayList<>();
      events.add(ServiceEvent.builder().id(ids.uuid()).createdAt(clock.instant())
          .message(message.apply(service.serviceName(), 1)).build());
      if (service.events() != null) {
        events.addAll(service.events().subList(0, Math.min(service.events().size(), MAX_EVENTS - 1)));
      }
      String cluster = taskKey.substring(0, taskKey.indexOf('/'));
      txn.put(EcsKinds.SERVICE, EcsKinds.serviceKey(cluster, service.serviceName()),
          service.toBuilder().events(events).build());
      return null;
    });
  }
}

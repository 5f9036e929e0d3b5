package dev.ecsemulator.core.autoscaling;

import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.SCHEDULED;
import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.TARGET;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.error.InvalidNextTokenException;
import dev.ecsemulator.core.autoscaling.error.ObjectNotFoundException;
import dev.ecsemulator.core.autoscaling.error.ValidationException;
import dev.ecsemulator.core.autoscaling.model.DescribeScheduledActionsRequest;
import dev.ecsemulator.core.autoscaling.model.DescribeScheduledActionsResponse;
import dev.ecsemulator.core.autoscaling.model.PutScheduledActionRequest;
import dev.ecsemulator.core.autoscaling.model.ScalableTarget;
import dev.ecsemulator.core.autoscaling.model.ScalableTargetAction;
import dev.ecsemulator.core.autoscaling.model.ScheduledAction;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PutScheduledAction, DescribeScheduledActions and DeleteScheduledAction, and running them when due
 * ({@link #runDue}): the action sets the target's minimum and maximum and scales the count into them. Schedules
 * {@code at(...)} (in the action's time zone, UTC by default) and {@code rate(N minutes|hours|days)} (from the
 * action's StartTime, else its creation) run; {@code cron(...)} schedules are kept and shown but not run (not
 * emulated). Thread-safe.
 */
public final class ScheduledActions {

  private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

  private final StateStore store;
  private final Clock clock;
  private final Scaler scaler;

  ScheduledActions(StateStore store, Clock clock, Scaler scaler) {
    this.store = store;
    this.clock = clock;
    this.scaler = scaler;
  }

  /** PutScheduledAction: creates or replaces the action. */
  public void put(Scope scope, PutScheduledActionRequest request) {
    Targets.checkSupported(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    if (request.schedule() == null) {
      throw new ValidationException("Schedule is required when creating a scheduled action."); // wording unverified
    }
    if (!AT.matcher(request.schedule()).matches() && !RATE.matcher(request.schedule()).matches()
        && !request.schedule().matches("cron\\(.+\\)")) {
      throw new ValidationException("Invalid schedule expression: " + request.schedule()); // wording unverified
    }
    zone(request.timezone());
    String targetKey = Targets.key(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    store.write(scope, txn -> {
      if (txn.get(TARGET, targetKey).isEmpty()) {
        throw Targets.noTarget(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
      }
      String key = targetKey + "|" + request.scheduledActionName();
      StoredScheduledAction old = txn.get(SCHEDULED, key).orElse(null);
      ScheduledAction action = ScheduledAction.builder()
          .scheduledActionName(request.scheduledActionName())
          .scheduledActionARN(old != null ? old.action().scheduledActionARN()
              : Targets.scheduledActionArn(scope, request.resourceId(), request.scheduledActionName()))
          .serviceNamespace(request.serviceNamespace()).scalableDimension(request.scalableDimension())
          .resourceId(request.resourceId()).schedule(request.schedule()).timezone(request.timezone())
          .startTime(request.startTime()).endTime(request.endTime())
          .scalableTargetAction(request.scalableTargetAction())
          .creationTime(old != null ? old.action().creationTime() : clock.instant())
          .build();
      txn.put(SCHEDULED, key, new StoredScheduledAction(action, null));
      return null;
    });
  }

  /** DescribeScheduledActions, MaxResults (default 50) a page. */
  public DescribeScheduledActionsResponse describe(Scope scope, DescribeScheduledActionsRequest request) {
    Targets.checkSupported(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    List<ScheduledAction> actions = store.read(scope, view -> view.list(SCHEDULED)).stream()
        .map(StoredScheduledAction::action)
        .filter(a -> request.resourceId() == null || request.resourceId().equals(a.resourceId()))
        .filter(a -> request.scheduledActionNames() == null || request.scheduledActionNames().isEmpty()
            || request.scheduledActionNames().contains(a.scheduledActionName()))
        .toList();
    int max = request.maxResults() == null ? 50 : request.maxResults();
    Paging.Page<ScheduledAction> page = Paging.after(actions, a -> a.resourceId() + "|" + a.scheduledActionName(),
        max, request.nextToken(), () -> new InvalidNextTokenException("Invalid token")); // wording unverified
    return DescribeScheduledActionsResponse.builder().scheduledActions(page.items()).nextToken(page.nextToken())
        .build();
  }

  /** DeleteScheduledAction. */
  public void delete(Scope scope, String namespace, String dimension, String resourceId, String name) {
    Targets.checkSupported(namespace, dimension, resourceId);
    String key = Targets.key(namespace, dimension, resourceId) + "|" + name;
    store.write(scope, txn -> {
      if (!txn.remove(SCHEDULED, key)) {
        throw new ObjectNotFoundException("No scheduled action found for service namespace: " + namespace
            + ", resource ID: " + resourceId + ", scalable dimension: " + dimension + ", scheduled action name: "
            + name);
      }
      return null;
    });
  }

  /** Runs every action due at {@code now}, in every scope; returns how many ran. */
  public int runDue(Instant now) {
    int ran = 0;
    for (Scope scope : store.scopes()) {
      for (StoredScheduledAction stored : store.read(scope, view -> view.list(SCHEDULED))) {
        if (due(stored, now)) {
          run(scope, stored, now);
          ran++;
        }
      }
    }
    return ran;
  }

  /** Whether the action is due: within its start and end, at or past its next time, and not run for that time. */
  static boolean due(StoredScheduledAction stored, Instant now) {
    ScheduledAction action = stored.action();
    if ((action.startTime() != null && now.isBefore(action.startTime()))
        || (action.endTime() != null && now.isAfter(action.endTime()))) {
      return false;
    }
    Matcher at = AT.matcher(action.schedule());
    if (at.matches()) {
      Instant when = LocalDateTime.parse(at.group(1)).atZone(zone(action.timezone())).toInstant();
      return stored.lastRun() == null && !now.isBefore(when);
    }
    Matcher rate = RATE.matcher(action.schedule());
    if (rate.matches()) {
      long amount = Long.parseLong(rate.group(1));
      Duration every = rate.group(2).startsWith("minute") ? Duration.ofMinutes(amount)
          : rate.group(2).startsWith("hour") ? Duration.ofHours(amount) : Duration.ofDays(amount);
      Instant from = stored.lastRun() != null ? stored.lastRun()
          : action.startTime() != null ? action.startTime().minus(every) : action.creationTime();
      return !now.isBefore(from.plus(every));
    }
    return false; // cron: not run
  }

  private void run(Scope scope, StoredScheduledAction stored, Instant now) {
    ScheduledAction action = stored.action();
    String targetKey = Targets.key(action.serviceNamespace(), action.scalableDimension(), action.resourceId());
    String key = targetKey + "|" + action.scheduledActionName();
    ScalableTarget target = store.write(scope, txn -> {
      txn.put(SCHEDULED, key, new StoredScheduledAction(action, now));
      StoredTarget stored2 = txn.get(TARGET, targetKey).orElse(null);
      if (stored2 == null || (stored2.target().suspendedState() != null
          && Boolean.TRUE.equals(stored2.target().suspendedState().scheduledScalingSuspended()))) {
        return null;
      }
      ScalableTargetAction change = action.scalableTargetAction();
      ScalableTarget updated = stored2.target().toBuilder()
          .minCapacity(change != null && change.minCapacity() != null ? change.minCapacity()
              : stored2.target().minCapacity())
          .maxCapacity(change != null && change.maxCapacity() != null ? change.maxCapacity()
              : stored2.target().maxCapacity())
          .build();
      txn.put(TARGET, targetKey, new StoredTarget(updated, stored2.lastScaleOut(), stored2.lastScaleIn()));
      return updated;
    });
    if (target == null) {
      return;
    }
    OptionalInt current = scaler.actuator().desiredCount(scope, target.resourceId());
    if (current.isPresent()) {
      int count = current.getAsInt();
      int bounded = Math.max(target.minCapacity(), Math.min(target.maxCapacity(), count));
      if (bounded != count) {
        scaler.scale(scope, target, count, bounded, "scheduled action name " + action.scheduledActionName()
            + " was triggered"); // wording unverified
      }
    }
  }

  private static ZoneId zone(String timezone) {
    try {
      return timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
    } catch (RuntimeException e) {
      throw new ValidationException("Invalid timezone: " + timezone); // wording unverified
    }
  }

}

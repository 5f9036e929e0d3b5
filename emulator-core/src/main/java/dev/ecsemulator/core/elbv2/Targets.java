package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.error.InvalidTargetException;
import dev.ecsemulator.core.elbv2.model.TargetDescription;
import dev.ecsemulator.core.elbv2.model.TargetGroup;
import dev.ecsemulator.core.elbv2.model.TargetHealth;
import dev.ecsemulator.core.elbv2.model.TargetHealthDescription;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Target registrations and their health: the {@link TargetRegistry} the API and the ECS integration share, and the
 * two calls the data plane makes ({@link #recordHealth}, {@link #finishDraining}). Thread-safe.
 */
public final class Targets implements TargetRegistry {

  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-zA-Z]{1,40}");

  private final StateStore store;
  private final Clock clock;
  private final List<Consumer<DrainedTarget>> drainedListeners = new CopyOnWriteArrayList<>();

  public Targets(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void register(Scope scope, String targetGroupArn, List<TargetDescription> targets) {
    store.write(scope, txn -> {
      TargetGroup group = Elbv2Lookup.targetGroup(txn, targetGroupArn).targetGroup();
      Instant now = clock.instant();
      for (TargetDescription target : targets) {
        checkId(group, target.id());
        int port = target.port() != null ? target.port() : group.port();
        String key = StoredTarget.key(targetGroupArn, target.id(), port);
        StoredTarget existing = txn.get(Elbv2Kinds.TARGET, key).orElse(null);
        if (existing == null || existing.draining()) {
          txn.put(Elbv2Kinds.TARGET, key, new StoredTarget(targetGroupArn, target.id(), port,
              target.availabilityZone(), TargetStates.registering(), now, null));
        }
      }
      return null;
    });
  }

  /** AWS's checks of an ID against the group's type; wording from AWS users' reports (unverified in detail). */
  private static void checkId(TargetGroup group, String id) {
    if (group.targetType().equals("ip") && !IPV4.matcher(id).matches()) {
      throw new InvalidTargetException("The IP address '" + id + "' is not a valid IPv4 address");
    }
    if (group.targetType().equals("instance") && !INSTANCE_ID.matcher(id).matches()) {
      throw new InvalidTargetException("The specified target does not exist, is not in the same VPC as the target "
          + "group, or has an unsupported instance type");
    }
  }

  @Override
  public void deregister(Scope scope, String targetGroupArn, List<TargetDescription> targets) {
    List<DrainedTarget> removed = store.write(scope, txn -> {
      StoredTargetGroup group = Elbv2Lookup.targetGroup(txn, targetGroupArn);
      boolean inUse = TargetGroupUsage.of(txn).containsKey(targetGroupArn);
      int delay = group.deregistrationDelaySeconds();
      Instant now = clock.instant();
      List<DrainedTarget> gone = new ArrayList<>();
      for (TargetDescription target : targets) {
        int port = target.port() != null ? target.port() : group.targetGroup().port();
        String key = StoredTarget.key(targetGroupArn, target.id(), port);
        StoredTarget existing = txn.get(Elbv2Kinds.TARGET, key).orElseThrow(() -> new InvalidTargetException(
            "The specified target does not exist or is not in the same VPC as the target group."));
        if (!inUse || delay == 0) {
          txn.remove(Elbv2Kinds.TARGET, key);
          gone.add(new DrainedTarget(scope, targetGroupArn, target.id(), port));
        } else if (!existing.draining()) {
          txn.put(Elbv2Kinds.TARGET, key, existing.draining(now, now.plusSeconds(delay)));
        }
      }
      return gone;
    });
    removed.forEach(this::tellDrained);
  }

  @Override
  public TargetHealth health(Scope scope, String targetGroupArn, TargetDescription target) {
    return describe(scope, targetGroupArn, List.of(target)).get(0).targetHealth();
  }

  @Override
  public void onDrained(Consumer<DrainedTarget> listener) {
    drainedListeners.add(listener);
  }

  /** DescribeTargetHealth: the given targets (registered or not), or every registered one. */
  public List<TargetHealthDescription> describe(Scope scope, String targetGroupArn, List<TargetDescription> targets) {
    return store.read(scope, view -> {
      TargetGroup group = Elbv2Lookup.targetGroup(view, targetGroupArn).targetGroup();
      boolean inUse = TargetGroupUsage.of(view).containsKey(targetGroupArn);
      List<TargetHealthDescription> out = new ArrayList<>();
      if (targets == null || targets.isEmpty()) {
        for (StoredTarget target : Elbv2Lookup.targetsOf(view, targetGroupArn)) {
          out.add(description(group, target.id(), target.port(), target.availabilityZone(), shown(target, inUse)));
        }
        return out;
      }
      for (TargetDescription target : targets) {
        int port = target.port() != null ? target.port() : group.port();
        StoredTarget stored = view.get(Elbv2Kinds.TARGET, StoredTarget.key(targetGroupArn, target.id(), port))
            .orElse(null);
        TargetHealth health = stored == null ? TargetStates.notRegistered() : shown(stored, inUse);
        out.add(description(group, target.id(), port,
            stored == null ? target.availabilityZone() : stored.availabilityZone(), health));
      }
      return out;
    });
  }

  /** The health to show: unused when no listener uses the group; unavailable when its checks are off. */
  private static TargetHealth shown(StoredTarget target, boolean inUse) {
    if (target.draining()) {
      return target.health();
    }
    return !inUse ? TargetStates.notInUse() : target.health();
  }

  private static TargetHealthDescription description(TargetGroup group, String id, int port, String zone,
      TargetHealth health) {
    String checkPort = group.healthCheckPort().equals("traffic-port") ? String.valueOf(port) : group.healthCheckPort();
    return TargetHealthDescription.builder()
        .target(new TargetDescription(zone, id, port, null))
        .healthCheckPort(checkPort)
        .targetHealth(health)
        .build();
  }

  /**
   * Records a health decision of the data plane. Only a registered, non-draining target's health is changed, and only
   * when it differs, so a decision that raced a deregistration is dropped. Returns whether it was stored.
   */
  public boolean recordHealth(Scope scope, String targetGroupArn, String id, int port, TargetHealth health) {
    return store.write(scope, txn -> {
      String key = StoredTarget.key(targetGroupArn, id, port);
      StoredTarget target = txn.get(Elbv2Kinds.TARGET, key).orElse(null);
      if (target == null || target.draining() || target.health().equals(health)) {
        return false;
      }
      txn.put(Elbv2Kinds.TARGET, key, target.withHealth(health, clock.instant()));
      return true;
    });
  }

  /**
   * Ends a target's draining (the data plane calls it when no request of the target is in flight, or the delay is
   * over): removes it if it is still draining, then tells the {@link #onDrained} listeners. Idempotent.
   */
  public boolean finishDraining(Scope scope, String targetGroupArn, String id, int port) {
    boolean removed = store.write(scope, txn -> {
      String key = StoredTarget.key(targetGroupArn, id, port);
      StoredTarget target = txn.get(Elbv2Kinds.TARGET, key).orElse(null);
      return target != null && target.draining() && txn.remove(Elbv2Kinds.TARGET, key);
    });
    if (removed) {
      tellDrained(new DrainedTarget(scope, targetGroupArn, id, port));
    }
    return removed;
  }

  /** Every registered target of the scope (for the data plane). */
  public static List<StoredTarget> all(StateView view) {
    return view.list(Elbv2Kinds.TARGET);
  }

  private void tellDrained(DrainedTarget drained) {
    for (Consumer<DrainedTarget> listener : drainedListeners) {
      listener.accept(drained);
    }
  }
}

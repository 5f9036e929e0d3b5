package dev.ecsemulator.api.services;

import static dev.ecsemulator.api.support.AwsErrors.DEFAULT_SCOPE;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.model.Service;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.state.StateStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a service's tasks straight from the emulator's store (cheaper and finer than polling the API)
 * and records every breach of the rolling-update bounds: more than floor(desired × max / 100) tasks not yet
 * STOPPED, or, once armed, fewer than ceil(desired × min / 100) tasks RUNNING, wanted and HEALTHY.
 */
final class ServiceSampler {

  final List<String> violations = new ArrayList<>();
  int maxActiveSeen;
  int minHealthySeen = Integer.MAX_VALUE;
  int samples;
  private final StateStore store;
  private final String cluster;
  private final String service;
  private final int maxActive;
  private final int minHealthy;

  ServiceSampler(StateStore store, String cluster, String service, int desired, int minPercent, int maxPercent) {
    this.store = store;
    this.cluster = cluster;
    this.service = service;
    this.maxActive = desired * maxPercent / 100;
    this.minHealthy = (desired * minPercent + 99) / 100;
  }

  List<Task> tasks() {
    return store.read(DEFAULT_SCOPE, v -> v.list(EcsKinds.TASK, t -> ("service:" + service).equals(t.group())
        && t.clusterArn().endsWith("/" + cluster)));
  }

  Service serviceShape() {
    return store.read(DEFAULT_SCOPE, v -> v.get(EcsKinds.SERVICE, EcsKinds.serviceKey(cluster, service)).orElseThrow());
  }

  /** Takes one sample and checks both bounds. */
  void sample() {
    List<Task> tasks = tasks();
    long active = tasks.stream().filter(t -> !"STOPPED".equals(t.lastStatus())).count();
    long healthy = tasks.stream().filter(t -> "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus())
        && "HEALTHY".equals(t.healthStatus())).count();
    samples++;
    maxActiveSeen = (int) Math.max(maxActiveSeen, active);
    minHealthySeen = (int) Math.min(minHealthySeen, healthy);
    if (active > maxActive) {
      violations.add(active + " tasks not STOPPED (bound " + maxActive + ")");
    }
    if (healthy < minHealthy) {
      violations.add(healthy + " healthy tasks (bound " + minHealthy + ")");
    }
  }
}

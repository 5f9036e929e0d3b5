package dev.ecsemulator.api.ui;

import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * The browser dashboard's server side: the live feed of the store's clusters, services and tasks, the details Docker
 * adds (health check output, CPU and memory), and the sample app's teaching actions. Every action that changes ECS
 * state is an ordinary ECS API call the page makes itself ({@code POST /}); nothing here writes ECS state.
 *
 * <p>Cheap to make (the emulator makes one at start): no thread runs and nothing is read until a browser watches.
 * See {@link DashboardRoutes} for the endpoints. Thread-safe.
 */
public final class Dashboard implements AutoCloseable {

  private final LiveFeed feed;
  private final ContainerDetails containers;
  private final SampleAppControl sampleApp;
  private final Scope defaultScope;

  private Dashboard(LiveFeed feed, ContainerDetails containers, SampleAppControl sampleApp, Scope defaultScope) {
    this.feed = feed;
    this.containers = containers;
    this.sampleApp = sampleApp;
    this.defaultScope = defaultScope;
  }

  /**
   * A dashboard of {@code store}, subscribed to its commits.
   *
   * @param docker the engine the tasks run on
   * @param instance whose containers may be inspected (no other's)
   * @param defaultScope the scope a page shows unless it asks for another: the API's default account and region
   * @param engineReachable whether the engine answers now (no stats are asked for while it does not)
   */
  public static Dashboard start(StateStore store, DockerEngine docker, EmulatorInstance instance, Scope defaultScope,
      BooleanSupplier engineReachable, Clock clock) {
    return new Dashboard(LiveFeed.start(store, clock, new DockerStats(docker), engineReachable),
        new ContainerDetails(docker, instance), new SampleAppControl(store, docker.host()), defaultScope);
  }

  LiveFeed feed() {
    return feed;
  }

  ContainerDetails containers() {
    return containers;
  }

  SampleAppControl sampleApp() {
    return sampleApp;
  }

  Scope defaultScope() {
    return defaultScope;
  }

  /** How many times the live feed has read state: it stays the same while nobody watches. */
  public long feedReads() {
    return feed.reads();
  }

  /** How many browsers watch now. */
  public int watchers() {
    return feed.watchers();
  }

  /** Ends every browser's stream (so a graceful stop need not wait for them) and the feed's threads. */
  @Override
  public void close() {
    feed.close();
  }
}

package dev.ecsemulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecsemulator.api.operations.ClusterOperations;
import dev.ecsemulator.api.protocol.AwsJsonProtocol;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ScopeResolver;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.durable.DataDirLock;
import dev.ecsemulator.core.state.durable.DurableOptions;
import dev.ecsemulator.core.state.durable.DurableStateStore;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The composition root: builds the store, the domain services, the Docker runtime and the HTTP server
 * from an {@link EmulatorConfig}, and owns their lifecycle. {@link #start} returns once the server
 * answers. The data directory is locked for the emulator's lifetime; state is durable in it unless the
 * config says ephemeral.
 */
public final class Emulator implements AutoCloseable {

  private final EmulatorConfig config;
  private final EmulatorInstance instance;
  private final Clock clock;
  private final Instant startedAt;
  private final DataDirLock dataDirLock;
  private final StateStore store;
  private final DockerEngine docker;
  private final ManagedResources managed;
  private final EcsHttpServer server;
  private final ServiceModel model;
  private final OperationTable operations;
  private int port;

  private Emulator(EmulatorConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.instance = EmulatorInstance.forDataDir(config.dataDir());
    this.dataDirLock = DataDirLock.acquire(config.dataDir());
    try {
      this.store = openStore(config);
    } catch (RuntimeException e) {
      dataDirLock.close();
      throw e;
    }
    this.docker = new DockerEngine(DockerEngine.resolveHost(config.dockerHost()));
    this.managed = new ManagedResources(docker, instance);
    this.model = ServiceModel.load();
    this.operations = new OperationTable();
    ClusterOperations.register(operations, new Clusters(store));
    AwsJsonProtocol protocol = new AwsJsonProtocol(
        model, operations, new ScopeResolver(config.accountId(), config.region()));
    this.server = new EcsHttpServer(protocol, this::health, this::reset);
  }

  /**
   * Every kind of entity the emulator stores. Durable state is read back by kind name, so a kind
   * missing here fails its first write (in ephemeral mode too).
   */
  static KindRegistry kinds() {
    return KindRegistry.of(EcsKinds.all());
  }

  private static StateStore openStore(EmulatorConfig config) {
    if (config.ephemeral()) {
      return new InMemoryStateStore(kinds());
    }
    return DurableStateStore.open(config.stateDir(), kinds(), DurableOptions.defaults().withResetState(config.resetState()));
  }

  /**
   * Builds and starts an emulator; the returned one is serving.
   *
   * @throws dev.ecsemulator.core.state.durable.DataDirLockedException if another emulator uses the data dir
   * @throws dev.ecsemulator.core.state.durable.StateDamagedException if the saved state cannot be read back
   */
  public static Emulator start(EmulatorConfig config) {
    Emulator emulator = new Emulator(config, Clock.systemUTC());
    try {
      emulator.port = emulator.server.start(config.bind(), config.port());
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
    return emulator;
  }

  public int port() {
    return port;
  }

  /** The endpoint URL clients use, e.g. {@code http://127.0.0.1:4566}. */
  public String url() {
    String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
    return "http://" + host + ":" + port;
  }

  public EmulatorInstance instance() {
    return instance;
  }

  /** How many of the model's operations the dispatch table implements. */
  public int implementedOperations() {
    return operations.operations().size();
  }

  public int modelOperations() {
    return model.operationNames().size();
  }

  private void health(Context ctx) throws JsonProcessingException {
    EngineStatus engine = docker.probe();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    body.put("version", BuildInfo.version());
    body.put("uptimeSeconds", Duration.between(startedAt, clock.instant()).toMillis() / 1000.0);
    body.put("instanceId", instance.id());
    body.put("dataDir", instance.dataDir().toString());
    body.put("state", config.ephemeral() ? "ephemeral" : "durable");
    body.put("operations", Map.of("implemented", implementedOperations(), "inModel", modelOperations()));
    body.put("docker", engine);
    ctx.contentType("application/json").result(EcsJson.mapper().writeValueAsBytes(body));
  }

  /**
   * Forgets all state of every account and region and removes every container and network of this
   * instance (never another's). Answers when done.
   */
  private void reset(Context ctx) throws JsonProcessingException {
    store.clear();
    Map<String, Object> body = new LinkedHashMap<>();
    EngineStatus engine = docker.probe();
    body.put("removedContainers", engine.reachable() ? managed.removeAll() : 0);
    body.put("docker", engine);
    ctx.contentType("application/json").result(EcsJson.mapper().writeValueAsBytes(body));
  }

  @Override
  public void close() {
    try {
      server.close();
      docker.close();
    } finally {
      try {
        store.close();
      } finally {
        dataDirLock.close();
      }
    }
  }
}

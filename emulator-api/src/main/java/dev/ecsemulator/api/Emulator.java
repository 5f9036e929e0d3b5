package dev.ecsemulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ecsemulator.api.operations.AccountSettingOperations;
import dev.ecsemulator.api.operations.AttributeOperations;
import dev.ecsemulator.api.operations.CapacityProviderOperations;
import dev.ecsemulator.api.operations.ClusterOperations;
import dev.ecsemulator.api.operations.ServiceOperations;
import dev.ecsemulator.api.operations.TaskSetOperations;
import dev.ecsemulator.api.operations.TagOperations;
import dev.ecsemulator.api.operations.TaskDefinitionOperations;
import dev.ecsemulator.api.operations.ContainerInstanceOperations;
import dev.ecsemulator.api.operations.EcsService;
import dev.ecsemulator.api.operations.TaskOperations;
import dev.ecsemulator.api.metadata.EndpointKeyFile;
import dev.ecsemulator.api.metadata.TaskCallers;
import dev.ecsemulator.api.metadata.TaskEndpoints;
import dev.ecsemulator.api.protocol.AwsJsonProtocol;
import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ProtocolRouter;
import dev.ecsemulator.api.protocol.ScopeResolver;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.api.autoscaling.AutoScalingService;
import dev.ecsemulator.api.autoscaling.EcsServiceActuator;
import dev.ecsemulator.api.cloudwatch.CloudWatchService;
import dev.ecsemulator.core.autoscaling.ApplicationAutoScaling;
import dev.ecsemulator.core.autoscaling.AutoScalingKinds;
import dev.ecsemulator.core.task.TaskStatus;
import dev.ecsemulator.scheduler.metrics.DockerContainerStats;
import dev.ecsemulator.scheduler.metrics.MetricsLoop;
import dev.ecsemulator.api.elbv2.Elbv2Service;
import dev.ecsemulator.api.elbv2.plane.DataPlane;
import dev.ecsemulator.scheduler.service.targets.ServiceTargets;
import dev.ecsemulator.api.logs.LogsService;
import dev.ecsemulator.api.protocol.SmithyRpcV2CborProtocol;
import dev.ecsemulator.core.cloudwatch.CloudWatch;
import dev.ecsemulator.core.cloudwatch.CloudWatchKinds;
import dev.ecsemulator.api.protocol.AwsQueryProtocol;
import dev.ecsemulator.api.secretsmanager.SecretsManagerService;
import dev.ecsemulator.api.ssm.SsmService;
import dev.ecsemulator.api.ui.Dashboard;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.secretsmanager.SecretsManagerKinds;
import dev.ecsemulator.core.EmulatorInstance;
import dev.ecsemulator.core.Ids;
import dev.ecsemulator.core.instance.ContainerInstanceQueries;
import dev.ecsemulator.core.logs.Logs;
import dev.ecsemulator.core.logs.LogsKinds;
import dev.ecsemulator.core.task.TaskCommands;
import dev.ecsemulator.core.task.TaskQueries;
import dev.ecsemulator.scheduler.logs.AwslogsShipping;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.runtime.DockerContainerRuntime;
import dev.ecsemulator.scheduler.runtime.LocalHostPaths;
import dev.ecsemulator.scheduler.metadata.DockerFacts;
import dev.ecsemulator.scheduler.metadata.EndpointIndex;
import dev.ecsemulator.scheduler.metadata.EndpointNetwork;
import dev.ecsemulator.scheduler.metadata.TaskCredentials;
import dev.ecsemulator.scheduler.metadata.TaskMetadataService;
import dev.ecsemulator.scheduler.runtime.EndpointIds;
import dev.ecsemulator.scheduler.runtime.PullPolicy;
import dev.ecsemulator.scheduler.runtime.TaskEndpoint;
import dev.ecsemulator.scheduler.task.EngineMonitor;
import dev.ecsemulator.scheduler.task.TaskEngine;
import dev.ecsemulator.core.attribute.Attributes;
import dev.ecsemulator.core.capacity.CapacityProviders;
import dev.ecsemulator.core.cluster.Clusters;
import dev.ecsemulator.core.json.EcsJson;
import dev.ecsemulator.core.service.ServiceCommands;
import dev.ecsemulator.core.service.ServiceDeploymentQueries;
import dev.ecsemulator.core.service.ServiceQueries;
import dev.ecsemulator.core.service.TaskSetCommands;
import dev.ecsemulator.core.service.TaskSetQueries;
import dev.ecsemulator.core.settings.AccountSettings;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.tag.Tags;
import dev.ecsemulator.core.taskdef.TaskDefinitions;
import dev.ecsemulator.core.state.durable.DataDirLock;
import dev.ecsemulator.core.state.durable.DurableOptions;
import dev.ecsemulator.core.state.durable.DurableStateStore;
import dev.ecsemulator.scheduler.docker.DockerEngine;
import dev.ecsemulator.scheduler.docker.EngineStatus;
import dev.ecsemulator.scheduler.docker.ManagedResources;
import dev.ecsemulator.scheduler.service.runner.ServiceEngine;
import dev.ecsemulator.scheduler.service.runner.ServiceRecount;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The composition root: builds the store, the domain services, the Docker runtime and the HTTP server
 * from an {@link EmulatorConfig}, and owns their lifecycle. {@link #start} returns once the server
 * answers. The data directory is locked for the emulator's lifetime; state is durable in it unless the
 * config says ephemeral.
 */
public final class Emulator implements AutoCloseable {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Emulator.class);

  /** The stoppedReason of tasks stopped because the emulator stopped with {@code --stop-tasks-on-exit}. */
  public static final String STOPPED_ON_EXIT = "Task stopped because ecs-emulator shut down (--stop-tasks-on-exit)";

  /** How long a graceful stop waits for tasks to stop ({@code --stop-tasks-on-exit}). */
  static final Duration STOP_TASKS_TIMEOUT = Duration.ofMinutes(2);

  /** At the latest this long after start, scheduling starts even if no request came (see {@link #start}). */
  static final Duration SCHEDULING_DELAY = Duration.ofSeconds(1);

  private final EmulatorConfig config;
  private final EmulatorInstance instance;
  private final Clock clock;
  private final Instant startedAt;
  private final DataDirLock dataDirLock;
  private final StateStore store;
  private final DockerEngine docker;
  private final ManagedResources managed;
  private final EcsHttpServer server;
  /** The AWS JSON APIs on the endpoint, ECS first. */
  private final List<AwsService> apis;
  /** The AWS query APIs on the endpoint (ELBv2; CloudWatch, which speaks it besides CBOR and JSON). */
  private final List<AwsService> queryApis;
  /** Elastic Load Balancing v2's core, which its API and data plane share. */
  private final Elbv2Service.Core elbv2;
  /** ELBv2's target registrations, which the API, the data plane and the tasks of services share. */
  private final dev.ecsemulator.core.elbv2.Targets elbTargets;
  /** ELBv2's listeners as reverse proxies, its health checks and draining. */
  private final DataPlane loadBalancing;
  /** ECS's dispatch table. */
  private final OperationTable operations;
  private final Memo<ContainerRuntime> runtime;
  private final EngineMonitor monitor;
  private TaskEngine tasks; // guarded by this: set once scheduling has started
  private AwslogsShipping awslogs; // guarded by this: set with tasks
  private boolean closing; // guarded by this
  /** Set once scheduling has been started (see {@link #startSchedulingOnce}); read unguarded as a hint. */
  private volatile boolean schedulingStarted; // written under this
  private final ServiceEngine services;
  /** CloudWatch Logs: its operations, and the store of log events shipping appends to. */
  private final Logs logs;
  /** CloudWatch metrics and alarms. */
  private final CloudWatch cloudWatch;
  /** Application Auto Scaling of ECS services. */
  private final ApplicationAutoScaling autoScaling;
  /** Publishes AWS/ECS metrics and evaluates alarms every metrics period. */
  private final MetricsLoop metrics;
  private final io.javalin.http.Handler api;
  private volatile TaskEndpoints taskEndpoints; // set once scheduling has started, when the endpoint is served
  /** The browser dashboard's live feed and Docker details; idle until a browser watches. */
  private final Dashboard dashboard;
  private int port;

  private Emulator(EmulatorConfig config, Clock clock, Prestart prestart) {
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
    ServiceModel ecsModel = prestart.model(EcsService.MODEL);
    this.operations = new OperationTable();
    ClusterOperations.register(operations, new Clusters(store, clock));
    TagOperations.register(operations, new Tags(store));
    AccountSettingOperations.register(operations, new AccountSettings(store));
    AttributeOperations.register(operations, new Attributes(store));
    CapacityProviderOperations.register(operations, new CapacityProviders(store));
    TaskDefinitionOperations.register(operations, new TaskDefinitions(store, clock));
    this.runtime = new Memo<>(() -> new DockerContainerRuntime(docker, instance));
    SchedulerOptions scheduling = config.scheduler();
    this.monitor = new EngineMonitor(runtime, scheduling.instanceCpu(), scheduling.instanceMemory());
    Ids ids = Ids.random();
    TaskOperations.register(operations,
        new TaskCommands(store, ids, clock, monitor::resources, instance.id()), new TaskQueries(store));
    ContainerInstanceOperations.register(operations, new ContainerInstanceQueries(store, monitor::reachable));
    ServiceCommands serviceCommands = new ServiceCommands(store, ids, clock);
    ServiceQueries serviceQueries = new ServiceQueries(store);
    ServiceOperations.register(operations, serviceCommands, serviceQueries, new ServiceDeploymentQueries(store));
    TaskSetOperations.register(operations, new TaskSetCommands(store, ids, clock), new TaskSetQueries(store));
    // Counts saved by the previous process may no longer match the saved tasks (see ServiceRecount):
    // correct them before the routes are handed over below, so no answer shows a count from that life.
    int recounted = ServiceRecount.all(store, clock);
    if (recounted > 0) {
      log.info("Starting: the counts of {} service(s) recounted from their saved tasks", recounted);
    }
    this.services = ServiceEngine.start(store, clock, ids, monitor::resources, instance.id(),
        ServiceEngine.Settings.defaults().withBakeMinute(config.scheduler().bakeMinute()));
    // Services whose tasks did not change while the engine was away still get a look when it is back.
    monitor.onReconnect(services::reconcileAll);
    this.logs = Logs.start(store, clock, config.logs());
    // CloudWatch's alarms call scaling policies, whose target-tracking alarms live in CloudWatch: wired in two steps.
    ApplicationAutoScaling.Wiring scaling =
        ApplicationAutoScaling.wire(store, clock, new EcsServiceActuator(serviceCommands, serviceQueries));
    this.cloudWatch = new CloudWatch(store, clock, scaling.actions());
    int alarmPeriod = (int) Math.min(60, config.metricsPeriod().toSeconds());
    this.autoScaling = scaling.start(cloudWatch, alarmPeriod);
    // A deleted service's scalable target goes with it (its policies, scheduled actions and alarms too).
    serviceCommands.onDeleted(autoScaling.targets()::forgetService);
    this.metrics = MetricsLoop.start(store, clock, config.metricsPeriod(), new DockerContainerStats(docker),
        monitor::reachable, cloudWatch, autoScaling);
    AwsService monitoring = CloudWatchService.create(prestart.model(CloudWatchService.MODEL), cloudWatch);
    this.apis = List.of(
        EcsService.of(ecsModel, operations),
        SsmService.create(prestart.model(SsmService.MODEL), store, clock),
        SecretsManagerService.create(prestart.model(SecretsManagerService.MODEL), store, clock),
        LogsService.create(prestart.model(LogsService.MODEL), logs),
        monitoring,
        AutoScalingService.create(prestart.model(AutoScalingService.MODEL), autoScaling));
    this.elbTargets = new dev.ecsemulator.core.elbv2.Targets(store, clock);
    this.loadBalancing = new DataPlane(store, elbTargets, config.bind(), clock,
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(daemon("elbv2-plane")),
        config.healthCheckSecond());
    metrics.add(new dev.ecsemulator.api.elbv2.plane.AlbMetricsPublisher(store, loadBalancing.requests(),
        cloudWatch.metrics()));
    this.elbv2 = Elbv2Service.Core.over(store, clock, elbTargets, loadBalancing);
    ScopeResolver scopes = new ScopeResolver(config.accountId(), config.region());
    AwsJsonProtocol json = new AwsJsonProtocol(apis, scopes);
    // CloudWatch speaks all three: RPC v2 CBOR (current SDKs), AWS JSON 1.0 and AWS query (older SDKs and CLIs).
    this.queryApis = List.of(Elbv2Service.create(prestart.model(Elbv2Service.MODEL), elbv2), monitoring);
    this.api = new ProtocolRouter(json, new SmithyRpcV2CborProtocol(List.of(monitoring), scopes),
        new AwsQueryProtocol(queryApis, scopes));
    this.dashboard = Dashboard.start(store, docker, instance, new Scope(config.accountId(), config.region()),
        monitor::reachable, clock);
    this.server = prestart.server();
    loadBalancing.start();
    server.serve(new EcsHttpServer.Routes(startingScheduling(api), startingScheduling(this::health), this::reset,
        dashboard));
  }

  /**
   * Every kind of entity the emulator stores. Durable state is read back by kind name, so a kind
   * missing here fails its first write (in ephemeral mode too), and the durable store refuses files
   * naming any other. Public for tests that check every stored record.
   */
  public static KindRegistry kinds() {
    return KindRegistry.of(EcsKinds.all()).with(dev.ecsemulator.core.ssm.SsmKinds.all()).with(
        dev.ecsemulator.core.task.RunTaskToken.KIND,
        dev.ecsemulator.core.taskdef.TaskDefinitionFamily.KIND,
        dev.ecsemulator.core.settings.StoredAccountSetting.KIND,
        dev.ecsemulator.core.service.ServiceKinds.SERVICE_DEPLOYMENT,
        dev.ecsemulator.core.service.ServiceKinds.SERVICE_REVISION,
        dev.ecsemulator.core.service.ServiceKinds.CREATE_REQUEST,
        dev.ecsemulator.scheduler.service.runner.SchedulerState.KIND).withIndexes(EcsKinds.indexes())
        .with(SecretsManagerKinds.all())
        .with(LogsKinds.all())
        .with(CloudWatchKinds.all())
        .with(AutoScalingKinds.all())
        .with(dev.ecsemulator.core.elbv2.Elbv2Kinds.all());
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
    return start(config, Prestart.begin());
  }

  /** As {@link #start(EmulatorConfig)}, with the configuration-free part of start-up already begun. */
  static Emulator start(EmulatorConfig config, Prestart prestart) {
    // The server listens as soon as it is built, while the state is opened; a request that comes
    // meanwhile waits for the emulator to be ready.
    CompletableFuture<Integer> listening = prestart.listen(config.bind(), config.port(), config.allowedHosts());
    Emulator emulator;
    try {
      emulator = new Emulator(config, Clock.systemUTC(), prestart);
    } catch (RuntimeException | Error e) {
      listening.exceptionally(failure -> 0).join();
      prestart.discardServer();
      throw e;
    }
    try {
      emulator.port = Prestart.join(listening);
    } catch (RuntimeException | Error e) {
      emulator.close();
      throw e;
    }
    // Connect to Docker and start running tasks in the background, once the first request is answered or
    // SCHEDULING_DELAY has passed: the API answers meanwhile (tasks stored before the engine is ready are picked up
    // by its first resync; an answer that needs the engine's state probes it itself).
    CompletableFuture.runAsync(emulator::startSchedulingOnce,
        CompletableFuture.delayedExecutor(SCHEDULING_DELAY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS,
            Runnable::run));
    return emulator;
  }

  /**
   * Starts connecting to Docker and running tasks, on a thread of its own, once. Building the Docker runtime is some
   * hundreds of classes: on two cores it would slow the first answer, which the first request waits for (measured in
   * docs/benchmarks.md, "Start-up time and idle memory").
   */
  private void startSchedulingOnce() {
    synchronized (this) {
      if (schedulingStarted || closing) {
        return;
      }
      schedulingStarted = true;
    }
    Thread scheduling = new Thread(this::startScheduling, "ecs-scheduling-start");
    scheduling.setDaemon(true);
    scheduling.start();
  }

  /** The API's handler, which starts scheduling once its first request is answered. */
  private io.javalin.http.Handler startingScheduling(io.javalin.http.Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } finally {
        if (!schedulingStarted) {
          startSchedulingOnce();
        }
      }
    };
  }

  private void startScheduling() {
    monitor.probe();
    SchedulerOptions options = config.scheduler();
    TaskEndpoints endpoints = options.taskMetadata() ? taskEndpoints() : null;
    // Containers with the awslogs driver ship their output to CloudWatch Logs; each followed container holds one of
    // the client's connections.
    AwslogsShipping shipping = AwslogsShipping.start(store, logs, runtime.get(), docker.newStreamClient(1024), clock,
        AwslogsShipping.Settings.defaults());
    TaskEngine engine = new TaskEngine(store, runtime.get(), monitor, clock, instance, new TaskEngine.Settings(
        options.resyncInterval(), options.stoppedTaskRetention(), options.taskCleanupDelay(),
        PullPolicy.parse(options.imagePullBehavior()), config.bind(),
        endpoints == null ? TaskEndpoint.Source.NONE : endpoints, options.allowHostAccess(),
        LocalHostPaths.policy(docker.host(), instance.dataDir())), shipping,
        new ServiceTargets(store, elbTargets, Ids.random(), clock));
    synchronized (this) {
      if (!closing) {
        tasks = engine;
        awslogs = shipping;
        engine.start();
        return;
      }
    }
    engine.close(); // the emulator stopped while this was starting
    shipping.close();
  }

  /**
   * The task metadata and credentials endpoint, set up now (network and server) so that the first tasks are
   * told about it; when that is not possible yet, each launch tries again. Handed to {@link #close} before it is
   * set up, so a stop meanwhile cleans up after it. Null when the emulator is stopping or the set-up fails.
   */
  private TaskEndpoints taskEndpoints() {
    EndpointIds ids;
    TaskEndpoints endpoints;
    try {
      // The key lives in the data directory (a fresh one per run when ephemeral). Made under the lock that close
      // takes first, so that nothing is written there once the emulator has stopped; off the start-up path, as
      // the first SecureRandom costs tens of milliseconds.
      synchronized (this) {
        if (closing) {
          return null;
        }
        ids = config.ephemeral() ? EndpointIds.random()
            : EndpointIds.of(EndpointKeyFile.loadOrCreate(config.dataDir()));
      }
      EndpointIndex index = EndpointIndex.of(store, ids);
      TaskMetadataService service = new TaskMetadataService(store, index, new DockerFacts(docker, instance),
          new TaskCredentials(clock));
      EndpointNetwork network = new EndpointNetwork(docker, instance);
      TaskCallers callers = new TaskCallers(network::engineSubnets, clock);
      endpoints = new TaskEndpoints(network, service, ids, callers, api,
          new TaskEndpoints.Options(config.scheduler().injectAwsEndpointUrl(), port), clock);
    } catch (RuntimeException e) {
      log.warn("Task endpoint: not offered to tasks: {}", e.getMessage());
      return null;
    }
    synchronized (this) {
      if (closing) {
        endpoints.close();
        return null;
      }
      taskEndpoints = endpoints;
    }
    if (monitor.reachable()) {
      endpoints.current(); // else the first launch after the engine answers sets it up; after close, nothing
    }
    return endpoints;
  }

  private synchronized TaskEngine taskEngine() {
    return tasks;
  }

  public int port() {
    return port;
  }

  /** The endpoint URL clients use, e.g. {@code http://127.0.0.1:4566}. */
  public String url() {
    // Joined, not concatenated, as Main's ready line that prints it (see there).
    String host = config.bind().contains(":") ? String.join("", "[", config.bind(), "]") : config.bind();
    return String.join("", "http://", host, ":", Integer.toString(port));
  }

  /** The state store, for tests that seed resources no operation creates yet. */
  public StateStore store() {
    return store;
  }

  public EmulatorInstance instance() {
    return instance;
  }

  /** The browser dashboard's server side (for tests that watch what it does). */
  public Dashboard dashboard() {
    return dashboard;
  }

  /** CloudWatch Logs, e.g. to append container output ({@link dev.ecsemulator.core.logs.LogEvents#append}). */
  public Logs logs() {
    return logs;
  }

  /** CloudWatch metrics and alarms, e.g. to evaluate alarms at a given time in tests. */
  public CloudWatch cloudWatch() {
    return cloudWatch;
  }

  /** Application Auto Scaling, e.g. to run scheduled actions at a given time in tests. */
  public ApplicationAutoScaling autoScaling() {
    return autoScaling;
  }

  /** The AWS APIs on the endpoint, ECS first: each with its model, its operations and its errors. */
  public List<AwsService> services() {
    return apis;
  }

  /** How many of the ECS model's operations the dispatch table implements. */
  public int implementedOperations() {
    return operations.operations().size();
  }

  /** How many operations the ECS model has. */
  public int modelOperations() {
    return apis.get(0).inModel();
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
    // ECS's figures, as before there were several services.
    body.put("operations", Map.of("implemented", implementedOperations(), "inModel", modelOperations()));
    Map<String, ApiHealth> byService = new LinkedHashMap<>();
    for (AwsService api : java.util.stream.Stream.concat(apis.stream(), queryApis.stream()).toList()) {
      byService.put(api.name(), new ApiHealth(api.model().targetPrefix(), api.implemented(), api.inModel()));
    }
    body.put("services", byService);
    body.put("docker", engine);
    body.put("metrics", metrics.totals());
    TaskEndpoints endpoints = taskEndpoints;
    String off = config.scheduler().taskMetadata() ? "not set up (yet)" : "--task-metadata=false";
    body.put("taskEndpoint", endpoints != null ? endpoints.describe() : Map.of("serving", false, "problem", off));
    ctx.contentType("application/json").result(EcsJson.mapper().writeValueAsBytes(body));
  }

  /** A service's entry in the health answer. */
  private record ApiHealth(String targetPrefix, int implemented, int inModel) {}

  /**
   * Forgets all state of every account and region and removes every container and network of this
   * instance (never another's). Answers when done.
   */
  private void reset(Context ctx) throws JsonProcessingException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    Runnable wipe = () -> {
      store.clear();
      EngineStatus engine = docker.probe();
      body.put("removedContainers", engine.reachable() ? managed.removeAll() : 0);
      body.put("docker", engine);
      TaskEndpoints endpoints = taskEndpoints;
      if (endpoints != null && engine.reachable()) {
        endpoints.reset();
      }
    };
    // No service pass and no task pass may run meanwhile, or one in flight could recreate what the reset
    // removes.
    TaskEngine engine = taskEngine();
    services.whilePaused(() -> {
      try {
        if (engine != null) {
          engine.whilePaused(wipe);
        } else {
          wipe.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while resetting", e);
      }
    });
    ctx.contentType("application/json").result(EcsJson.mapper().writeValueAsBytes(body));
  }

  /** A thread factory of daemon threads with the name given. */
  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** ELBv2's core: its target registry is what the ECS integration registers tasks with. */
  public Elbv2Service.Core elbv2() {
    return elbv2;
  }

  /** ELBv2's data plane (its open listener ports, for tests). */
  public DataPlane loadBalancing() {
    return loadBalancing;
  }

  /** Builds a value once, on first use; thread-safe. */
  private static final class Memo<T> implements java.util.function.Supplier<T> {
    private final java.util.function.Supplier<T> make;
    private T value;

    Memo(java.util.function.Supplier<T> make) {
      this.make = make;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = make.get();
      }
      return value;
    }
  }

  /**
   * Stops gracefully, in this order: the dashboard's event streams, the HTTP server (no new requests; those
   * under way finish), the service engine (so nothing replaces a task stopped next), the tasks if
   * {@link SchedulerOptions#stopTasksOnExit()} (else their containers keep running, for the next start to
   * adopt), the task engine, the shipping of awslogs output, CloudWatch Logs' retention sweeps, and the store (a
   * final snapshot: compaction on close). Idempotent.
   */
  @Override
  public void close() {
    TaskEngine engine;
    AwslogsShipping shipping;
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
      engine = tasks;
      shipping = awslogs;
    }
    try {
      dashboard.close(); // its streams stay open until closed: the server's graceful stop would wait for them
      server.close();
      services.close();
      if (engine != null) {
        finishTasks(engine);
        engine.close();
      }
      if (shipping != null) {
        shipping.close(); // after the tasks, whose stops ship their output; before the store
      }
      TaskEndpoints endpoints = taskEndpoints;
      if (endpoints != null) {
        endpoints.close(tasksLeftRunning());
      }
      docker.close();
    } finally {
      metrics.close(); // it writes metrics and alarm states to the store
      loadBalancing.close(); // its health checks and drain sweeps write to the store: they stop first
      logs.close(); // its sweeps write to the store: they stop first
      try {
        store.close();
      } finally {
        dataDirLock.close();
      }
    }
  }

  /** Whether a container of this emulator still runs; true when the engine cannot tell. */
  private boolean tasksLeftRunning() {
    if (!monitor.reachable()) {
      return true;
    }
    try {
      return managed.containers().stream().anyMatch(c -> "running".equals(c.getState()));
    } catch (RuntimeException engineGone) {
      return true;
    }
  }

  private void finishTasks(TaskEngine engine) {
    if (!config.scheduler().stopTasksOnExit()) {
      long running = store.scopes().stream()
          .mapToLong(scope -> store.read(scope, v -> v.list(EcsKinds.TASK).stream()
              .filter(t -> !TaskStatus.STOPPED.is(t.lastStatus())).count()))
          .sum();
      log.info("Stopping: {} task(s) left running for the next start to adopt", running);
      return;
    }
    try {
      TaskEngine.StopAll result = engine.stopAll(STOPPED_ON_EXIT, STOP_TASKS_TIMEOUT);
      if (result.asked() == 0 && !monitor.reachable()) {
        log.warn("Stopping: the Docker engine does not answer, so no task could be stopped (--stop-tasks-on-exit)");
      } else {
        log.info("Stopping: {} of {} task(s) stopped (--stop-tasks-on-exit)", result.stopped(), result.asked());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package dev.ecsemulator.scheduler.logs;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.logs.Logs;
import dev.ecsemulator.core.logs.error.LogsException;
import dev.ecsemulator.core.model.Container;
import dev.ecsemulator.core.model.ContainerDefinition;
import dev.ecsemulator.core.model.LogConfiguration;
import dev.ecsemulator.core.model.Task;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.Change;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.task.ContainerStatus;
import dev.ecsemulator.scheduler.runtime.ContainerRuntime;
import dev.ecsemulator.scheduler.task.ContainerLogDriver;
import dev.ecsemulator.scheduler.task.TaskRecords;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code awslogs} log driver, as the ECS agent and Docker's driver behave, over the emulator's own CloudWatch
 * Logs. Containers keep Docker's json-file driver (so {@code docker logs} works); their output is read back from it
 * and shipped as events to the container's stream in the task's account and the awslogs region.
 *
 * <pre>
 *   TaskRunner ── beforeCreate: options checked (docker create) ── beforeStart: stream (and group) made (docker start)
 *   task record RUNNING / STOPPED (store listener, a scan every 30 s and at start: adoption after a restart)
 *        │ one ContainerShipper per container
 *        ▼
 *   reader thread: docker logs --timestamps [--follow] [--since] ─▶ lines ─▶ events ─▶ bounded queue
 *   shipping thread, every 200 ms while a container or a prompt is pending: a batch per container ─▶ LogEvents.append
 *   StoppedTaskCleaner.cleanUp ── beforeRemoval: waits until the containers' output is all shipped
 * </pre>
 *
 * Nothing here blocks a task or the API: reading and shipping have their own threads, a pass ships at most a
 * batch per container per round and a second of rounds, and a full queue only slows the reading of Docker's copy.
 * Thread-safe; {@link #close} stops it.
 */
public final class AwslogsShipping implements ContainerLogDriver, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AwslogsShipping.class);

  /**
   * @param passInterval how often batches are shipped (Docker's driver: every 5 s; sooner here, so that a reader
   *     sees output soon)
   * @param scanInterval how often every task is looked at for containers to ship (the store listener sees changes
   *     at once; this repairs anything missed)
   * @param maxQueuedBytes how much unshipped output a container's queue holds before its reader waits
   * @param drainTimeout how long a removal waits for a container's output to be shipped
   */
  public record Settings(Duration passInterval, Duration scanInterval, long maxQueuedBytes, Duration drainTimeout) {

    public static Settings defaults() {
      return new Settings(Duration.ofMillis(200), Duration.ofSeconds(30), 4L << 20, Duration.ofSeconds(60));
    }
  }

  /** How long a pass goes on shipping while containers have more queued. */
  private static final long PASS_BUDGET_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long MAX_RETRY_DELAY_MILLIS = 30_000;

  private final StateStore store;
  private final StreamSetup destinations;
  private final OutputSource source;
  private final EventSink sink;
  private final Clock clock;
  private final Settings settings;
  private final Supplier<String> requestIds;
  private final Closeable connection;
  private final Map<String, ContainerShipper> shippers = new ConcurrentHashMap<>();
  /** Containers whose output is all shipped, by Docker ID (forgotten once no task names them). */
  private final Set<String> done = ConcurrentHashMap.newKeySet();
  private final Set<TaskKey> prompted = ConcurrentHashMap.newKeySet();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService shipping = shippingThread();
  private final ExecutorService readers = Executors.newCachedThreadPool(threads("awslogs-read"));
  /** Whether a pass is scheduled: there is one while containers are followed or tasks changed (see {@link #wake}). */
  private final AtomicBoolean passScheduled = new AtomicBoolean();
  private volatile boolean closed;

  private record TaskKey(Scope scope, String key) {}

  AwslogsShipping(StateStore store, Logs logs, OutputSource source, EventSink sink, Clock clock, Settings settings,
      Supplier<String> requestIds, Closeable connection) {
    this.store = store;
    this.destinations = new StreamSetup(logs.groups(), logs.streams());
    this.source = source;
    this.sink = sink;
    this.clock = clock;
    this.settings = settings;
    this.requestIds = requestIds;
    this.connection = connection;
  }

  /**
   * Starts shipping: the tasks in the store are looked at now (containers still running are followed again, from
   * what their streams hold), and on every change.
   *
   * @param docker a client of its own for reading logs ({@code DockerEngine.newStreamClient}); closed with this
   */
  public static AwslogsShipping start(StateStore store, Logs logs, ContainerRuntime runtime, DockerHttpClient docker,
      Clock clock, Settings settings) {
    AwslogsShipping shipping = new AwslogsShipping(store, logs, new DockerOutputSource(runtime, docker),
        new StoreSink(logs.events()), clock, settings, () -> UUID.randomUUID().toString(), docker);
    shipping.start();
    return shipping;
  }

  void start() {
    store.subscribe(this::onChanges);
    shipping.scheduleWithFixedDelay(this::scan, 0, settings.scanInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Schedules a pass one pass interval from now unless one is scheduled. Passes follow one another every interval
   * while there is anything to ship or look at ({@link #pass} wakes the next one), and stop when there is nothing:
   * with no awslogs container, the shipping thread no longer wakes up five times a second to find nothing
   * (docs/benchmarks.md, "Scale": idle CPU). A task change or a new shipper wakes them again.
   */
  private void wake() {
    if (closed || !passScheduled.compareAndSet(false, true)) {
      return;
    }
    try {
      shipping.schedule(this::pass, settings.passInterval().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      passScheduled.set(false); // closing: close() ships what is queued
    }
  }

  // ---- the driver's moments ----

  @Override
  public void beforeCreate(Scope scope, Task task, TaskDefinition definition, String containerName) {
    LogConfiguration log = logConfiguration(definition, containerName);
    if (log == null || !AwslogsOptions.DRIVER.equals(log.logDriver())) {
      return;
    }
    try {
      AwslogsOptions.parse(log.options(), scope.region());
    } catch (DriverRefusal refusal) {
      if (refusal.step() == DriverRefusal.Step.CREATE) {
        throw DriverErrors.reported(refusal, fargate(task), requestIds.get());
      }
    }
  }

  @Override
  public void beforeStart(Scope scope, Task task, TaskDefinition definition, String containerName, String containerId) {
    ContainerDefinition container = container(definition, containerName);
    if (container == null) {
      return;
    }
    try {
      Optional<ShippingTarget> target = ShippingTarget.of(scope, task, container, containerId);
      if (target.isPresent()) {
        destinations.create(target.get());
      }
    } catch (DriverRefusal refusal) {
      throw DriverErrors.reported(refusal, fargate(task), requestIds.get());
    }
  }

  @Override
  public void beforeRemoval(Scope scope, Task task) {
    TaskDefinition definition = definition(scope, task);
    if (definition == null || task.containers() == null) {
      return;
    }
    List<ContainerShipper> waiting = new ArrayList<>();
    for (Container c : task.containers()) {
      if (c.runtimeId() == null || done.contains(c.runtimeId())) {
        continue;
      }
      target(scope, task, definition, c).map(this::shipper).ifPresent(waiting::add);
    }
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    try {
      for (ContainerShipper shipper : waiting) {
        if (!shipper.awaitDone(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
          log.warn("The output of {} is not all shipped; its container is removed anyway", shipper.target());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- finding containers to ship ----

  private void onChanges(List<Change> changes) {
    if (closed) {
      return;
    }
    for (Change change : changes) {
      if (change.kind() == EcsKinds.TASK && change.after() != null) {
        prompted.add(new TaskKey(change.scope(), change.key()));
        wake();
      }
    }
  }

  /** Looks at every task: what is found running or stopped is shipped; containers no task names are forgotten. */
  private void scan() {
    try {
      Set<String> named = new HashSet<>();
      for (Scope scope : store.scopes()) {
        for (Task task : store.read(scope, v -> v.list(EcsKinds.TASK))) {
          consider(scope, task);
          if (task.containers() != null) {
            task.containers().forEach(c -> named.add(c.runtimeId()));
          }
        }
      }
      done.retainAll(named);
    } catch (RuntimeException e) {
      log.error("Bug: looking for containers to ship failed", e);
    }
  }

  /** Ships the output of the task's awslogs containers that have started, unless that is under way or done. */
  private void consider(Scope scope, Task task) {
    if (task == null || task.taskArn() == null || task.containers() == null) {
      return;
    }
    TaskDefinition definition = null;
    for (Container c : task.containers()) {
      String id = c.runtimeId();
      boolean started = ContainerStatus.RUNNING.is(c.lastStatus()) || ContainerStatus.STOPPED.is(c.lastStatus());
      if (id == null || !started || done.contains(id) || shippers.containsKey(id)) {
        continue;
      }
      if (definition == null && (definition = definition(scope, task)) == null) {
        return;
      }
      target(scope, task, definition, c).ifPresent(this::shipper);
    }
  }

  private Optional<ShippingTarget> target(Scope scope, Task task, TaskDefinition definition, Container c) {
    ContainerDefinition container = container(definition, c.name());
    if (container == null) {
      return Optional.empty();
    }
    try {
      return ShippingTarget.of(scope, task, container, c.runtimeId());
    } catch (DriverRefusal refused) {
      return Optional.empty(); // it never started: there is no output
    }
  }

  /** The container's shipper, started now if there is none. */
  private ContainerShipper shipper(ShippingTarget target) {
    ContainerShipper fresh = new ContainerShipper(target, source, sink, clock::millis, settings.maxQueuedBytes());
    ContainerShipper existing = shippers.putIfAbsent(target.containerId(), fresh);
    if (existing != null) {
      return existing;
    }
    read(fresh, 0);
    wake();
    return fresh;
  }

  /** Runs a reading on a reader thread; a reading that broke off is tried again later, ever less often. */
  private void read(ContainerShipper shipper, int attempt) {
    if (closed) {
      return;
    }
    try {
      readers.execute(() -> {
        ContainerShipper.Outcome outcome;
        try {
          outcome = shipper.read();
        } catch (RuntimeException e) {
          log.error("Bug: reading the output of {} failed", shipper.target(), e);
          outcome = ContainerShipper.Outcome.RETRY;
        }
        if (outcome == ContainerShipper.Outcome.RETRY && !closed) {
          long delay = Math.min(MAX_RETRY_DELAY_MILLIS, 1000L << Math.min(attempt, 5));
          try {
            shipping.schedule(() -> read(shipper, attempt + 1), delay, TimeUnit.MILLISECONDS);
          } catch (RejectedExecutionException closing) {
            // closing: the next start reads on from the stream's end
          }
        }
      });
    } catch (RejectedExecutionException closing) {
      // closing: the next start reads on from the stream's end
    }
  }

  // ---- shipping ----

  /**
   * Ships a batch per container, round after round while some have more (for at most a second); then schedules the
   * next pass if a container is still followed or a task changed meanwhile.
   */
  private void pass() {
    passScheduled.set(false); // before reading the prompts: a prompt added from now on schedules a pass of its own
    try {
      for (TaskKey key : List.copyOf(prompted)) {
        prompted.remove(key);
        consider(key.scope(), store.read(key.scope(), v -> v.get(EcsKinds.TASK, key.key())).orElse(null));
      }
      long start = System.nanoTime();
      boolean more = true;
      while (more && System.nanoTime() - start < PASS_BUDGET_NANOS) {
        more = false;
        for (ContainerShipper shipper : shippers.values()) {
          more |= shipOne(shipper);
        }
      }
      shippers.values().removeIf(s -> {
        if (s.done() && !s.queued()) {
          done.add(s.target().containerId());
          return true;
        }
        return false;
      });
    } catch (RuntimeException e) {
      log.error("Bug: a shipping pass failed", e);
    } finally {
      if (!shippers.isEmpty() || !prompted.isEmpty()) {
        wake();
      }
    }
  }

  /** Ships one batch of the container's; true when more is queued. */
  private boolean shipOne(ContainerShipper shipper) {
    EventBatches.Taken taken = shipper.takeBatch(clock.millis());
    if (taken.dropped() > 0) {
      warnOnce(shipper.target() + " dropped", "{} events of {} were more than 14 days old or 2 hours ahead: dropped, "
          + "as PutLogEvents sets them aside", taken.dropped(), shipper.target());
    }
    if (taken.batch().isEmpty()) {
      return false;
    }
    try {
      sink.append(shipper.target(), taken.batch());
    } catch (LogsException e) {
      // As the driver, which logs a failed PutLogEvents and goes on: these events are lost.
      warnOnce(shipper.target() + e.getMessage(), "Output of {} lost: {}: {}", shipper.target(), e.errorCode(),
          e.getMessage());
    } finally {
      shipper.appended();
    }
    return shipper.queued();
  }

  private void warnOnce(String key, String format, Object... arguments) {
    if (warned.size() < 10_000 && warned.add(key)) {
      log.warn(format, arguments);
    }
  }

  // ---- lookups ----

  private TaskDefinition definition(Scope scope, Task task) {
    if (task.taskDefinitionArn() == null) {
      return null;
    }
    return store.read(scope, v -> TaskRecords.definitionKey(scope, task.taskDefinitionArn())
        .flatMap(key -> v.get(EcsKinds.TASK_DEFINITION, key))).orElse(null);
  }

  private static ContainerDefinition container(TaskDefinition definition, String name) {
    if (definition == null || definition.containerDefinitions() == null) {
      return null;
    }
    return definition.containerDefinitions().stream().filter(cd -> cd != null && name.equals(cd.name())).findFirst()
        .orElse(null);
  }

  private static LogConfiguration logConfiguration(TaskDefinition definition, String name) {
    ContainerDefinition container = container(definition, name);
    return container == null ? null : container.logConfiguration();
  }

  private static boolean fargate(Task task) {
    return "FARGATE".equals(task.launchType());
  }

  /**
   * Stops reading (containers keep running; the next start reads on from what their streams hold), ships what is
   * queued (for up to 5 s), and closes the engine connection. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    shipping.shutdown();
    try {
      shipping.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shipping.shutdownNow();
    shippers.values().forEach(ContainerShipper::close);
    readers.shutdownNow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (ContainerShipper shipper : shippers.values()) {
      while (shipper.queued() && System.nanoTime() < deadline) {
        shipOne(shipper);
      }
    }
    try {
      connection.close();
    } catch (IOException e) {
      // closing a connection pool: nothing left to do
    }
  }

  /**
   * The shipping thread. Delayed tasks (the next pass, a reading's retry) are dropped at shutdown rather than waited
   * for: {@link #close} ships what is queued itself.
   */
  private static ScheduledExecutorService shippingThread() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads("awslogs-ship"));
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

package dev.ecsemulator.api;

import dev.ecsemulator.api.protocol.ServiceModel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The part of start-up that needs no configuration: reading the services' botocore models and building the HTTP
 * server. Start-up on two cores is mostly class loading and interpreted code, and these two are its
 * largest independent pieces, so they run on their own threads from the first instant (see
 * {@link Main#main}), overlapping option parsing and opening the state. {@link Emulator#start} joins
 * them when it needs them.
 * Measured in docs/benchmarks.md ("Start-up time and idle memory").
 */
final class Prestart {

  /**
   * The model resource of every service on the endpoint, read at start. Here, not in {@link Emulator}: reading it
   * from the model thread must not initialise Emulator, whose logger would start SLF4J on that thread while the HTTP
   * thread starts it too (SLF4J then replays the other's early calls and prints a warning on stderr). The MODEL
   * constants are compile-time constants, so naming them loads none of their classes.
   */
  static final List<String> SERVICE_MODELS = List.of(dev.ecsemulator.api.operations.EcsService.MODEL,
      dev.ecsemulator.api.secretsmanager.SecretsManagerService.MODEL, dev.ecsemulator.api.ssm.SsmService.MODEL,
      dev.ecsemulator.api.logs.LogsService.MODEL, dev.ecsemulator.api.elbv2.Elbv2Service.MODEL,
      dev.ecsemulator.api.cloudwatch.CloudWatchService.MODEL,
      dev.ecsemulator.api.autoscaling.AutoScalingService.MODEL);

  /**
   * The models read so far in this JVM, by resource. A model is immutable, so an emulator started again in the same
   * JVM (a test suite's second class) reuses them instead of parsing 600 KB of JSON again. A failed read is not kept.
   */
  private static final Map<String, CompletableFuture<ServiceModel>> READ = new ConcurrentHashMap<>();

  /** Model resource to model, for every service of {@link #SERVICE_MODELS}. */
  private final Map<String, CompletableFuture<ServiceModel>> models;
  private final CompletableFuture<EcsHttpServer> server;

  private Prestart(Map<String, CompletableFuture<ServiceModel>> models, CompletableFuture<EcsHttpServer> server) {
    this.models = models;
    this.server = server;
  }

  /**
   * Begins both pieces, each on its own daemon thread. The models are read in the order of {@link #SERVICE_MODELS},
   * each handed over as soon as it is read, so that ECS's operations are built while the other models are read.
   */
  static Prestart begin() {
    spareJettyTheMBeanServer();
    Map<String, CompletableFuture<ServiceModel>> models = new HashMap<>();
    Map<String, CompletableFuture<ServiceModel>> toRead = new LinkedHashMap<>();
    for (String resource : SERVICE_MODELS) {
      CompletableFuture<ServiceModel> mine = new CompletableFuture<>();
      CompletableFuture<ServiceModel> earlier = READ.putIfAbsent(resource, mine);
      models.put(resource, earlier != null ? earlier : mine);
      if (earlier == null) {
        toRead.put(resource, mine);
      }
    }
    if (!toRead.isEmpty()) {
      onThread("ecs-prestart-model", () -> {
        toRead.forEach(Prestart::read);
        warmSha256();
        initialiseAhead(JETTY_MIME_TYPES);
        return null;
      });
    }
    return new Prestart(Map.copyOf(models), onThread("ecs-prestart-http", EcsHttpServer::new));
  }

  /**
   * Reads ECS's model whole (most first requests are ECS's, and a test suite's are), the others' names only: their
   * shapes are read by the first request that needs them (see {@link ServiceModel#loadLazily}).
   */
  private static void read(String resource, CompletableFuture<ServiceModel> model) {
    try {
      model.complete(resource.equals(SERVICE_MODELS.get(0)) ? ServiceModel.load(resource)
          : ServiceModel.loadLazily(resource));
    } catch (RuntimeException | Error e) {
      READ.remove(resource, model);
      model.completeExceptionally(e);
    }
  }

  /**
   * Starts the server listening once it is built, on a thread of its own; completes with the port bound
   * (or the failure to bind).
   */
  CompletableFuture<Integer> listen(String bind, int port, java.util.List<String> allowedHosts) {
    return server.thenApplyAsync(s -> s.start(bind, port, allowedHosts), work -> {
      Thread thread = new Thread(work, "ecs-prestart-listen");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** The model of {@code resource}, one of {@link #SERVICE_MODELS}. */
  ServiceModel model(String resource) {
    CompletableFuture<ServiceModel> model = models.get(resource);
    if (model == null) {
      throw new IllegalArgumentException(resource + " is not one of SERVICE_MODELS");
    }
    return join(model);
  }

  EcsHttpServer server() {
    return join(server);
  }

  /**
   * Closes the server if it was built and is not going to be used (the emulator failed to start); waits
   * for it to be built so that nothing is left half-made.
   */
  void discardServer() {
    try {
      server().close();
    } catch (RuntimeException e) {
      // It failed to build: nothing to close.
    }
  }

  /**
   * Jetty's system property naming how many object references fill a cache line (the padding of its thread pool's
   * queue). Without it, the first thread pool's class initialisation asks the platform MBean server for the JVM's
   * {@code UseCompressedOops}, which starts that server and registers every platform MBean: 0.1–0.2 s of CPU on
   * the HTTP server's start, the critical path of start-up (docs/benchmarks.md, "Start-up: Jetty's MBean server off
   * the critical path").
   */
  static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  /** Jetty's system property for the cache line's size in bytes (64 unless set). */
  private static final String JETTY_CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";

  /** Jetty's largest class initialisation on the HTTP chain (it lists every installed locale). */
  private static final String JETTY_MIME_TYPES = "org.eclipse.jetty.http.MimeTypes";

  /**
   * Sets {@link #JETTY_REFERENCES_PER_CACHE_LINE} unless it is set, to {@link #jettyReferencesPerCacheLine}. A
   * JVM-wide property, like Jetty's own: in a test JVM that runs its own Jetty too, that Jetty gets the same hint,
   * unless the property was set before the emulator started.
   */
  static void spareJettyTheMBeanServer() {
    if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, String.valueOf(jettyReferencesPerCacheLine()));
    }
  }

  /**
   * The references per cache line Jetty would find by asking the MBean server: its cache line's bytes over 4-byte
   * references, as HotSpot compresses references below a 32 GiB heap by default, else over 8-byte ones. It is a
   * padding hint, so an estimate that misses (compression turned off by a flag) only costs padding.
   */
  static int jettyReferencesPerCacheLine() {
    boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
    return Integer.getInteger(JETTY_CACHE_LINE_BYTES, 64) / (compressed ? 4 : 8);
  }

  /**
   * Initialises a class the HTTP server's start will need, so that the start finds it done: run on a prestart thread
   * that has finished its own work while the server is still being built. If both reach it at once, the JVM makes
   * one wait for the other; a class that cannot be loaded is left to fail where it is used.
   */
  private static void initialiseAhead(String className) {
    try {
      Class.forName(className, true, Prestart.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // Not ours to report: the server's start meets the same failure and reports it.
    }
  }

  /**
   * The first {@code MessageDigest} loads the JDK's security providers (50–100 ms here, measured alone); the instance
   * ID is a SHA-256 of the data directory, computed on the main thread right after parsing.
   */
  private static void warmSha256() {
    try {
      MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static <T> CompletableFuture<T> onThread(String name, Supplier<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /** The future's value; its failure as thrown, not wrapped in a CompletionException. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}

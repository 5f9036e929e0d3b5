package dev.ecsemulator.junit;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;

/**
 * The JUnit Jupiter extension behind {@link EcsEmulatorTest}. Use the annotation; or, for settings made in code,
 * register it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static EcsEmulatorExtension ecs = EcsEmulatorExtension.builder().scope(EmulatorScope.CLASS).build();
 * }</pre>
 *
 * <p>It starts the emulator before the class's first test (or finds the JVM's shared one), fills test method
 * parameters and {@link FromEmulator} fields, resets the emulator as {@link Reset} says, and closes the class's
 * clients after it. Every emulator it starts is emptied of its containers and stopped at the end of the run, when the
 * JVM shuts down (Ctrl-C, SIGTERM), and, after a {@code kill -9}, by the next run's first emulator.
 */
public final class EcsEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, TestInstancePostProcessor, ParameterResolver {

  /** The {@code @ResourceLock} every {@link EcsEmulatorTest} class holds. */
  public static final String RESOURCE_LOCK = "dev.ecsemulator.junit.EcsEmulator";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EcsEmulatorExtension.class);

  private final EmulatorSettings configured; // null: read @EcsEmulatorTest
  private volatile EcsEmulator current;

  /** As {@code @ExtendWith(EcsEmulatorExtension.class)} and {@link EcsEmulatorTest} create it. */
  public EcsEmulatorExtension() {
    this(null);
  }

  private EcsEmulatorExtension(EmulatorSettings configured) {
    this.configured = configured;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The emulator of the class that registered this extension; available from its {@code @BeforeAll} on. */
  public EcsEmulator emulator() {
    EcsEmulator emulator = current;
    if (emulator == null) {
      throw new IllegalStateException("the emulator starts before the class's first test: register this extension in"
          + " a static field, and use it from @BeforeAll on");
    }
    return emulator;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    ClassScope scope = scope(context);
    for (Field field : fields(context.getRequiredTestClass(), true)) {
      inject(field, null, scope);
    }
  }

  @Override
  public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
    ClassScope scope = scope(context);
    for (Field field : fields(instance.getClass(), false)) {
      inject(field, instance, scope);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClassScope scope = scope(context);
    if (scope.settings().reset() == Reset.AFTER_EACH_TEST) {
      scope.emulator().reset();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClassScope scope = context.getStore(NAMESPACE).get(ClassScope.class, ClassScope.class);
    if (scope != null && scope.owner() == context.getRequiredTestClass()
        && scope.settings().reset() == Reset.AFTER_CLASS) {
      scope.emulator().reset();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return supports(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return value(parameter.getParameter().getType(), scope(context));
  }

  static boolean supports(Class<?> type) {
    return type == EcsEmulator.class || type == URI.class || SdkTypes.isRegion(type) || SdkTypes.isClient(type);
  }

  private static Object value(Class<?> type, ClassScope scope) {
    if (type == EcsEmulator.class) {
      return scope.emulator();
    }
    if (type == URI.class) {
      return scope.emulator().endpoint();
    }
    if (SdkTypes.isRegion(type)) {
      return SdkClients.region(scope.emulator().region());
    }
    return scope.client(type);
  }

  private static void inject(Field field, Object instance, ClassScope scope) throws IllegalAccessException {
    if (!supports(field.getType())) {
      throw new ExtensionConfigurationException("@FromEmulator field " + field.getDeclaringClass().getSimpleName() + "."
          + field.getName() + " has type " + field.getType().getName() + ": the extension fills EcsEmulator, URI, "
          + "Region and the AWS SDK v2 clients of " + String.join(", ", SdkTypes.SERVED));
    }
    if (ModifierSupport.isFinal(field)) {
      throw new ExtensionConfigurationException("@FromEmulator field " + field.getName() + " must not be final");
    }
    field.setAccessible(true);
    field.set(instance, value(field.getType(), scope));
  }

  private static List<Field> fields(Class<?> type, boolean statics) {
    return AnnotationSupport.findAnnotatedFields(type, FromEmulator.class,
        field -> ModifierSupport.isStatic(field) == statics);
  }

  /** The class's scope: found in the store (its own, or an enclosing class's for a {@code @Nested} one) or opened. */
  private ClassScope scope(ExtensionContext context) {
    ClassScope found = context.getStore(NAMESPACE).get(ClassScope.class, ClassScope.class);
    if (found != null) {
      return found;
    }
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    ExtensionContext owner = classContext;
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(ClassScope.class, key -> open(owner), ClassScope.class);
  }

  private ClassScope open(ExtensionContext classContext) {
    Class<?> testClass = classContext.getRequiredTestClass();
    EmulatorSettings settings = configured != null ? configured : annotated(testClass)
        .map(EmulatorSettings::of).orElse(EmulatorSettings.DEFAULTS);
    ClassScope scope;
    if (settings.scope() == EmulatorScope.CLASS) {
      ParallelStart.Started started = ParallelStart.startOrClaim(settings, testClass);
      scope = new ClassScope(testClass, new EcsEmulator(started.running(), settings.region(), settings.accountId()),
          settings, started.running(), started.clients());
    } else {
      SharedEmulator shared = classContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
          List.of(SharedEmulator.class, settings.options()),
          key -> new SharedEmulator(ParallelStart.startOrClaim(settings, testClass), testClass),
          SharedEmulator.class);
      scope = new ClassScope(testClass, new EcsEmulator(shared.claim(settings.reset() != Reset.NEVER),
          settings.region(), settings.accountId()), settings, null, shared.takeClients(testClass));
    }
    current = scope.emulator();
    return scope;
  }

  /** The class's {@link EcsEmulatorTest}, or that of the class it is nested in. */
  static Optional<EcsEmulatorTest> annotated(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      Optional<EcsEmulatorTest> found = AnnotationSupport.findAnnotation(type, EcsEmulatorTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * The emulator the JVM's classes with the same options share; JUnit closes it (kept in the root store) when the test
   * run ends. A class that uses it after another finds it reset.
   */
  private static final class SharedEmulator implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final RunningEmulator running;
    private final Class<?> firstClass;
    private Map<Class<?>, Object> firstClients; // guarded by this: the first class's, until it takes them
    private boolean used; // guarded by this

    SharedEmulator(ParallelStart.Started started, Class<?> firstClass) {
      this.running = started.running();
      this.firstClients = started.clients();
      this.firstClass = firstClass;
    }

    /** The clients built while the emulator started, for the class that started it; other classes make their own. */
    synchronized Map<Class<?>, Object> takeClients(Class<?> testClass) {
      if (testClass != firstClass) {
        return Map.of();
      }
      Map<Class<?>, Object> clients = firstClients;
      firstClients = Map.of();
      return clients;
    }

    /** The emulator for the next class, reset first when another class used it and {@code reset} is asked. */
    synchronized RunningEmulator claim(boolean reset) {
      if (used && reset) {
        running.reset();
      }
      used = true;
      return running;
    }

    @Override
    public void close() {
      try {
        ParallelStart.close(takeClients(firstClass));
      } finally {
        running.close();
      }
    }
  }

  /** Settings for {@code @RegisterExtension}; the defaults are {@link EcsEmulatorTest}'s. */
  public static final class Builder {
    private EmulatorSettings settings = EmulatorSettings.DEFAULTS;

    private Builder() {
    }

    public Builder scope(EmulatorScope scope) {
      settings = new EmulatorSettings(scope, settings.reset(), settings.region(), settings.accountId(),
          settings.options());
      return this;
    }

    public Builder reset(Reset reset) {
      settings = new EmulatorSettings(settings.scope(), reset, settings.region(), settings.accountId(),
          settings.options());
      return this;
    }

    public Builder region(String region) {
      settings = new EmulatorSettings(settings.scope(), settings.reset(), region, settings.accountId(),
          settings.options());
      return this;
    }

    /** The account in ARNs (12 digits). */
    public Builder accountId(String accountId) {
      settings = new EmulatorSettings(settings.scope(), settings.reset(), settings.region(), accountId,
          settings.options());
      return this;
    }

    /** See {@link EcsEmulatorTest#options()}. */
    public Builder options(String... options) {
      settings = new EmulatorSettings(settings.scope(), settings.reset(), settings.region(), settings.accountId(),
          List.of(options));
      return this;
    }

    public EcsEmulatorExtension build() {
      return new EcsEmulatorExtension(settings);
    }
  }
}

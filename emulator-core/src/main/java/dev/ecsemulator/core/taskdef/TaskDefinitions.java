package dev.ecsemulator.core.taskdef;

import static dev.ecsemulator.core.EcsKinds.RESOURCE_TAGS;
import static dev.ecsemulator.core.EcsKinds.TASK_DEFINITION;

import dev.ecsemulator.core.EcsKinds;
import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arns;
import dev.ecsemulator.core.error.ClientException;
import dev.ecsemulator.core.error.InvalidParameterException;
import dev.ecsemulator.core.model.Failure;
import dev.ecsemulator.core.model.ListTaskDefinitionFamiliesRequest;
import dev.ecsemulator.core.model.ListTaskDefinitionsRequest;
import dev.ecsemulator.core.model.RegisterTaskDefinitionRequest;
import dev.ecsemulator.core.model.Tag;
import dev.ecsemulator.core.model.TaskDefinition;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import dev.ecsemulator.core.state.StateView;
import dev.ecsemulator.core.tag.ResourceTags;
import dev.ecsemulator.core.tag.TagRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The task definition operations. Thread-safe: every call is one store transaction. Task definitions are stored
 * as {@link TaskDefinition} shapes in {@link EcsKinds#TASK_DEFINITION}; their tags in
 * {@link EcsKinds#RESOURCE_TAGS}.
 *
 * <p>Lifecycle (Model DeregisterTaskDefinition, DeleteTaskDefinitions): ACTIVE at registration; INACTIVE after
 * deregistration, still describable and listable; DELETE_IN_PROGRESS after deletion. AWS keeps a deleted revision
 * in DELETE_IN_PROGRESS "until all the associated tasks and services have been terminated"; the emulator keeps it
 * there (describable, listable with that status), and never reuses its revision number.
 */
public final class TaskDefinitions {

  public static final String ACTIVE = "ACTIVE";
  public static final String INACTIVE = "INACTIVE";
  public static final String DELETE_IN_PROGRESS = "DELETE_IN_PROGRESS";
  /** Model DeleteTaskDefinitions.taskDefinitions: "You can specify up to 10 task definitions". */
  public static final int MAX_DELETE = 10;

  private final StateStore store;
  private final Clock clock;

  public TaskDefinitions(StateStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A task definition and, when asked for or registered with, its tags. */
  public record WithTags(TaskDefinition taskDefinition, List<Tag> tags) {}

  /** DeleteTaskDefinitions' answer: the deleted revisions and one failure per reference that was not. */
  public record DeleteOutcome(List<TaskDefinition> taskDefinitions, List<Failure> failures) {}

  /**
   * RegisterTaskDefinition: the next revision of the family, ACTIVE. The answer's tags are the request's.
   *
   * @throws ClientException for a definition AWS would refuse (see {@link TaskDefinitionRegistration})
   * @throws InvalidParameterException for tags AWS would refuse
   */
  public WithTags register(Scope scope, RegisterTaskDefinitionRequest request) {
    TaskDefinition draft = TaskDefinitionRegistration.prepare(request);
    List<Tag> tags = TagRules.validate(request.tags());
    return store.write(scope, txn -> {
      long last = txn.get(TaskDefinitionFamily.KIND, draft.family())
          .map(TaskDefinitionFamily::lastRevision).orElse(0L);
      long revision = last + 1;
      String arn = Arns.taskDefinition(scope, draft.family(), revision);
      TaskDefinition previous = last == 0 ? null
          : txn.get(TASK_DEFINITION, EcsKinds.taskDefinitionKey(draft.family(), last)).orElse(null);
      TaskDefinition registered = RevisionSharing.sharingWith(draft, previous).toBuilder()
          .taskDefinitionArn(arn)
          .revision(Math.toIntExact(revision))
          .status(ACTIVE)
          .registeredAt(clock.instant())
          .registeredBy("arn:aws:iam::" + scope.accountId() + ":root")
          .build();
      txn.put(TASK_DEFINITION, EcsKinds.taskDefinitionKey(draft.family(), revision), registered);
      txn.put(TaskDefinitionFamily.KIND, draft.family(), new TaskDefinitionFamily(draft.family(), revision));
      if (!tags.isEmpty()) {
        // The cross-resource tagging helper will own this write once it exists.
        txn.put(RESOURCE_TAGS, arn, new ResourceTags(arn, tags));
      }
      return new WithTags(registered, request.tags());
    });
  }

  /**
   * DescribeTaskDefinition: by family (its latest ACTIVE revision), family:revision or ARN, in any status.
   *
   * @param includeTags whether {@code include} named TAGS: the answer's tags are then a list, else null
   * @throws ClientException "Unable to describe task definition." when there is none
   */
  public WithTags describe(Scope scope, String reference, boolean includeTags) {
    return store.read(scope, view -> {
      TaskDefinition td = find(view, scope, reference)
          .orElseThrow(() -> new ClientException(Messages.UNABLE_TO_DESCRIBE));
      List<Tag> tags = includeTags ? tagsOf(view, td.taskDefinitionArn()) : null;
      return new WithTags(td, tags);
    });
  }

  /** ListTaskDefinitions; see {@link TaskDefinitionListing#definitions}. */
  public Paging.Page<String> list(Scope scope, ListTaskDefinitionsRequest request) {
    List<TaskDefinition> all = store.read(scope, view -> view.list(TASK_DEFINITION));
    return TaskDefinitionListing.definitions(all, request.familyPrefix(), request.status(), request.sort(),
        request.maxResults(), request.nextToken());
  }

  /** ListTaskDefinitionFamilies; see {@link TaskDefinitionListing#families}. */
  public Paging.Page<String> listFamilies(Scope scope, ListTaskDefinitionFamiliesRequest request) {
    List<TaskDefinition> all = store.read(scope, view -> view.list(TASK_DEFINITION));
    return TaskDefinitionListing.families(all, request.familyPrefix(), request.status(), request.maxResults(),
        request.nextToken());
  }

  /**
   * DeregisterTaskDefinition: an ACTIVE revision becomes INACTIVE with {@code deregisteredAt}. Deregistering one
   * that is no longer ACTIVE answers it unchanged (idempotent; AWS's answer here is unverified).
   *
   * @throws ClientException "Revision is missing." for a bare family; "Unable to describe task definition." when
   *     there is no such revision
   */
  public TaskDefinition deregister(Scope scope, String reference) {
    return store.write(scope, txn -> {
      TaskDefinition td = exactRevision(txn, scope, reference)
          .orElseThrow(() -> new ClientException(Messages.UNABLE_TO_DESCRIBE));
      if (!td.status().equals(ACTIVE)) {
        return td;
      }
      TaskDefinition inactive = td.toBuilder().status(INACTIVE).deregisteredAt(clock.instant()).build();
      txn.put(TASK_DEFINITION, EcsKinds.taskDefinitionKey(td.family(), td.revision()), inactive);
      return inactive;
    });
  }

  /**
   * DeleteTaskDefinitions: each INACTIVE revision named becomes DELETE_IN_PROGRESS with {@code deleteRequestedAt}
   * (one already being deleted is answered as it is); every other reference is a failure with moto's reasons.
   *
   * @throws InvalidParameterException for no references or more than {@value #MAX_DELETE}
   */
  public DeleteOutcome delete(Scope scope, List<String> references) {
    if (references == null || references.isEmpty()) {
      throw new InvalidParameterException(Messages.DELETE_NONE);
    }
    if (references.size() > MAX_DELETE) {
      throw new InvalidParameterException(Messages.DELETE_TOO_MANY);
    }
    return store.write(scope, txn -> {
      List<TaskDefinition> deleted = new ArrayList<>();
      List<Failure> failures = new ArrayList<>();
      for (String reference : references) {
        Optional<TaskDefinitionRef> ref;
        try {
          ref = TaskDefinitionRef.parse(scope, reference).filter(r -> r.revision() != null);
        } catch (InvalidParameterException e) {
          ref = Optional.empty();
        }
        if (ref.isEmpty()) {
          failures.add(failure(reference, Messages.DELETE_INVALID_IDENTIFIER));
          continue;
        }
        String key = EcsKinds.taskDefinitionKey(ref.get().family(), ref.get().revision());
        Optional<TaskDefinition> td = txn.get(TASK_DEFINITION, key);
        if (td.isEmpty()) {
          failures.add(failure(reference, Messages.DELETE_NOT_FOUND));
        } else if (td.get().status().equals(ACTIVE)) {
          failures.add(failure(reference, Messages.DELETE_STILL_ACTIVE));
        } else if (td.get().status().equals(DELETE_IN_PROGRESS)) {
          deleted.add(td.get());
        } else {
          TaskDefinition deleting = td.get().toBuilder()
              .status(DELETE_IN_PROGRESS).deleteRequestedAt(clock.instant()).build();
          txn.put(TASK_DEFINITION, key, deleting);
          deleted.add(deleting);
        }
      }
      return new DeleteOutcome(deleted, failures);
    });
  }

  /**
   * The task definition a new task or service would use (RunTask, StartTask, CreateService, UpdateService,
   * CreateTaskSet): by family (its latest ACTIVE revision), family:revision or ARN.
   *
   * @throws ClientException "TaskDefinition not found." when there is none
   * @throws InvalidParameterException "TaskDefinition is inactive" when it is INACTIVE or DELETE_IN_PROGRESS
   *     (Model: "You can't use an INACTIVE task definition to run new tasks or create new services")
   */
  public static TaskDefinition resolveForLaunch(StateView view, Scope scope, String reference) {
    TaskDefinition td = find(view, scope, reference)
        .orElseThrow(() -> new ClientException(Messages.TASK_DEFINITION_NOT_FOUND));
    if (!td.status().equals(ACTIVE)) {
      throw new InvalidParameterException(Messages.TASK_DEFINITION_INACTIVE);
    }
    return td;
  }

  /**
   * Looks a reference up as DescribeTaskDefinition does: a bare family names its latest ACTIVE revision; a
   * revision is found in any status. Empty when there is none.
   *
   * @throws InvalidParameterException when the revision part is not a number
   */
  public static Optional<TaskDefinition> find(StateView view, Scope scope, String reference) {
    Optional<TaskDefinitionRef> ref = TaskDefinitionRef.parse(scope, reference);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    String family = ref.get().family();
    if (ref.get().revision() != null) {
      return view.get(TASK_DEFINITION, EcsKinds.taskDefinitionKey(family, ref.get().revision()));
    }
    Optional<TaskDefinitionFamily> counter = view.get(TaskDefinitionFamily.KIND, family);
    if (counter.isEmpty()) {
      // No family registered through register(): only state seeded directly (tests) lands here.
      return view.list(TASK_DEFINITION, td -> td.family().equals(family) && td.status().equals(ACTIVE)).stream()
          .max(Comparator.comparing(TaskDefinition::revision));
    }
    // Walk down from the family's last revision (usually one lookup) instead of listing every task definition of
    // the account: the API benchmark measured DescribeTaskDefinition by family at 17 requests/s after 100,000
    // registrations in another family, a scan per request.
    for (long revision = counter.get().lastRevision(); revision >= 1; revision--) {
      Optional<TaskDefinition> td = view.get(TASK_DEFINITION, EcsKinds.taskDefinitionKey(family, revision));
      if (td.isPresent() && td.get().status().equals(ACTIVE)) {
        return td;
      }
    }
    return Optional.empty();
  }

  private static Optional<TaskDefinition> exactRevision(StateTxn txn, Scope scope, String reference) {
    Optional<TaskDefinitionRef> ref = TaskDefinitionRef.parse(scope, reference);
    if (ref.isPresent() && ref.get().revision() == null) {
      throw new ClientException(Messages.REVISION_MISSING);
    }
    return ref.flatMap(r -> txn.get(TASK_DEFINITION, EcsKinds.taskDefinitionKey(r.family(), r.revision())));
  }

  private static List<Tag> tagsOf(StateView view, String arn) {
    return view.get(RESOURCE_TAGS, arn).map(ResourceTags::tags).orElse(List.of());
  }

  private static Failure failure(String reference, String reason) {
    return Failure.builder().arn(reference).reason(reason).build();
  }
}

package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.error.OperationNotPermittedException;
import dev.ecsemulator.core.elbv2.error.PriorityInUseException;
import dev.ecsemulator.core.elbv2.error.RuleNotFoundException;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.elbv2.model.CreateRuleInput;
import dev.ecsemulator.core.elbv2.model.DescribeRulesInput;
import dev.ecsemulator.core.elbv2.model.ModifyRuleInput;
import dev.ecsemulator.core.elbv2.model.Rule;
import dev.ecsemulator.core.elbv2.model.RulePriorityPair;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A listener's rules: create, describe, modify, delete, reorder. Each listener also has a default rule (priority
 * {@code default}, no conditions, the listener's default actions), which is shown but not stored, cannot be deleted or
 * reordered, and whose actions ModifyRule changes on the listener.
 */
public final class Rules {

  private final StateStore store;
  private final Elbv2Ids ids;

  public Rules(StateStore store, Elbv2Ids ids) {
    this.store = store;
    this.ids = ids;
  }

  public Rule create(Scope scope, CreateRuleInput in) {
    return store.write(scope, txn -> {
      StoredListener listener = Elbv2Lookup.listener(txn, in.listenerArn());
      checkPriorityFree(txn, listener.arn(), in.priority(), null);
      Tagging.checkNew(in.tags());
      Rule rule = Rule.builder()
          .ruleArn(Elbv2Arns.rule(listener.arn(), ids.resourceId()))
          .priority(String.valueOf(in.priority()))
          .conditions(ListenerActions.conditions(in.conditions()))
          .actions(ListenerActions.actions(txn, listener.listener().loadBalancerArn(), in.actions()))
          .isDefault(false)
          .build();
      txn.put(Elbv2Kinds.RULE, rule.ruleArn(), new StoredRule(rule, listener.arn(), in.tags()));
      return rule;
    });
  }

  /** AWS's wording (from AWS users' reports). */
  private static void checkPriorityFree(StateView view, String listenerArn, int priority, String except) {
    for (StoredRule other : Elbv2Lookup.rulesOf(view, listenerArn)) {
      if (other.priority() == priority && !other.arn().equals(except)) {
        throw new PriorityInUseException("Priority '" + priority + "' is currently in use");
      }
    }
  }

  /** A listener's rules by priority, its default rule last; or the rules named, in the order named. */
  public Paging.Page<Rule> describe(Scope scope, DescribeRulesInput in) {
    if ((in.listenerArn() == null) == (in.ruleArns() == null)) {
      throw new ValidationError("You must specify either listener rule ARNs or a listener ARN");
    }
    List<Rule> rules = store.read(scope, view -> {
      if (in.listenerArn() != null) {
        return ofListener(view, Elbv2Lookup.listener(view, in.listenerArn()));
      }
      List<Rule> found = new ArrayList<>();
      for (String arn : in.ruleArns()) {
        found.add(find(view, arn).orElseThrow(Rules::notFound));
      }
      return found;
    });
    // Pages by position: rules are in priority order, not in ARN order.
    List<Rule> numbered = rules;
    int start = in.marker() == null || in.marker().isEmpty() ? 0 : markerIndex(in.marker(), numbered.size());
    int size = in.pageSize() == null ? Elbv2Paging.MAX_PAGE : in.pageSize();
    int end = Math.min(numbered.size(), start + size);
    String next = end < numbered.size() ? String.valueOf(end) : null;
    return new Paging.Page<>(List.copyOf(numbered.subList(start, end)), next);
  }

  private static int markerIndex(String marker, int size) {
    try {
      int index = Integer.parseInt(marker);
      if (index >= 0 && index <= size) {
        return index;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new ValidationError("Invalid marker");
  }

  /** The listener's rules as the data plane evaluates them: by priority, the default rule last. */
  public static List<Rule> ofListener(StateView view, StoredListener listener) {
    List<Rule> rules = new ArrayList<>();
    Elbv2Lookup.rulesOf(view, listener.arn()).stream()
        .sorted(Comparator.comparingInt(StoredRule::priority))
        .forEach(r -> rules.add(r.rule()));
    rules.add(defaultRule(listener));
    return rules;
  }

  private static Rule defaultRule(StoredListener listener) {
    return Rule.builder().ruleArn(listener.defaultRuleArn()).priority("default").conditions(List.of())
        .actions(listener.listener().defaultActions()).isDefault(true).build();
  }

  private static Optional<Rule> find(StateView view, String arn) {
    Optional<StoredRule> stored = view.get(Elbv2Kinds.RULE, arn);
    if (stored.isPresent()) {
      return Optional.of(stored.get().rule());
    }
    return defaultOwner(view, arn).map(Rules::defaultRule);
  }

  static Optional<StoredListener> defaultOwner(StateView view, String ruleArn) {
    String listenerArn = ruleArn.replace(":listener-rule/", ":listener/");
    listenerArn = listenerArn.substring(0, Math.max(0, listenerArn.lastIndexOf('/')));
    return view.get(Elbv2Kinds.LISTENER, listenerArn).filter(l -> l.defaultRuleArn().equals(ruleArn));
  }

  private static RuleNotFoundException notFound() {
    return new RuleNotFoundException("One or more rules not found");
  }

  public Rule modify(Scope scope, ModifyRuleInput in) {
    return store.write(scope, txn -> {
      Optional<StoredRule> stored = txn.get(Elbv2Kinds.RULE, in.ruleArn());
      if (stored.isEmpty()) {
        StoredListener listener = defaultOwner(txn, in.ruleArn()).orElseThrow(Rules::notFound);
        if (in.conditions() != null && !in.conditions().isEmpty()) {
          throw new OperationNotPermittedException("The conditions of a default rule cannot be modified");
        }
        if (in.actions() != null) {
          StoredListener changed = listener.withListener(listener.listener().toBuilder().defaultActions(
              ListenerActions.actions(txn, listener.listener().loadBalancerArn(), in.actions())).build());
          txn.put(Elbv2Kinds.LISTENER, listener.arn(), changed);
          return defaultRule(changed);
        }
        return defaultRule(listener);
      }
      StoredRule rule = stored.get();
      Rule.Builder b = rule.rule().toBuilder();
      if (in.conditions() != null) {
        b.conditions(ListenerActions.conditions(in.conditions()));
      }
      if (in.actions() != null) {
        String lb = Elbv2Lookup.listener(txn, rule.listenerArn()).listener().loadBalancerArn();
        b.actions(ListenerActions.actions(txn, lb, in.actions()));
      }
      Rule changed = b.build();
      txn.put(Elbv2Kinds.RULE, changed.ruleArn(), rule.withRule(changed));
      return changed;
    });
  }

  public void delete(Scope scope, String arn) {
    store.write(scope, txn -> {
      if (txn.remove(Elbv2Kinds.RULE, arn)) {
        return null;
      }
      if (defaultOwner(txn, arn).isPresent()) {
        throw new OperationNotPermittedException("Default rule '" + arn + "' cannot be deleted"); // unverified
      }
      throw notFound();
    });
  }

  /** Sets the priorities of several rules of one listener at once: all or none. */
  public List<Rule> setPriorities(Scope scope, List<RulePriorityPair> pairs) {
    return store.write(scope, txn -> {
      Set<Integer> given = new HashSet<>();
      for (RulePriorityPair pair : pairs) {
        if (!given.add(pair.priority())) {
          throw new ValidationError("Priority '" + pair.priority() + "' was provided multiple times");
        }
      }
      List<StoredRule> moved = new ArrayList<>();
      for (RulePriorityPair pair : pairs) {
        StoredRule rule = txn.get(Elbv2Kinds.RULE, pair.ruleArn()).orElseThrow(() -> defaultOwner(txn, pair.ruleArn())
            .<RuntimeException>map(l -> new OperationNotPermittedException(
                "Default rule '" + pair.ruleArn() + "' cannot be reprioritized")) // unverified
            .orElseGet(Rules::notFound));
        moved.add(rule.withRule(rule.rule().toBuilder().priority(String.valueOf(pair.priority())).build()));
      }
      moved.forEach(rule -> txn.put(Elbv2Kinds.RULE, rule.arn(), rule));
      for (StoredRule rule : moved) {
        checkPriorityFree(txn, rule.listenerArn(), rule.priority(), rule.arn());
      }
      return moved.stream().map(StoredRule::rule).toList();
    });
  }

}

package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.elbv2.error.DuplicateListenerException;
import dev.ecsemulator.core.elbv2.error.UnsupportedProtocolException;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.elbv2.model.CreateListenerInput;
import dev.ecsemulator.core.elbv2.model.DescribeListenersInput;
import dev.ecsemulator.core.elbv2.model.Listener;
import dev.ecsemulator.core.elbv2.model.ModifyListenerInput;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP listeners of application load balancers: create, modify, describe, delete. Each is a real reverse proxy on the
 * host (the data plane), so creating one opens its port ({@link ListenerPorts}) before it is stored.
 */
public final class Listeners {

  private final StateStore store;
  private final Elbv2Ids ids;
  private final ListenerPorts ports;

  public Listeners(StateStore store, Elbv2Ids ids, ListenerPorts ports) {
    this.store = store;
    this.ids = ids;
    this.ports = ports;
  }

  public Listener create(Scope scope, CreateListenerInput in) {
    if (in.port() == null) {
      throw new ValidationError("A listener port must be specified");
    }
    String protocol = in.protocol() == null ? "HTTP" : in.protocol();
    checkProtocol(protocol);
    return store.write(scope, txn -> {
      StoredLoadBalancer lb = Elbv2Lookup.loadBalancer(txn, in.loadBalancerArn());
      checkPortFree(txn, lb.arn(), in.port(), null);
      String arn = Elbv2Arns.listener(lb.arn(), ids.resourceId());
      Listener listener = Listener.builder()
          .listenerArn(arn)
          .loadBalancerArn(lb.arn())
          .port(in.port())
          .protocol(protocol)
          .defaultActions(ListenerActions.actions(txn, lb.arn(), in.defaultActions()))
          .build();
      Tagging.checkNew(in.tags());
      ports.reserve(in.port(), arn);
      txn.put(Elbv2Kinds.LISTENER, arn, new StoredListener(listener, Elbv2Arns.rule(arn, ids.resourceId()), in.tags()));
      return listener;
    });
  }

  private static void checkProtocol(String protocol) {
    if (!protocol.equals("HTTP")) {
      throw new UnsupportedProtocolException("ecs-emulator's listeners serve HTTP only, not '" + protocol + "'");
    }
  }

  /** AWS's wording (from AWS users' reports). */
  private static void checkPortFree(StateTxn txn, String loadBalancerArn, int port, String except) {
    for (StoredListener other : Elbv2Lookup.listenersOf(txn, loadBalancerArn)) {
      if (other.listener().port() == port && !other.arn().equals(except)) {
        throw new DuplicateListenerException(
            "A listener already exists on this port for this load balancer '" + loadBalancerArn + "'");
      }
    }
  }

  public Listener modify(Scope scope, ModifyListenerInput in) {
    if (in.protocol() != null) {
      checkProtocol(in.protocol());
    }
    return store.write(scope, txn -> {
      StoredListener stored = Elbv2Lookup.listener(txn, in.listenerArn());
      Listener.Builder b = stored.listener().toBuilder();
      String lb = stored.listener().loadBalancerArn();
      if (in.port() != null && !in.port().equals(stored.listener().port())) {
        checkPortFree(txn, lb, in.port(), stored.arn());
        ports.reserve(in.port(), stored.arn());
        b.port(in.port());
      }
      if (in.protocol() != null) {
        b.protocol(in.protocol());
      }
      if (in.defaultActions() != null) {
        b.defaultActions(ListenerActions.actions(txn, lb, in.defaultActions()));
      }
      Listener listener = b.build();
      txn.put(Elbv2Kinds.LISTENER, listener.listenerArn(), stored.withListener(listener));
      return listener;
    });
  }

  /** By load balancer or listener ARNs (one of them), paged. */
  public Paging.Page<Listener> describe(Scope scope, DescribeListenersInput in) {
    if ((in.loadBalancerArn() == null) == (in.listenerArns() == null)) {
      throw new ValidationError("You must specify either listener ARNs or a load balancer ARN");
    }
    List<Listener> listeners = store.read(scope, view -> {
      List<Listener> found = new ArrayList<>();
      if (in.listenerArns() != null) {
        for (String arn : in.listenerArns()) {
          found.add(Elbv2Lookup.listener(view, arn).listener());
        }
      } else {
        Elbv2Lookup.loadBalancer(view, in.loadBalancerArn());
        Elbv2Lookup.listenersOf(view, in.loadBalancerArn()).forEach(l -> found.add(l.listener()));
      }
      return found;
    });
    return Elbv2Paging.page(listeners, Listener::listenerArn, in.pageSize(), in.marker());
  }

  public void delete(Scope scope, String arn) {
    store.write(scope, txn -> {
      Elbv2Lookup.listener(txn, arn);
      removeWithRules(txn, arn);
      return null;
    });
  }

  /** Removes a listener and its rules. */
  static void removeWithRules(StateTxn txn, String listenerArn) {
    for (StoredRule rule : Elbv2Lookup.rulesOf(txn, listenerArn)) {
      txn.remove(Elbv2Kinds.RULE, rule.arn());
    }
    txn.remove(Elbv2Kinds.LISTENER, listenerArn);
  }
}

package dev.ecsemulator.api.elbv2;

import dev.ecsemulator.api.protocol.AwsService;
import dev.ecsemulator.api.protocol.OperationTable;
import dev.ecsemulator.api.protocol.ServiceErrors;
import dev.ecsemulator.api.protocol.ServiceModel;
import dev.ecsemulator.core.elbv2.Elbv2Ids;
import dev.ecsemulator.core.elbv2.ListenerPorts;
import dev.ecsemulator.core.elbv2.Listeners;
import dev.ecsemulator.core.elbv2.LoadBalancers;
import dev.ecsemulator.core.elbv2.Rules;
import dev.ecsemulator.core.elbv2.Tagging;
import dev.ecsemulator.core.elbv2.TargetGroups;
import dev.ecsemulator.core.elbv2.Targets;
import dev.ecsemulator.core.elbv2.error.InternalFailure;
import dev.ecsemulator.core.elbv2.error.ValidationError;
import dev.ecsemulator.core.error.InvalidAction;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;

/**
 * Elastic Load Balancing v2 on the endpoint (AWS query protocol, signing name {@code elasticloadbalancing}, version
 * {@code 2015-12-01}): application load balancers, target groups, targets and their health, HTTP listeners and rules,
 * tags. The rest of its model (certificates, trust stores, capacity reservations, ...) is answered as not implemented.
 */
public final class Elbv2Service {

  /** The model resource. */
  public static final String MODEL = "/aws/elbv2-2015-12-01.service.json.gz";

  /**
   * Validation failures are ValidationError with lower-camel member names ("Value '0' at 'port' failed to satisfy
   * constraint", as AWS users report from ELBv2); an operation the emulator does not implement is the common
   * InvalidAction, a 400 the SDKs do not retry (ELBv2's model has no error that says so).
   */
  public static final ServiceErrors ERRORS = new ServiceErrors(
      ValidationError::new,
      ServiceErrors.MemberNames.LOWER_CAMEL,
      operation -> new InvalidAction("ecs-emulator does not implement the ELBv2 operation " + operation
          + " yet. See the README for the supported operations."),
      InternalFailure::new);

  private Elbv2Service() {}

  /** The core of ELBv2 over one store: what the API and the data plane share. */
  public record Core(LoadBalancers loadBalancers, TargetGroups targetGroups, Targets targets, Listeners listeners,
      Rules rules, Tagging tags) {

    /**
     * @param targets the registrations the data plane watches
     * @param ports the data plane, which opens a listener's port before it is stored
     */
    public static Core over(StateStore store, Clock clock, Targets targets, ListenerPorts ports) {
      Elbv2Ids ids = Elbv2Ids.random();
      return new Core(new LoadBalancers(store, clock, ids), new TargetGroups(store, ids), targets,
          new Listeners(store, ids, ports), new Rules(store, ids), new Tagging(store));
    }
  }

  /** The service with its operations over {@code core}. */
  public static AwsService create(ServiceModel model, Core core) {
    OperationTable operations = OperationTable.filledOnFirstUse(table -> Elbv2Operations.register(table, core));
    return new AwsService(model, operations, ERRORS, false);
  }
}

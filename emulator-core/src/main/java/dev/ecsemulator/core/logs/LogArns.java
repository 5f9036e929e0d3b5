package dev.ecsemulator.core.logs;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.arn.Arn;
import dev.ecsemulator.core.arn.Arns;
import java.util.Optional;

/** The one place that builds and reads CloudWatch Logs ARNs. */
public final class LogArns {

  private static final String GROUP_TYPE = "log-group:";

  private LogArns() {}

  /** {@code arn:aws:logs:REGION:ACCOUNT:log-group:NAME}: DescribeLogGroups' {@code logGroupArn}, and what tagging takes. */
  public static String group(Scope scope, String group) {
    return "arn:" + Arns.PARTITION + ":logs:" + scope.region() + ":" + scope.accountId() + ":" + GROUP_TYPE + group;
  }

  /** The same with {@code :*}: DescribeLogGroups' {@code arn}, the form IAM policies use. */
  public static String groupWildcard(Scope scope, String group) {
    return group(scope, group) + ":*";
  }

  public static String stream(Scope scope, String group, String stream) {
    return group(scope, group) + ":log-stream:" + stream;
  }

  /**
   * The log group name a log group ARN of {@code scope} names (with or without the trailing {@code :*}); empty for
   * anything else: another account or region, another service or resource type.
   */
  public static Optional<String> groupName(Scope scope, String arn) {
    return Arn.parse(arn)
        .filter(a -> a.service().equals("logs") && a.region().equals(scope.region())
            && a.accountId().equals(scope.accountId()) && a.resource().startsWith(GROUP_TYPE))
        .map(a -> a.resource().substring(GROUP_TYPE.length()))
        .map(name -> name.endsWith(":*") ? name.substring(0, name.length() - 2) : name)
        .filter(name -> !name.isEmpty() && name.indexOf(':') < 0);
  }
}

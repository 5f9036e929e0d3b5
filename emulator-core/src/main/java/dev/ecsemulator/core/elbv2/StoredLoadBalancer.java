package dev.ecsemulator.core.elbv2;

import dev.ecsemulator.core.elbv2.model.LoadBalancer;
import dev.ecsemulator.core.elbv2.model.Tag;
import java.util.List;

/** A load balancer as stored: as DescribeLoadBalancers shows it, and its tags. */
public record StoredLoadBalancer(LoadBalancer loadBalancer, List<Tag> tags) {

  public StoredLoadBalancer {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public String arn() {
    return loadBalancer.loadBalancerArn();
  }

  public StoredLoadBalancer withTags(List<Tag> newTags) {
    return new StoredLoadBalancer(loadBalancer, newTags);
  }
}

package dev.ecsemulator.core.autoscaling;

import static dev.ecsemulator.core.autoscaling.AutoScalingKinds.ACTIVITY;

import dev.ecsemulator.core.Paging;
import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.autoscaling.error.InvalidNextTokenException;
import dev.ecsemulator.core.autoscaling.model.DescribeScalingActivitiesRequest;
import dev.ecsemulator.core.autoscaling.model.DescribeScalingActivitiesResponse;
import dev.ecsemulator.core.autoscaling.model.ScalingActivity;
import dev.ecsemulator.core.state.StateStore;
import dev.ecsemulator.core.state.StateTxn;
import java.util.Comparator;
import java.util.List;

/** DescribeScalingActivities, and the bounds of what is kept (AWS keeps six weeks; the emulator the last 200 per target). */
public final class ScalingActivities {

  static final int KEPT_PER_TARGET = 200;

  private final StateStore store;

  ScalingActivities(StateStore store) {
    this.store = store;
  }

  static String key(String targetKey, ScalingActivity activity) {
    return targetKey + "|" + String.format("%015d", activity.startTime().toEpochMilli()) + "|" + activity.activityId();
  }

  static void trim(StateTxn txn, String targetKey) {
    List<String> keys = txn.keys(ACTIVITY).stream().filter(k -> k.startsWith(targetKey + "|")).toList();
    for (int i = 0; i < keys.size() - KEPT_PER_TARGET; i++) {
      txn.remove(ACTIVITY, keys.get(i));
    }
  }

  /** Newest first, at most MaxResults (default 50) a page. */
  public DescribeScalingActivitiesResponse describe(Scope scope, DescribeScalingActivitiesRequest request) {
    Targets.checkSupported(request.serviceNamespace(), request.scalableDimension(), request.resourceId());
    String prefix = request.resourceId() != null && request.scalableDimension() != null
        ? Targets.key(request.serviceNamespace(), request.scalableDimension(), request.resourceId()) + "|" : "";
    List<ScalingActivity> activities = store.read(scope, view -> view.listByKeyPrefix(ACTIVITY, prefix)).stream()
        .filter(a -> request.resourceId() == null || request.resourceId().equals(a.resourceId()))
        .sorted(Comparator.comparing(ScalingActivity::startTime).reversed()
            .thenComparing(ScalingActivity::activityId))
        .toList();
    int max = request.maxResults() == null ? 50 : request.maxResults();
    Paging.Page<ScalingActivity> page = Paging.after(activities,
        a -> String.format("%015d", Long.MAX_VALUE / 2 - a.startTime().toEpochMilli()) + a.activityId(), max,
        request.nextToken(), () -> new InvalidNextTokenException("Invalid token")); // wording unverified
    return DescribeScalingActivitiesResponse.builder().scalingActivities(page.items()).nextToken(page.nextToken())
        .build();
  }
}

package dev.ecsemulator.core.autoscaling;

import dev.ecsemulator.core.autoscaling.model.ScheduledAction;
import java.time.Instant;

/**
 * A scheduled action (kind {@code autoscaling-scheduled-action}) and when it last ran (null: never), so a restart
 * neither runs it twice nor forgets it.
 */
public record StoredScheduledAction(ScheduledAction action, Instant lastRun) {}

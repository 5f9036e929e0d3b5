// Small pure helpers that turn ECS values into short text. No DOM here (tested in the browser test).

/** The last part of an ARN or key: a task's 32-hex ID, a service's name. */
export function lastPart(arnOrKey) {
  if (!arnOrKey) return '';
  return String(arnOrKey).slice(String(arnOrKey).lastIndexOf('/') + 1);
}

/** A task ID cut to 8 characters, as people read them out. */
export function shortId(arn) {
  return lastPart(arn).slice(0, 8);
}

/** The revision number of a task definition ARN ("...:task-definition/web:3" gives 3), or null. */
export function revision(taskDefinitionArn) {
  const m = /:(\d+)$/.exec(taskDefinitionArn || '');
  return m ? Number(m[1]) : null;
}

/** "web:3" from a task definition ARN. */
export function familyRevision(taskDefinitionArn) {
  return lastPart(taskDefinitionArn);
}

/** A cluster's name from its ARN. */
export function clusterName(clusterArn) {
  return lastPart(clusterArn);
}

/** Seconds as "45 s", "3 min 05 s", "2 h 10 min". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !isFinite(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min ' + String(s % 60).padStart(2, '0') + ' s';
  return Math.floor(s / 3600) + ' h ' + String(Math.floor((s % 3600) / 60)).padStart(2, '0') + ' min';
}

/** "12 s ago" from an epoch-seconds time and now. */
export function ago(time, now) {
  if (!time) return '';
  return duration(now - time) + ' ago';
}

/** Local wall-clock time of an epoch-seconds value, HH:MM:SS. */
export function clock(time) {
  if (!time) return '';
  const d = new Date(time * 1000);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map(n => String(n).padStart(2, '0')).join(':');
}

/** Bytes as MiB with one decimal below 10. */
export function mebibytes(bytes) {
  if (bytes === null || bytes === undefined) return '';
  const mib = bytes / (1024 * 1024);
  return (mib < 10 ? mib.toFixed(1) : Math.round(mib)) + ' MiB';
}

/** CPU percent of one CPU, rounded. */
export function percent(value) {
  if (value === null || value === undefined || !isFinite(value)) return '…';
  return (value < 10 ? value.toFixed(1) : Math.round(value)) + ' %';
}

/**
 * The CPU limit ECS gives a task's container here, in CPUs: the task's cpu (a hard limit in the emulator, as on
 * Fargate) else the container's units (a relative share); null when neither is set.
 */
export function cpuLimit(task, container) {
  const units = Number(task.cpu || 0) || Number(container.cpu || 0);
  return units > 0 ? units / 1024 : null;
}

/** The min and max number of tasks a rolling update keeps, from the service's desired count and percents. */
export function bounds(service) {
  const config = service.deploymentConfiguration || {};
  const desired = service.desiredCount || 0;
  const minPct = config.minimumHealthyPercent ?? 100;
  const maxPct = config.maximumPercent ?? 200;
  return {desired, min: Math.ceil(desired * minPct / 100), max: Math.floor(desired * maxPct / 100), minPct, maxPct};
}

// The page's copy of one scope's state, kept up to date from the live feed, and the tree the page draws from it.
// Pure: no DOM, no network (tested in the browser test with made-up messages).

/** Entities by store key, as the feed sends them (the ECS API's shapes). */
export class Model {
  constructor() {
    this.scope = null;
    this.scopes = [];
    this.clusters = new Map();
    this.services = new Map();
    this.tasks = new Map();
    /** Deployments seen while the page is open, by service key, so the timeline can mark ones already gone. */
    this.deploymentsSeen = new Map();
    /** Container stats by Docker ID. */
    this.stats = new Map();
    /** Server clock minus this browser's, in seconds. */
    this.offset = 0;
  }

  /** Replaces everything with a snapshot message. */
  snapshot(message) {
    this.scope = message.scope;
    this.scopes = message.scopes || [];
    this.clusters.clear();
    this.services.clear();
    this.tasks.clear();
    this.deploymentsSeen.clear();
    this.stats.clear();
    this.#clock(message.at);
    for (const entry of message.entries || []) this.#apply(entry);
  }

  /** Applies a changes message: each entry is the entity now, or gone when it has no value. */
  changes(message) {
    this.#clock(message.at);
    for (const entry of message.entries || []) this.#apply(entry);
  }

  /** Takes a stats message. */
  takeStats(message) {
    this.#clock(message.at);
    this.stats = new Map(Object.entries(message.containers || {}));
  }

  /** The server's time now, in epoch seconds. */
  now() {
    return Date.now() / 1000 + this.offset;
  }

  #clock(at) {
    if (typeof at === 'number') this.offset = at - Date.now() / 1000;
  }

  #apply(entry) {
    const table = {cluster: this.clusters, service: this.services, task: this.tasks}[entry.kind];
    if (!table) return;
    if (entry.value === undefined || entry.value === null) {
      table.delete(entry.key);
      return;
    }
    table.set(entry.key, entry.value);
    if (entry.kind === 'service') this.#remember(entry.key, entry.value);
  }

  #remember(key, service) {
    const seen = this.deploymentsSeen.get(key) || new Map();
    for (const d of service.deployments || []) seen.set(d.id, {id: d.id, taskDefinition: d.taskDefinition, createdAt: d.createdAt});
    this.deploymentsSeen.set(key, seen);
  }
}

/** Newest first by a time field, missing times last. */
function newestFirst(field) {
  return (a, b) => (b[field] || 0) - (a[field] || 0);
}

/** Tasks in the order the page lists them: not yet stopped first (oldest first), then stopped (newest first). */
export function taskOrder(a, b) {
  const aStopped = a.lastStatus === 'STOPPED', bStopped = b.lastStatus === 'STOPPED';
  if (aStopped !== bStopped) return aStopped ? 1 : -1;
  return aStopped ? (b.stoppedAt || 0) - (a.stoppedAt || 0) : (a.createdAt || 0) - (b.createdAt || 0);
}

/**
 * The tree the page draws: clusters (by name) with their services (by name), each with its deployments (PRIMARY
 * first) and tasks, and the cluster's tasks that belong to no service.
 */
export function tree(model) {
  const clusters = [...model.clusters.entries()]
    .filter(([, c]) => c.status !== 'INACTIVE')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, cluster]) => ({key, cluster, services: [], standalone: []}));
  const byArn = new Map(clusters.map(c => [c.cluster.clusterArn, c]));
  const serviceOf = new Map();
  for (const [key, service] of [...model.services.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const cluster = byArn.get(service.clusterArn);
    if (!cluster || service.status === 'INACTIVE') continue;
    const node = {key, service, deployments: deploymentsOf(service), tasks: []};
    cluster.services.push(node);
    serviceOf.set(service.clusterArn + ' service:' + service.serviceName, node);
  }
  for (const task of model.tasks.values()) {
    const service = serviceOf.get(task.clusterArn + ' ' + task.group);
    if (service) {
      service.tasks.push(task);
    } else if (byArn.has(task.clusterArn)) {
      byArn.get(task.clusterArn).standalone.push(task);
    }
  }
  for (const cluster of clusters) {
    cluster.standalone.sort(taskOrder);
    for (const s of cluster.services) s.tasks.sort(taskOrder);
    cluster.counts = counts(cluster);
  }
  return clusters;
}

/** PRIMARY first, then the others newest first. */
export function deploymentsOf(service) {
  return [...(service.deployments || [])].sort((a, b) =>
    (a.status === 'PRIMARY' ? 0 : 1) - (b.status === 'PRIMARY' ? 0 : 1) || newestFirst('createdAt')(a, b));
}

/** A cluster's counts, as DescribeClusters computes them. */
function counts(cluster) {
  const all = cluster.services.flatMap(s => s.tasks).concat(cluster.standalone);
  return {
    services: cluster.services.filter(s => s.service.status === 'ACTIVE').length,
    running: all.filter(t => t.lastStatus === 'RUNNING').length,
    pending: all.filter(t => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING').length,
  };
}

/** The deployment a service's task belongs to (startedBy is its ID), or null. */
export function deploymentOfTask(service, task) {
  return (service.deployments || []).find(d => d.id === task.startedBy) || null;
}

/**
 * A task's live use from the latest stats: CPU summed over its containers (percent of one CPU), memory summed,
 * against the limits ECS gives it (task-level cpu and memory, else the containers' own). Nulls where unknown.
 */
export function usageOf(task, stats) {
  let cpu = null, memory = null, statsLimit = 0, measured = 0;
  for (const c of task.containers || []) {
    const s = c.runtimeId ? stats.get(c.runtimeId) : null;
    if (!s) continue;
    measured++;
    if (s.cpuPercent !== undefined && s.cpuPercent !== null) cpu = (cpu || 0) + s.cpuPercent;
    memory = (memory || 0) + s.memoryBytes;
    statsLimit += s.memoryLimitBytes || 0;
  }
  const containers = task.containers || [];
  const cpuUnits = Number(task.cpu || 0) || containers.reduce((sum, c) => sum + Number(c.cpu || 0), 0);
  const hardMemory = Number(task.memory || 0) ||
    (containers.length && containers.every(c => Number(c.memory || 0) > 0)
      ? containers.reduce((sum, c) => sum + Number(c.memory), 0) : 0);
  return {
    measured: measured > 0,
    cpuPercent: cpu,
    cpuLimit: cpuUnits > 0 ? cpuUnits / 1024 : null,
    memoryBytes: memory,
    memoryLimitBytes: hardMemory > 0 ? hardMemory * 1024 * 1024 : (statsLimit || null),
  };
}

// Draws the tree of clusters, services, deployments and tasks. Every value is shown as text (dom.js); actions are
// buttons whose handlers come from app.js.
import {h} from './dom.js';
import {explain} from './explain.js';
import {ago, bounds, clock, familyRevision, lastPart, mebibytes, percent, revision, shortId} from './format.js';
import {deploymentsOf, usageOf} from './model.js';
import {colourOf, drawTimeline} from './timeline.js';

const EVENTS_SHOWN = 6;
const STOPPED_SHOWN = 6;

/** A value with its explanation as a tooltip and, for people who cannot hover, as visually hidden text. */
function explained(topic, value, cls) {
  if (value === null || value === undefined || value === '') return '';
  const text = explain(topic, value);
  return h('span', {class: cls || null, title: text || null}, String(value),
    text ? h('span', {class: 'visually-hidden'}, ' (' + text + ')') : null);
}

/** A square in a revision's colour (set through the CSS object model: the page's policy forbids style attributes). */
export function swatch(rev) {
  const el = h('span', {class: 'swatch', 'aria-hidden': 'true'});
  el.style.backgroundColor = colourOf(rev);
  return el;
}

/** An explanation shown as its own line of text. */
function because(topic, value) {
  const text = explain(topic, value);
  return text ? h('p', {class: 'why'}, text) : null;
}

/** A disclosure whose open state survives re-rendering. */
function disclosure(ui, key, summary, ...content) {
  const details = h('details', {'data-open-key': key, open: ui.open.has(key)}, h('summary', {}, summary), content);
  details.addEventListener('toggle', () => details.open ? ui.open.add(key) : ui.open.delete(key));
  return details;
}

export function renderTree(tree, model, ui, actions) {
  if (!model.scope) {
    return [h('p', {class: 'quiet'}, 'Waiting for the emulator…')];
  }
  if (!tree.length) {
    return [h('section', {class: 'empty'},
      h('h2', {}, 'No clusters here yet'),
      h('p', {}, `Nothing in account ${model.scope?.accountId ?? ''}, region ${model.scope?.region ?? ''}. Create a`
        + ' cluster and a service with the AWS CLI or an SDK, and they appear here as they change:'),
      h('pre', {}, 'aws --endpoint-url ' + location.origin + ' ecs create-cluster --cluster-name default'))];
  }
  return tree.map(cluster => renderCluster(cluster, model, ui, actions));
}

function renderCluster(node, model, ui, actions) {
  const name = node.cluster.clusterName;
  const id = 'cluster-' + name;
  return h('section', {class: 'cluster', 'aria-labelledby': id},
    h('h2', {id}, h('span', {class: 'kind'}, 'Cluster '), name,
      h('span', {class: 'counts'}, ` ${node.counts.services} services · ${node.counts.running} running · `
        + `${node.counts.pending} pending tasks`)),
    node.services.map(s => renderService(s, name, model, ui, actions)),
    node.standalone.length ? h('section', {class: 'standalone'},
      h('h3', {}, 'Tasks not in a service (RunTask, StartTask)'),
      taskTable(node.standalone, name, model, ui, actions, 'standalone:' + name)) : null);
}

function renderService(node, clusterName, model, ui, actions) {
  const s = node.service;
  const limits = bounds(s);
  const inputKey = 'desired:' + node.key;
  const input = h('input', {type: 'number', min: 0, max: 1000, id: inputKey, 'data-focus': inputKey,
    value: ui.inputs.has(inputKey) ? ui.inputs.get(inputKey) : String(s.desiredCount ?? 0)});
  input.addEventListener('input', () => ui.inputs.set(inputKey, input.value));
  const scale = h('form', {class: 'controls', 'aria-label': 'Actions on service ' + s.serviceName},
    h('label', {for: inputKey}, 'Desired count'), input,
    h('button', {type: 'submit', 'data-focus': 'scale:' + node.key}, 'Scale'),
    h('button', {type: 'button', 'data-focus': 'force:' + node.key,
      on: {click: () => actions.forceNewDeployment(clusterName, s.serviceName)}}, 'Force new deployment'));
  scale.addEventListener('submit', event => {
    event.preventDefault();
    ui.inputs.delete(inputKey);
    actions.scale(clusterName, s.serviceName, Number(input.value));
  });
  const headingId = 'service-' + node.key;
  return h('article', {class: 'service', 'aria-labelledby': headingId, 'data-service': s.serviceName},
    h('header', {class: 'service-head'},
      h('h3', {id: headingId}, h('span', {class: 'kind'}, 'Service '), s.serviceName),
      h('span', {class: 'pill status-' + String(s.status).toLowerCase()}, s.status),
      h('span', {class: 'counts'}, `desired ${s.desiredCount} · running ${s.runningCount} · pending ${s.pendingCount}`),
      h('span', {class: 'counts'}, `rolling update keeps ${limits.min}–${limits.max} tasks`
        + ` (minimumHealthyPercent ${limits.minPct}, maximumPercent ${limits.maxPct})`),
      scale),
    h('h4', {}, 'Deployments'),
    deploymentTable(node, actions),
    h('h4', {}, 'Timeline'),
    timeline(node, model, ui, limits),
    h('h4', {}, 'Tasks'),
    taskTable(node.tasks, clusterName, model, ui, actions, 'tasks:' + node.key),
    h('h4', {}, 'Events'),
    events(s, model, ui, node.key));
}

function deploymentTable(node, actions) {
  const rows = deploymentsOf(node.service).map(d => h('tr', {'data-deployment': d.id, class: 'deployment'},
    h('td', {}, explained('DEPLOYMENT_STATUS', d.status, 'pill deployment-' + String(d.status).toLowerCase())),
    h('td', {}, d.id),
    h('td', {}, swatch(revision(d.taskDefinition)), ' ',
      h('button', {type: 'button', class: 'link', 'data-focus': 'td:' + d.id,
        on: {click: () => actions.showTaskDefinition(d.taskDefinition)}}, familyRevision(d.taskDefinition))),
    h('td', {class: 'num'}, d.desiredCount), h('td', {class: 'num'}, d.pendingCount),
    h('td', {class: 'num'}, d.runningCount), h('td', {class: 'num'}, d.failedTasks ?? 0),
    h('td', {}, explained('ROLLOUT_STATE', d.rolloutState, 'pill rollout-' + String(d.rolloutState).toLowerCase()),
      d.rolloutStateReason ? h('div', {class: 'reason'}, d.rolloutStateReason) : null,
      because('ROLLOUT_REASON', d.rolloutStateReason))));
  return h('table', {class: 'deployments'},
    h('thead', {}, h('tr', {}, ['Status', 'ID', 'Task definition', 'Desired', 'Pending', 'Running', 'Failed',
      'Rollout'].map(c => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, rows));
}

function timeline(node, model, ui, limits) {
  const seen = [...(model.deploymentsSeen.get(node.key) || new Map()).values()];
  const width = Math.max(480, ui.width);
  const figure = h('figure', {class: 'timeline-figure'},
    drawTimeline(node.tasks, seen, limits, {now: model.now(), width, scale: ui.scale}),
    h('figcaption', {}, 'Each bar is a task, coloured by revision: pale while PENDING, solid while RUNNING,'
      + ' hatched while STOPPING; it ends when the task is STOPPED. Above: tasks RUNNING (filled) and not yet'
      + ' stopped (line), against the rolling update\'s min and max.'));
  return figure;
}

function taskTable(tasks, clusterName, model, ui, actions, key) {
  const live = tasks.filter(t => t.lastStatus !== 'STOPPED');
  const stopped = tasks.filter(t => t.lastStatus === 'STOPPED');
  const head = h('thead', {}, h('tr', {}, ['Task', 'Revision', 'Last status', 'Desired', 'Health', 'CPU', 'Memory',
    'Ports', 'Stopped', 'Actions'].map(c => h('th', {scope: 'col'}, c))));
  const rows = list => list.map(t => taskRow(t, clusterName, model, actions));
  const parts = [h('table', {class: 'tasks', 'data-key': key}, head, h('tbody', {}, rows(live)))];
  if (!live.length) parts.unshift(h('p', {class: 'quiet'}, 'No task is running or starting.'));
  if (stopped.length) {
    parts.push(disclosure(ui, 'stopped:' + key, `${stopped.length} stopped tasks (kept about an hour)`,
      h('table', {class: 'tasks stopped', 'data-key': key + ':stopped'}, head.cloneNode(true),
        h('tbody', {}, rows(stopped.slice(0, ui.open.has('all-stopped:' + key) ? stopped.length : STOPPED_SHOWN)))),
      stopped.length > STOPPED_SHOWN && !ui.open.has('all-stopped:' + key)
        ? h('button', {type: 'button', on: {click: () => actions.openAll('all-stopped:' + key)}},
          `Show all ${stopped.length}`) : null));
  }
  return h('div', {class: 'task-list'}, parts);
}

function taskRow(task, clusterName, model, actions) {
  const id = lastPart(task.taskArn);
  const rev = revision(task.taskDefinitionArn);
  const usage = usageOf(task, model.stats);
  const running = task.lastStatus === 'RUNNING';
  const ports = (task.containers || []).flatMap(c => (c.networkBindings || [])
    .filter(b => Number.isInteger(b.hostPort) && b.hostPort > 0)
    .map(b => ({container: c.name, containerPort: b.containerPort, hostPort: b.hostPort, bindIP: b.bindIP})));
  return h('tr', {class: 'task status-' + String(task.lastStatus).toLowerCase(), 'data-task': task.taskArn},
    h('td', {}, h('button', {type: 'button', class: 'link mono', 'data-focus': 'inspect:' + task.taskArn,
      title: 'Details of task ' + id, on: {click: event => actions.inspect(task.taskArn, event.currentTarget)}},
    shortId(task.taskArn))),
    h('td', {}, swatch(rev), ' ', familyRevision(task.taskDefinitionArn)),
    h('td', {}, explained('TASK_STATUS', task.lastStatus, 'pill task-' + String(task.lastStatus).toLowerCase())),
    h('td', {}, task.desiredStatus),
    h('td', {}, explained('HEALTH', task.healthStatus, 'pill health-' + String(task.healthStatus).toLowerCase())),
    h('td', {class: 'num'}, running ? cpuText(usage) : ''),
    h('td', {class: 'num'}, running ? memoryCell(usage) : ''),
    h('td', {}, ports.map(p => h('div', {}, h('a', {href: portUrl(p), target: '_blank', rel: 'noopener noreferrer'},
      `${p.hostPort}`), ` → ${p.container}:${p.containerPort}`))),
    h('td', {}, task.stopCode ? explained('STOP_CODE', task.stopCode, 'code') : '',
      task.stoppedReason ? h('div', {class: 'reason'}, task.stoppedReason) : null,
      (task.containers || []).filter(c => c.exitCode !== undefined && c.exitCode !== null || c.reason).map(c =>
        h('div', {class: 'reason'}, c.name, c.exitCode !== undefined && c.exitCode !== null
          ? [' exited ', explained('EXIT_CODE', String(c.exitCode), 'code')] : '', c.reason ? ': ' + c.reason : '')),
      task.stopCode ? because('STOP_CODE', task.stopCode) : null,
      task.stoppedAt ? h('div', {class: 'quiet'}, ago(task.stoppedAt, model.now())) : null),
    h('td', {class: 'actions'},
      task.desiredStatus === 'RUNNING' ? h('button', {type: 'button', 'data-focus': 'stop:' + task.taskArn,
        on: {click: () => actions.stopTask(clusterName, task.taskArn)}}, 'Stop') : null,
      running && ports.length ? [
        h('button', {type: 'button', 'data-focus': 'unhealthy:' + task.taskArn, title: 'Sample app: /control/unhealthy',
          on: {click: () => actions.sampleApp(clusterName, task.taskArn, 'unhealthy')}}, 'Make unhealthy'),
        h('button', {type: 'button', 'data-focus': 'burn:' + task.taskArn, title: 'Sample app: /control/burn for 30 s',
          on: {click: () => actions.sampleApp(clusterName, task.taskArn, 'burn')}}, 'Burn CPU')] : null));
}

function cpuText(usage) {
  if (!usage.measured) return '…';
  const limit = usage.cpuLimit ? ` of ${usage.cpuLimit} vCPU` : '';
  return percent(usage.cpuPercent) + limit;
}

function memoryCell(usage) {
  if (!usage.measured) return '…';
  const limit = usage.memoryLimitBytes;
  return [mebibytes(usage.memoryBytes) + (limit ? ' / ' + mebibytes(limit) : ''),
    limit ? h('meter', {min: 0, max: limit, value: usage.memoryBytes, high: limit * 0.8, optimum: 0,
      'aria-label': 'memory used of the limit'}) : null];
}

/** A link to a published port: the address it is bound to, or the host this page came from for a wildcard. */
export function portUrl(port) {
  const wildcard = !port.bindIP || port.bindIP === '0.0.0.0' || port.bindIP === '::';
  const host = wildcard ? location.hostname : port.bindIP;
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${shown}:${Number(port.hostPort)}/`;
}

function events(service, model, ui, key) {
  const all = service.events || [];
  if (!all.length) return h('p', {class: 'quiet'}, 'No events yet.');
  const item = e => h('li', {class: 'event'},
    h('time', {datetime: new Date(e.createdAt * 1000).toISOString(), title: ago(e.createdAt, model.now())},
      clock(e.createdAt)), ' ', h('span', {class: 'message'}, e.message), because('EVENT', e.message));
  return h('div', {class: 'events'},
    h('ol', {class: 'event-list'}, all.slice(0, EVENTS_SHOWN).map(item)),
    all.length > EVENTS_SHOWN ? disclosure(ui, 'events:' + key, `${all.length - EVENTS_SHOWN} older events`,
      h('ol', {class: 'event-list', start: EVENTS_SHOWN + 1}, all.slice(EVENTS_SHOWN).map(item))) : null);
}


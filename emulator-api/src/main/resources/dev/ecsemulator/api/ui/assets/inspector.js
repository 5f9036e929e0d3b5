// The side panel with one task's details (containers, health check output, its task definition, its logs) or one
// task definition. What changes with the task is drawn again from the model; what is fetched (the task definition,
// logs, Docker's health log) is kept until the panel shows something else.
import {h, replace} from './dom.js';
import {call, containerDetails} from './ecs.js';
import {explain} from './explain.js';
import {clock, familyRevision, lastPart, shortId} from './format.js';

const LOG_LINES = 200;
const FOLLOW_EVERY_MS = 3000;
const DETAILS_EVERY_MS = 2000;

export class Inspector {
  /** @param el the panel; @param model the page's Model; @param onClose called when it closes */
  constructor(el, model, onClose) {
    this.el = el;
    this.model = model;
    this.onClose = onClose;
    this.taskArn = null;
    this.definitionArn = null;
    this.opener = null;
    this.definition = null; // {arn, value | error}
    this.logs = new Map(); // container name -> {group, stream, events | error}
    this.details = new Map(); // runtimeId -> details | null
    this.detailsAt = 0;
    this.follow = null;
    this.live = h('div', {class: 'inspector-live'});
    this.definitionPart = h('section', {class: 'inspector-definition', 'aria-label': 'Task definition'});
    this.logsPart = h('section', {class: 'inspector-logs', 'aria-label': 'Logs'});
  }

  /** Shows a task (by ARN); `opener` gets the focus back on close. */
  openTask(taskArn, opener) {
    this.#reset(opener);
    this.taskArn = taskArn;
    const task = this.#task();
    this.#frame(`Task ${shortId(taskArn)}`);
    this.refresh();
    if (task) {
      this.#loadDefinition(task.taskDefinitionArn).then(() => this.#loadLogs());
      this.follow = setInterval(() => this.#followLogs(), FOLLOW_EVERY_MS);
    }
  }

  /** Shows a task definition (DescribeTaskDefinition's answer, with the defaults ECS filled in). */
  openTaskDefinition(arn, opener) {
    this.#reset(opener);
    this.definitionArn = arn;
    this.#frame(`Task definition ${familyRevision(arn)}`);
    this.#loadDefinition(arn);
  }

  isOpen() {
    return !this.el.hidden;
  }

  close() {
    if (!this.isOpen()) return;
    this.#reset(null);
    this.el.hidden = true;
    this.onClose();
  }

  /** Draws the task's live part again (after a model change). */
  refresh() {
    if (!this.taskArn || !this.isOpen()) return;
    const task = this.#task();
    if (!task) {
      replace(this.live, h('p', {}, 'This task is no longer known (stopped tasks are kept about an hour).'));
      return;
    }
    replace(this.live, summary(task), h('h3', {}, 'Containers'),
      (task.containers || []).map(c => container(c, this.details.get(c.runtimeId))));
    if (Date.now() - this.detailsAt > DETAILS_EVERY_MS) this.#loadDetails(task);
  }

  #task() {
    for (const task of this.model.tasks.values()) if (task.taskArn === this.taskArn) return task;
    return null;
  }

  #reset(opener) {
    const previous = this.opener;
    clearInterval(this.follow);
    this.follow = null;
    this.taskArn = null;
    this.definitionArn = null;
    this.definition = null;
    this.logs = new Map();
    this.details = new Map();
    this.detailsAt = 0;
    this.opener = opener;
    if (!opener && previous && previous.isConnected) previous.focus();
  }

  #frame(title) {
    const heading = h('h2', {tabindex: '-1', id: 'inspector-title'}, title);
    const closer = h('button', {type: 'button', class: 'close', 'aria-label': 'Close the details (Escape)',
      on: {click: () => this.close()}}, '×');
    replace(this.definitionPart);
    replace(this.logsPart);
    replace(this.live);
    replace(this.el, h('header', {}, heading, closer), this.live, this.definitionPart, this.logsPart);
    this.el.setAttribute('aria-labelledby', 'inspector-title');
    this.el.hidden = false;
    heading.focus();
  }

  async #loadDetails(task) {
    this.detailsAt = Date.now();
    const arn = this.taskArn;
    for (const c of task.containers || []) {
      if (!c.runtimeId) continue;
      try {
        this.details.set(c.runtimeId, await containerDetails(c.runtimeId));
      } catch (e) {
        this.details.set(c.runtimeId, {error: e.message});
      }
    }
    if (this.taskArn === arn) {
      const now = this.#task();
      if (now) replace(this.live, summary(now), h('h3', {}, 'Containers'),
        (now.containers || []).map(c => container(c, this.details.get(c.runtimeId))));
    }
  }

  async #loadDefinition(arn) {
    const scope = this.model.scope;
    replace(this.definitionPart, h('h3', {}, 'Task definition ', familyRevision(arn)), h('p', {class: 'quiet'}, 'Loading…'));
    try {
      const answer = await call('ecs', 'DescribeTaskDefinition', {taskDefinition: arn}, scope);
      this.definition = {arn, value: answer.taskDefinition};
    } catch (e) {
      this.definition = {arn, error: e.message};
    }
    replace(this.definitionPart, h('h3', {}, 'Task definition ', familyRevision(arn)),
      h('p', {class: 'quiet'}, 'As DescribeTaskDefinition answers it: with the defaults ECS fills in.'),
      this.definition.error ? h('p', {class: 'error'}, this.definition.error)
        : h('pre', {class: 'json', tabindex: '0', 'aria-label': 'Task definition JSON'},
          JSON.stringify(this.definition.value, null, 2)));
  }

  async #loadLogs() {
    const task = this.#task();
    const definition = this.definition?.value;
    if (!task || !definition) return;
    for (const c of definition.containerDefinitions || []) {
      const config = c.logConfiguration;
      if (!config || config.logDriver !== 'awslogs') {
        this.logs.set(c.name, {none: 'No awslogs log configuration: its output stays in Docker (docker logs).'});
        continue;
      }
      const options = config.options || {};
      const group = options['awslogs-group'];
      const prefix = options['awslogs-stream-prefix'];
      const running = (task.containers || []).find(x => x.name === c.name);
      const stream = prefix ? `${prefix}/${c.name}/${lastPart(task.taskArn)}` : running?.runtimeId;
      const region = options['awslogs-region'] || this.model.scope.region;
      try {
        const answer = await call('logs', 'GetLogEvents',
          {logGroupName: group, logStreamName: stream, startFromHead: false, limit: LOG_LINES}, this.model.scope, region);
        this.logs.set(c.name, {group, stream, events: answer.events || []});
      } catch (e) {
        this.logs.set(c.name, {group, stream, events: [], error: e.type === 'ResourceNotFoundException' ? null : e.message});
      }
    }
    this.#drawLogs();
  }

  #followLogs() {
    const task = this.#task();
    if (task && task.lastStatus !== 'STOPPED' && this.definition?.value) this.#loadLogs();
  }

  #drawLogs() {
    const parts = [h('h3', {}, 'Logs (CloudWatch Logs)'),
      h('button', {type: 'button', on: {click: () => this.#loadLogs()}}, 'Refresh logs')];
    for (const [name, log] of this.logs) {
      parts.push(h('h4', {}, name));
      if (log.none) {
        parts.push(h('p', {class: 'quiet'}, log.none));
      } else if (log.error) {
        parts.push(h('p', {class: 'error'}, log.error));
      } else if (!log.events.length) {
        parts.push(h('p', {class: 'quiet'}, `No logs shipped to ${log.group} / ${log.stream} yet.`));
      } else {
        parts.push(h('p', {class: 'quiet'}, `${log.group} / ${log.stream}`),
          h('pre', {class: 'log', tabindex: '0', 'aria-label': 'Log of ' + name},
            log.events.map(e => `${clock(e.timestamp / 1000)}  ${e.message}\n`).join('')));
      }
    }
    replace(this.logsPart, parts);
  }
}

function row(label, ...value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

function why(topic, value) {
  const text = explain(topic, value);
  return text ? h('p', {class: 'why'}, text) : null;
}

function summary(task) {
  return h('dl', {class: 'facts'},
    row('ARN', h('span', {class: 'mono'}, task.taskArn)),
    row('Task definition', familyRevision(task.taskDefinitionArn)),
    row('Status', `${task.lastStatus} (desired ${task.desiredStatus})`, why('TASK_STATUS', task.lastStatus)),
    row('Health', task.healthStatus || 'UNKNOWN', why('HEALTH', task.healthStatus)),
    row('Started by', task.startedBy || '', task.group ? ` · group ${task.group}` : ''),
    row('Times', [['created', task.createdAt], ['started', task.startedAt], ['stopping', task.stoppingAt],
      ['stopped', task.stoppedAt]].filter(([, t]) => t).map(([n, t]) => `${n} ${clock(t)}`).join(' · ')),
    task.stopCode ? row('Stop code', task.stopCode, why('STOP_CODE', task.stopCode)) : null,
    task.stoppedReason ? row('Stopped reason', task.stoppedReason, why('STOPPED_REASON', task.stoppedReason)) : null);
}

function container(c, details) {
  const health = details?.health;
  return h('section', {class: 'container', 'aria-label': 'Container ' + c.name},
    h('h4', {}, c.name, ' ', h('span', {class: 'quiet'}, c.image)),
    h('dl', {class: 'facts'},
      row('Status', c.lastStatus, c.healthStatus ? ` · health ${c.healthStatus}` : ''),
      c.exitCode !== undefined && c.exitCode !== null ? row('Exit code', String(c.exitCode), why('EXIT_CODE', String(c.exitCode))) : null,
      c.reason ? row('Reason', c.reason, why('CONTAINER_REASON', c.reason)) : null,
      details?.oomKilled ? row('OOM killed', 'yes: the kernel ended it for using more memory than its limit') : null,
      c.runtimeId ? row('Docker ID', h('span', {class: 'mono'}, c.runtimeId.slice(0, 12))) : null,
      details?.error && typeof details.error === 'string' ? row('Docker', details.error) : null),
    health ? h('div', {class: 'health-log'},
      h('h5', {}, `Health check: ${health.status}`, health.failingStreak ? ` (failing ${health.failingStreak} in a row)` : ''),
      h('ol', {}, (health.log || []).slice().reverse().map(p => h('li', {},
        `${clock(Date.parse(p.start) / 1000)} exit ${p.exitCode}`,
        p.output ? h('pre', {class: 'probe'}, p.output) : null)))) : null);
}

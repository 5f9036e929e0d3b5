// The deployment timeline: each task a bar from its creation to STOPPED, coloured by revision, shaded by state;
// above the bars, how many tasks ran and how many existed at each moment, against the service's min and max.
import {svg} from './dom.js';
import {revision, shortId, clock} from './format.js';

/** Colours of revisions (Okabe-Ito: told apart with the common colour blindnesses), by revision number. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

export function colourOf(rev) {
  return PALETTE[((rev || 1) - 1) % PALETTE.length];
}

/**
 * A task's life as segments {state, from, to} (epoch seconds): PENDING from creation to start, RUNNING to the stop
 * request, STOPPING to STOPPED. A task that never started goes from PENDING to STOPPING (or STOPPED) directly.
 * Segments still going end at now.
 */
export function segments(task, now) {
  const created = task.createdAt;
  if (typeof created !== 'number') return [];
  const started = task.startedAt;
  const stopping = task.stoppingAt || (task.lastStatus === 'STOPPED' ? task.stoppedAt : null);
  const stopped = task.lastStatus === 'STOPPED' ? (task.stoppedAt || stopping || now) : null;
  const end = stopped || now;
  const out = [];
  const firstEnd = Math.min(end, started || stopping || end);
  out.push({state: 'PENDING', from: created, to: Math.max(created, firstEnd)});
  if (started && started < end) out.push({state: 'RUNNING', from: started, to: Math.min(end, stopping || end)});
  if (stopping && stopping < end) out.push({state: 'STOPPING', from: Math.max(stopping, started || created), to: end});
  return out.filter(s => s.to > s.from || s.state === 'PENDING');
}

/**
 * The time window shown: from a little before the oldest task's creation (at most `span` seconds back) to now, at
 * least half a minute, so a rollout of a few seconds still reads.
 */
export function windowOf(tasks, now, span = 900) {
  const oldest = Math.min(now, ...tasks.map(t => t.createdAt).filter(t => typeof t === 'number'));
  const from = Math.max(oldest - Math.max(2, (now - oldest) * 0.03), now - span);
  return {from: Math.min(from, now - 30), to: now};
}

/**
 * Steps of how many tasks existed (not yet STOPPED) and how many were RUNNING, over time: [{t, active, running}],
 * one per moment something changed, in time order.
 */
export function countsOverTime(tasks, now) {
  const changes = [];
  for (const task of tasks) {
    for (const s of segments(task, now)) {
      if (s.state === 'RUNNING') {
        changes.push([s.from, 0, 1], [s.to, 0, -1]);
      }
    }
    const all = segments(task, now);
    if (all.length) {
      changes.push([all[0].from, 1, 0]);
      if (task.lastStatus === 'STOPPED') changes.push([all[all.length - 1].to, -1, 0]);
    }
  }
  changes.sort((a, b) => a[0] - b[0]);
  const steps = [];
  let active = 0, running = 0;
  for (const [t, da, dr] of changes) {
    active += da;
    running += dr;
    if (steps.length && steps[steps.length - 1].t === t) {
      steps[steps.length - 1] = {t, active, running};
    } else {
      steps.push({t, active, running});
    }
  }
  return steps;
}

/**
 * Draws the timeline of one service.
 *
 * @param tasks the service's tasks (the newest `maxRows` are drawn)
 * @param deployments the deployments seen [{id, taskDefinition, createdAt}]
 * @param limits {min, max, desired} of the rolling update
 * @param options {now, width, scale} (scale: the root font size over 16 px, for large text)
 */
export function drawTimeline(tasks, deployments, limits, {now, width, scale = 1, maxRows = 24}) {
  const shown = [...tasks].sort((a, b) => (a.createdAt || 0) - (b.createdAt || 0)).slice(-maxRows);
  const win = windowOf(shown, now);
  const label = 150 * scale, right = 12 * scale, row = 22 * scale, gap = 5 * scale, chart = 60 * scale;
  const top = chart + 26 * scale;
  const height = top + shown.length * (row + gap) + 24 * scale;
  const x = t => label + (Math.max(win.from, Math.min(t, win.to)) - win.from) / (win.to - win.from) * (width - label - right);
  const font = 13 * scale;
  const root = svg('svg', {
    class: 'timeline', width, height, role: 'img',
    'aria-label': `Timeline of ${shown.length} tasks over the last ${Math.round(win.to - win.from)} seconds`,
  });
  root.append(svg('defs', {}, svg('pattern', {id: 'stopping-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)'}, svg('rect', {width: 3, height: 6, fill: '#ffffff', 'fill-opacity': 0.55}))));

  // Counts over time, against the rolling update's bounds.
  const steps = countsOverTime(tasks, now);
  const peak = Math.max(1, limits.max, ...steps.map(s => s.active));
  const y = n => chart - n / peak * (chart - 8 * scale) + 4 * scale;
  root.append(svg('text', {x: 0, y: 14 * scale, class: 'axis-label', 'font-size': font}, 'Tasks'));
  for (let n = 0; n <= peak; n += Math.max(1, Math.ceil(peak / 4))) {
    root.append(svg('line', {x1: label, x2: width - right, y1: y(n), y2: y(n), class: 'grid'}),
      svg('text', {x: label - 6 * scale, y: y(n) + 4 * scale, 'text-anchor': 'end', 'font-size': font * 0.8,
        class: 'axis-label'}, String(n)));
  }
  for (const [value, name] of [[limits.max, 'max'], [limits.min, 'min']]) {
    root.append(svg('line', {x1: label, x2: width - right, y1: y(value), y2: y(value), class: 'bound ' + name}),
      svg('text', {x: label + 4 * scale, y: y(value) - 3 * scale, 'font-size': font * 0.85, class: 'bound-label'},
        `${name} ${value}`));
  }
  root.append(svg('path', {class: 'count active', d: stepPath(steps, 'active', x, y, now)}),
    svg('path', {class: 'count running', d: stepPath(steps, 'running', x, y, now)}));

  // Deployment starts.
  for (const d of deployments) {
    if (!d.createdAt || d.createdAt < win.from) continue;
    const at = x(d.createdAt);
    const nearEnd = at > width - 120 * scale;
    root.append(svg('line', {x1: at, x2: at, y1: 0, y2: height - 18 * scale, class: 'deployment-mark'}),
      svg('text', {x: nearEnd ? at - 3 * scale : at + 3 * scale, y: top - 6 * scale, 'font-size': font * 0.85,
        'text-anchor': nearEnd ? 'end' : 'start', class: 'deployment-label'}, `rev ${revision(d.taskDefinition)} starts`));
  }

  // One bar per task.
  shown.forEach((task, i) => {
    const rowY = top + i * (row + gap);
    const rev = revision(task.taskDefinitionArn);
    const g = svg('g', {class: 'task-row', 'data-task': task.taskArn});
    g.append(svg('text', {x: 0, y: rowY + row * 0.72, 'font-size': font, class: 'row-label'},
      `rev ${rev} · ${shortId(task.taskArn)}`));
    for (const s of segments(task, now)) {
      const x1 = x(s.from), x2 = Math.max(x(s.to), x1 + 2);
      g.append(svg('rect', {x: x1, y: rowY, width: x2 - x1, height: row, fill: colourOf(rev),
        class: 'segment ' + s.state.toLowerCase()}, svg('title', {}, `${s.state} ${clock(s.from)}–${clock(s.to)}`)));
      if (s.state === 'STOPPING') {
        g.append(svg('rect', {x: x1, y: rowY, width: x2 - x1, height: row, fill: 'url(#stopping-hatch)'}));
      }
    }
    if (task.healthStatus === 'UNHEALTHY' && task.lastStatus !== 'STOPPED') {
      const end = x(now);
      g.append(svg('circle', {cx: end - row / 2, cy: rowY + row / 2, r: row / 4, class: 'unhealthy-mark'},
        svg('title', {}, 'UNHEALTHY')));
    }
    if (task.lastStatus === 'STOPPED' && !task.startedAt) {
      const end = x(task.stoppedAt || now);
      g.append(svg('text', {x: end + 3 * scale, y: rowY + row * 0.72, 'font-size': font, class: 'failed-mark'},
        'never ran'));
    }
    root.append(g);
  });

  // Time axis.
  const axisY = height - 6 * scale;
  const step = tickStep(win.to - win.from);
  for (let t = Math.ceil(win.from / step) * step; t <= win.to; t += step) {
    root.append(svg('text', {x: x(t), y: axisY, 'font-size': font * 0.85, 'text-anchor': 'middle', class: 'axis-label'},
      clock(t)));
  }
  return root;
}

function stepPath(steps, field, x, y, now) {
  if (!steps.length) return '';
  let d = `M ${x(steps[0].t)} ${y(0)}`;
  let last = 0;
  for (const s of steps) {
    d += ` L ${x(s.t)} ${y(last)} L ${x(s.t)} ${y(s[field])}`;
    last = s[field];
  }
  return d + ` L ${x(now)} ${y(last)}`;
}

/** A tick spacing that gives 4 to 10 ticks. */
export function tickStep(span) {
  for (const step of [5, 10, 15, 30, 60, 120, 300, 600]) {
    if (span / step <= 10) return step;
  }
  return 900;
}

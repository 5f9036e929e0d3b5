// The dashboard: follows the emulator's live feed (server-sent events) and draws it; every action that changes ECS
// state is an ordinary ECS API call (ecs.js).
import {h, replace} from './dom.js';
import {call, sampleApp} from './ecs.js';
import {loadCatalogue} from './explain.js';
import {Inspector} from './inspector.js';
import {Model, tree} from './model.js';
import {renderTree} from './render.js';

const RENDER_AT_MOST_EVERY_MS = 250;
const TICK_MS = 1000;

const model = new Model();
const ui = {open: new Set(), inputs: new Map(), width: 900, scale: 1};
const main = document.getElementById('main');
const notice = document.getElementById('notice');
const connection = document.getElementById('connection');
const scopePicker = document.getElementById('scope');
const largeText = document.getElementById('large-text');
const inspector = new Inspector(document.getElementById('inspector'), model, () => scheduleRender());
let source = null;
let renderQueued = false;
let lastRender = 0;
// A click is a press and a release on the same element: no redraw in between, or the click is lost.
let pressing = false;

// ---- the live feed ----

function scopeFromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  return {account: params.get('account') || '', region: params.get('region') || ''};
}

function connect() {
  if (source) source.close();
  const {account, region} = scopeFromHash();
  const query = new URLSearchParams();
  if (account) query.set('account', account);
  if (region) query.set('region', region);
  const search = query.toString();
  source = new EventSource('events' + (search ? '?' + search : ''));
  setConnection('Connecting…', 'connecting');
  source.addEventListener('snapshot', event => {
    model.snapshot(JSON.parse(event.data));
    setConnection('Live', 'live');
    drawScopes();
    scheduleRender();
    document.body.dataset.state = 'live';
  });
  source.addEventListener('changes', event => {
    model.changes(JSON.parse(event.data));
    scheduleRender();
  });
  source.addEventListener('stats', event => {
    model.takeStats(JSON.parse(event.data));
    scheduleRender();
  });
  source.addEventListener('scopes', event => {
    model.scopes = JSON.parse(event.data).scopes || [];
    drawScopes();
  });
  source.addEventListener('failure', event => {
    setConnection('Refused: ' + JSON.parse(event.data).message, 'failed');
    source.close();
  });
  source.onerror = () => setConnection('Reconnecting…', 'connecting');
}

function setConnection(text, state) {
  connection.textContent = text;
  connection.dataset.state = state;
}

function drawScopes() {
  const current = model.scope ? `${model.scope.accountId}/${model.scope.region}` : '';
  const names = new Set(model.scopes.map(s => `${s.accountId}/${s.region}`));
  if (current) names.add(current);
  replace(scopePicker, [...names].sort().map(name => h('option', {value: name, selected: name === current},
    name.replace('/', ' · '))));
}

scopePicker.addEventListener('change', () => {
  const [account, region] = scopePicker.value.split('/');
  location.hash = new URLSearchParams({account, region}).toString();
});
window.addEventListener('hashchange', () => {
  inspector.close();
  connect();
});

// ---- drawing ----

function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  const wait = Math.max(0, RENDER_AT_MOST_EVERY_MS - (performance.now() - lastRender));
  setTimeout(() => requestAnimationFrame(render), wait);
}

function render() {
  renderQueued = false;
  if (pressing) return; // drawn on release
  lastRender = performance.now();
  ui.width = Math.max(480, main.clientWidth - 48);
  ui.scale = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16;
  // Redrawn whole: keep the focus, and the scroll position, where they were.
  const active = document.activeElement;
  const focused = main.contains(active) ? active.dataset?.focus : null;
  const selection = focused && active.tagName === 'INPUT' ? [active.selectionStart, active.selectionEnd] : null;
  const scrollY = window.scrollY;
  replace(main, renderTree(tree(model), model, ui, actions));
  if (focused) {
    const again = [...main.querySelectorAll('[data-focus]')].find(el => el.dataset.focus === focused);
    if (again) {
      again.focus({preventScroll: true});
      if (selection && selection[0] !== null) {
        try { again.setSelectionRange(...selection); } catch (e) { /* number inputs have no selection */ }
      }
    }
  }
  window.scrollTo({top: scrollY});
  inspector.refresh();
}

// While a task is not yet stopped, its bar grows: move the timeline's "now" along, when the page is seen.
setInterval(() => {
  if (document.visibilityState !== 'visible') return;
  for (const task of model.tasks.values()) {
    if (task.lastStatus !== 'STOPPED') {
      scheduleRender();
      return;
    }
  }
}, TICK_MS);
window.addEventListener('resize', scheduleRender);
document.addEventListener('pointerdown', () => { pressing = true; });
for (const end of ['pointerup', 'pointercancel']) {
  document.addEventListener(end, () => {
    pressing = false;
    // After the click that follows the release.
    setTimeout(scheduleRender, 0);
  });
}

// ---- actions: ECS API calls, as an SDK makes them ----

function say(text, kind = 'info') {
  notice.textContent = text;
  notice.dataset.kind = kind;
}

async function act(description, work) {
  say(description + '…');
  try {
    await work();
    say(description + ': done.', 'done');
  } catch (e) {
    say(description + ' failed: ' + e.message, 'error');
  }
}

const actions = {
  scale(cluster, service, desiredCount) {
    if (!Number.isInteger(desiredCount) || desiredCount < 0) {
      say('The desired count must be a whole number, 0 or more.', 'error');
      return;
    }
    act(`UpdateService ${service} desiredCount ${desiredCount}`,
      () => call('ecs', 'UpdateService', {cluster, service, desiredCount}, model.scope));
  },
  forceNewDeployment(cluster, service) {
    act(`UpdateService ${service} forceNewDeployment`,
      () => call('ecs', 'UpdateService', {cluster, service, forceNewDeployment: true}, model.scope));
  },
  stopTask(cluster, task) {
    act(`StopTask ${task.slice(task.lastIndexOf('/') + 1, task.lastIndexOf('/') + 9)}`,
      () => call('ecs', 'StopTask', {cluster, task, reason: 'Stopped from the ecs-emulator dashboard'}, model.scope));
  },
  sampleApp(cluster, task, action) {
    const what = {unhealthy: 'Make the sample app unhealthy', burn: 'Burn CPU for 30 s', healthy: 'Make it healthy'}[action];
    act(what, () => sampleApp(model.scope, cluster, task, action));
  },
  inspect(taskArn, opener) {
    inspector.openTask(taskArn, opener);
  },
  showTaskDefinition(arn) {
    inspector.openTaskDefinition(arn, document.activeElement);
  },
  openAll(key) {
    ui.open.add(key);
    scheduleRender();
  },
};

// ---- large text and keys ----

function setLarge(on) {
  document.documentElement.classList.toggle('large', on);
  largeText.setAttribute('aria-pressed', String(on));
  try { localStorage.setItem('ecs-emulator.large-text', on ? '1' : '0'); } catch (e) { /* private mode */ }
  scheduleRender();
}

largeText.addEventListener('click', () => setLarge(!document.documentElement.classList.contains('large')));
document.addEventListener('keydown', event => {
  const typing = event.target.closest?.('input, select, textarea');
  if (event.key === 'Escape' && inspector.isOpen()) {
    inspector.close();
  } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === 'l' || event.key === 'L')) {
    setLarge(!document.documentElement.classList.contains('large'));
  }
});

try { setLarge(localStorage.getItem('ecs-emulator.large-text') === '1'); } catch (e) { /* private mode */ }
loadCatalogue().catch(e => say('Explanations could not be loaded: ' + e.message, 'error')).finally(() => {
  scheduleRender();
  connect();
});

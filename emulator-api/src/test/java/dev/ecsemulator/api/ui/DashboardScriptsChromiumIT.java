package dev.ecsemulator.api.ui;

import org.junit.jupiter.api.parallel.Isolated;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's pure helpers (timeline, counts, formats, the model, explanations, rendering), run in a real headless
 * Chromium against the emulator's own files: the modules are imported by the page's own URL, as the page imports
 * them. No Docker needed. Skipped, saying why, when Chromium is not installed.
 */
// Alone: a headless Chromium takes a core of its own, and its page timeouts are a browser's, not ours.
@Isolated
class DashboardScriptsChromiumIT {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();

  static Chromium browser;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void open() throws Exception {
    Assumptions.assumeTrue(Chromium.available(), Chromium.MISSING);
    browser = Chromium.start(1200, 900);
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    browser.driver().get(EMULATOR.emulator().url() + "/_emulator/ui/");
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  /** Runs {@code body} (JavaScript with the modules t, f, m, e, r in scope, returning a value) in the page. */
  static JsonNode run(String body) throws Exception {
    Object result = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "Promise.all(['timeline', 'format', 'model', 'explain', 'render'].map(n => import('./assets/' + n + '.js')))"
        + ".then(async ([t, f, m, e, r]) => done(JSON.stringify(await (async () => {" + body + "})())))"
        + ".catch(err => done(JSON.stringify({error: String(err && err.stack || err)})));");
    JsonNode json = JSON.readTree(String.valueOf(result));
    assertThat(json.path("error").isMissingNode()).as(json.path("error").asText()).isTrue();
    return json;
  }

  @Test
  void aTasksLifeIsCutIntoItsStates() throws Exception {
    JsonNode out = run("""
        const now = 1000;
        return {
          pending: t.segments({createdAt: 900, lastStatus: 'PENDING'}, now),
          running: t.segments({createdAt: 900, startedAt: 910, lastStatus: 'RUNNING'}, now),
          stopping: t.segments({createdAt: 900, startedAt: 910, stoppingAt: 950, lastStatus: 'RUNNING'}, now),
          stopped: t.segments({createdAt: 900, startedAt: 910, stoppingAt: 950, stoppedAt: 960, lastStatus: 'STOPPED'}, now),
          neverRan: t.segments({createdAt: 900, stoppingAt: 905, stoppedAt: 906, lastStatus: 'STOPPED'}, now),
        };""");
    assertThat(out.path("pending").toString()).isEqualTo("[{\"state\":\"PENDING\",\"from\":900,\"to\":1000}]");
    assertThat(out.path("running").toString()).isEqualTo(
        "[{\"state\":\"PENDING\",\"from\":900,\"to\":910},{\"state\":\"RUNNING\",\"from\":910,\"to\":1000}]");
    assertThat(out.path("stopping").toString()).isEqualTo("[{\"state\":\"PENDING\",\"from\":900,\"to\":910},"
        + "{\"state\":\"RUNNING\",\"from\":910,\"to\":950},{\"state\":\"STOPPING\",\"from\":950,\"to\":1000}]");
    assertThat(out.path("stopped").toString()).isEqualTo("[{\"state\":\"PENDING\",\"from\":900,\"to\":910},"
        + "{\"state\":\"RUNNING\",\"from\":910,\"to\":950},{\"state\":\"STOPPING\",\"from\":950,\"to\":960}]");
    assertThat(out.path("neverRan").toString()).isEqualTo(
        "[{\"state\":\"PENDING\",\"from\":900,\"to\":905},{\"state\":\"STOPPING\",\"from\":905,\"to\":906}]");
  }

  @Test
  void countsOverTimeShowWhatARollingUpdateKept() throws Exception {
    // One old task replaced by a new one at max 200 %: two exist for a while, one runs throughout.
    JsonNode out = run("""
        const old = {createdAt: 0, startedAt: 1, stoppingAt: 20, stoppedAt: 22, lastStatus: 'STOPPED'};
        const fresh = {createdAt: 10, startedAt: 15, lastStatus: 'RUNNING'};
        const steps = t.countsOverTime([old, fresh], 30);
        return {steps, maxActive: Math.max(...steps.map(s => s.active)), minRunningAfterStart:
          Math.min(...steps.filter(s => s.t >= 1 && s.t < 30).map(s => s.running)),
          bounds: f.bounds({desiredCount: 3, deploymentConfiguration: {minimumHealthyPercent: 50, maximumPercent: 100}}),
          defaults: f.bounds({desiredCount: 2})};""");
    assertThat(out.path("maxActive").asInt()).isEqualTo(2);
    assertThat(out.path("minRunningAfterStart").asInt()).isEqualTo(1);
    assertThat(out.path("steps").get(out.path("steps").size() - 1).path("active").asInt()).isEqualTo(1);
    assertThat(out.path("bounds").path("min").asInt()).isEqualTo(2);
    assertThat(out.path("bounds").path("max").asInt()).isEqualTo(3);
    assertThat(out.path("defaults").path("min").asInt()).isEqualTo(2);
    assertThat(out.path("defaults").path("max").asInt()).isEqualTo(4);
  }

  @Test
  void valuesAreFormattedForPeople() throws Exception {
    JsonNode out = run("""
        return {rev: f.revision('arn:aws:ecs:us-east-1:000000000000:task-definition/web:12'),
          name: f.familyRevision('arn:aws:ecs:us-east-1:000000000000:task-definition/web:12'),
          id: f.shortId('arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef'),
          d: [f.duration(42), f.duration(185), f.duration(7260)], mib: [f.mebibytes(5.5 * 1048576), f.mebibytes(64 * 1048576)],
          pct: [f.percent(null), f.percent(3.14159), f.percent(99.6)]};""");
    assertThat(out.path("rev").asInt()).isEqualTo(12);
    assertThat(out.path("name").asText()).isEqualTo("web:12");
    assertThat(out.path("id").asText()).isEqualTo("01234567");
    assertThat(out.path("d").toString()).isEqualTo("[\"42 s\",\"3 min 05 s\",\"2 h 01 min\"]");
    assertThat(out.path("mib").toString()).isEqualTo("[\"5.5 MiB\",\"64 MiB\"]");
    assertThat(out.path("pct").toString()).isEqualTo("[\"…\",\"3.1 %\",\"100 %\"]");
  }

  @Test
  void theModelFollowsSnapshotsAndChangesAndGroupsTasksByService() throws Exception {
    JsonNode out = run("""
        const model = new m.Model();
        const c = 'arn:aws:ecs:us-east-1:000000000000:cluster/default';
        model.snapshot({scope: {accountId: '000000000000', region: 'us-east-1'}, at: Date.now() / 1000, scopes: [],
          entries: [
            {kind: 'cluster', key: 'default', value: {clusterArn: c, clusterName: 'default', status: 'ACTIVE'}},
            {kind: 'service', key: 'default/web', value: {clusterArn: c, serviceName: 'web', status: 'ACTIVE',
              deployments: [{id: 'ecs-svc/1', status: 'ACTIVE', createdAt: 1}, {id: 'ecs-svc/2', status: 'PRIMARY', createdAt: 2}]}},
            {kind: 'task', key: 'default/a', value: {clusterArn: c, group: 'service:web', taskArn: 'a', lastStatus: 'RUNNING', createdAt: 5}},
            {kind: 'task', key: 'default/b', value: {clusterArn: c, group: 'family:web', taskArn: 'b', lastStatus: 'RUNNING', createdAt: 6}},
            {kind: 'task', key: 'default/c', value: {clusterArn: c, group: 'service:web', taskArn: 'c', lastStatus: 'PENDING', createdAt: 7}}]});
        model.changes({at: Date.now() / 1000, entries: [{kind: 'task', key: 'default/a'},
          {kind: 'task', key: 'default/c', value: {clusterArn: c, group: 'service:web', taskArn: 'c', lastStatus: 'RUNNING',
            createdAt: 7, cpu: '512', containers: [{runtimeId: 'x', cpu: '0'}, {runtimeId: 'y'}]}}]});
        model.takeStats({at: Date.now() / 1000, containers: {x: {cpuPercent: 30, memoryBytes: 100, memoryLimitBytes: 1000},
          y: {cpuPercent: 12.5, memoryBytes: 50, memoryLimitBytes: 1000}}});
        const tree = m.tree(model);
        return {clusters: tree.length, services: tree[0].services.map(s => s.service.serviceName),
          deployments: tree[0].services[0].deployments.map(d => d.status),
          serviceTasks: tree[0].services[0].tasks.map(x => x.taskArn + ':' + x.lastStatus),
          standalone: tree[0].standalone.map(x => x.taskArn), counts: tree[0].counts,
          usage: m.usageOf(model.tasks.get('default/c'), model.stats)};""");
    assertThat(out.path("clusters").asInt()).isEqualTo(1);
    assertThat(out.path("deployments").toString()).isEqualTo("[\"PRIMARY\",\"ACTIVE\"]");
    assertThat(out.path("serviceTasks").toString()).isEqualTo("[\"c:RUNNING\"]");
    assertThat(out.path("standalone").toString()).isEqualTo("[\"b\"]");
    assertThat(out.path("counts").path("running").asInt()).isEqualTo(2);
    assertThat(out.path("usage").path("cpuPercent").asDouble()).isEqualTo(42.5);
    assertThat(out.path("usage").path("cpuLimit").asDouble()).isEqualTo(0.5);
    assertThat(out.path("usage").path("memoryBytes").asInt()).isEqualTo(150);
    assertThat(out.path("usage").path("memoryLimitBytes").asInt()).isEqualTo(2000);
  }

  @Test
  void everyExplanationCompilesInTheBrowserAndExplains() throws Exception {
    JsonNode out = run("""
        await e.loadCatalogue();
        return {steady: e.explain('EVENT', '(service web) has reached a steady state.'),
          oom: e.explain('CONTAINER_REASON', 'OutOfMemoryError: Container killed due to memory usage'),
          none: e.explain('EVENT', 'something else'), prefixed: e.explain('STOP_CODE', 'xUserInitiated')};""");
    assertThat(out.path("steady").asText()).startsWith("Nothing left to do");
    assertThat(out.path("oom").asText()).contains("OOM killer");
    assertThat(out.path("none").isNull()).isTrue();
    assertThat(out.path("prefixed").isNull()).isTrue();
  }

  @Test
  void whatTheApiSaysIsShownAsTextNeverAsMarkup() throws Exception {
    JsonNode out = run("""
        const evil = '<img src=x onerror="window.pwned=1">';
        const model = new m.Model();
        const c = 'arn:aws:ecs:us-east-1:000000000000:cluster/' + evil;
        model.snapshot({scope: {accountId: '000000000000', region: 'us-east-1'}, at: Date.now() / 1000, scopes: [],
          entries: [
            {kind: 'cluster', key: 'x', value: {clusterArn: c, clusterName: evil, status: 'ACTIVE'}},
            {kind: 'service', key: 'x/web', value: {clusterArn: c, serviceName: evil, status: 'ACTIVE', desiredCount: 1,
              events: [{id: '1', createdAt: 1, message: evil}],
              deployments: [{id: evil, status: 'PRIMARY', taskDefinition: evil, rolloutStateReason: evil, createdAt: 1}]}},
            {kind: 'task', key: 'x/t', value: {clusterArn: c, group: 'service:' + evil, taskArn: 'arn/' + evil,
              taskDefinitionArn: evil, lastStatus: 'STOPPED', stoppedReason: evil, stopCode: evil, createdAt: 1,
              containers: [{name: evil, networkBindings: [{hostPort: evil, bindIP: evil}]}]}}]});
        const ui = {open: new Set(['stopped:tasks:x/web']), inputs: new Map(), width: 800, scale: 1};
        const noop = () => {};
        const host = document.createElement('div');
        host.append(...r.renderTree(m.tree(model), model, ui, {scale: noop, forceNewDeployment: noop, stopTask: noop,
          sampleApp: noop, inspect: noop, showTaskDefinition: noop, openAll: noop}));
        return {images: host.querySelectorAll('img').length, links: host.querySelectorAll('a').length,
          shown: host.textContent.split(evil).length - 1, pwned: window.pwned === 1};""");
    assertThat(out.path("images").asInt()).isZero();
    assertThat(out.path("links").asInt()).as("a port that is not a number is no link").isZero();
    assertThat(out.path("shown").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(out.path("pwned").asBoolean()).isFalse();
  }
}

package dev.ecsemulator.api.ui;

import org.junit.jupiter.api.parallel.Isolated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.TestEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The dashboard in a real headless Chromium, following a rolling update of the sample app on real containers: both
 * deployments and the tasks changing state appear without a reload, and its buttons act through the ECS API (seen
 * through the AWS SDK). Writes a screenshot of the rollout in progress to {@code target/screenshots/} (and to the
 * path in {@code -Decs.dashboard.screenshot}, for docs/dashboard.md).
 * Skipped, saying why, when Chromium is not installed.
 */
// Alone: a headless Chromium takes a core of its own, and its page timeouts are a browser's, not ours.
@Isolated
class DashboardRolloutContainersIT {

  static final Duration LONG = Duration.ofSeconds(120);
  static final String WEB_1 = "ecs-emulator/sample-web:1";
  static final String WEB_2 = "ecs-emulator/sample-web:2";
  static final String STOP_REASON = "Stopped from the ecs-emulator dashboard";

  @RegisterExtension
  static final EmulatorExtension EMULATOR = new EmulatorExtension();
  static final TestEmulator emulator = EMULATOR.emulator();
  static final EcsClient ecs = EMULATOR.client();
  static final ObjectMapper JSON = new ObjectMapper();
  static Chromium browser;

  @BeforeAll
  static void open() throws Exception {
    Assumptions.assumeTrue(Chromium.available(), Chromium.MISSING);
    browser = Chromium.start(1400, 2000);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  static ContainerDefinition web(String image) {
    return ContainerDefinition.builder()
        .name("app").image(image).memory(48).cpu(256)
        .portMappings(PortMapping.builder().containerPort(8080).build())
        .healthCheck(HealthCheck.builder()
            .command("CMD-SHELL", "wget -q -O- http://localhost:8080/health || exit 1")
            .interval(5).timeout(2).retries(1).startPeriod(0).build())
        .build();
  }

  static Service service() {
    return ecs.describeServices(b -> b.services("web")).services().get(0);
  }

  static List<Task> tasks(String desiredStatus) {
    List<String> arns = ecs.listTasks(b -> b.serviceName("web").desiredStatus(desiredStatus)).taskArns();
    return arns.isEmpty() ? List.of() : ecs.describeTasks(b -> b.tasks(arns)).tasks();
  }

  static void awaitStable(int desired) {
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() -> {
      Service s = service();
      return s.deployments().size() == 1 && "COMPLETED".equals(s.deployments().get(0).rolloutStateAsString())
          && s.runningCount() == desired;
    });
  }

  ChromeDriver driver() {
    return browser.driver();
  }

  /** What the page shows of the service: its deployments and its task rows, read from the DOM. */
  JsonNode page() throws Exception {
    Object shown = driver().executeScript("""
        const card = document.querySelector('article.service[data-service="web"]');
        if (!card) return JSON.stringify({deployments: [], tasks: [], events: ''});
        const cells = row => [...row.querySelectorAll('td')].map(td => td.textContent.trim());
        return JSON.stringify({
          deployments: [...card.querySelectorAll('tr.deployment')].map(r => ({status: cells(r)[0],
            taskDefinition: cells(r)[2], running: Number(cells(r)[5]), rollout: cells(r)[7]})),
          tasks: [...card.querySelectorAll('tr.task')].map(r => ({arn: r.dataset.task, revision: cells(r)[1],
            lastStatus: cells(r)[2], health: cells(r)[4], cpu: cells(r)[5], memory: cells(r)[6]})),
          events: card.querySelector('.events') ? card.querySelector('.events').textContent : ''});""");
    return JSON.readTree(String.valueOf(shown));
  }

  /** The first word of a status cell (the rest is its explanation, for screen readers). */
  static String word(JsonNode cell) {
    return cell.asText().split("[\\s(]", 2)[0];
  }

  @Test
  void aRollingUpdateIsSeenLiveAndTheButtonsActThroughTheApi() throws Exception {
    ecs.createCluster(b -> b.clusterName("default"));
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(web(WEB_1)));
    ecs.createService(b -> b.serviceName("web").taskDefinition("web").desiredCount(3)
        .deploymentConfiguration(c -> c.minimumHealthyPercent(50).maximumPercent(100)));
    awaitStable(3);

    driver().get(emulator.url() + "/");
    assertThat(driver().getCurrentUrl()).as("a browser's GET / goes to the dashboard").endsWith("/_emulator/ui/");
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() -> {
      JsonNode page = page();
      return page.path("deployments").size() == 1 && page.path("tasks").size() == 3;
    });
    driver().executeScript("window.sameDocument = 'yes';");

    // The rolling update, followed on the page only.
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(web(WEB_2)));
    ecs.updateService(b -> b.service("web").taskDefinition("web"));
    Map<String, Set<String>> statusesSeen = new HashMap<>();
    int[] shots = {0};
    await().atMost(LONG).pollInterval(Duration.ofMillis(150)).until(() -> {
      JsonNode page = page();
      for (JsonNode task : page.path("tasks")) {
        statusesSeen.computeIfAbsent(task.path("arn").asText(), k -> new TreeSet<>()).add(word(task.path("lastStatus")));
      }
      JsonNode deployments = page.path("deployments");
      if (deployments.size() == 2) {
        assertThat(word(deployments.get(0).path("status"))).isEqualTo("PRIMARY");
        assertThat(deployments.get(0).path("taskDefinition").asText()).isEqualTo("web:2");
        assertThat(word(deployments.get(1).path("status"))).isEqualTo("ACTIVE");
        assertThat(deployments.get(1).path("taskDefinition").asText()).isEqualTo("web:1");
        int fresh = deployments.get(0).path("running").asInt();
        int old = deployments.get(1).path("running").asInt();
        // Both deployments running tasks; again further on, when the new one has more (the docs' picture).
        if ((old >= 1 && fresh >= 1 && shots[0] == 0 || old >= 1 && fresh >= 2 && shots[0] == 1) && screenshot()) {
          shots[0]++;
        }
      }
      return shots[0] > 0 && deployments.size() == 1 && page.path("events").asText().contains("deployment completed")
          && countRunning(page, "web:2") == 3;
    });
    assertThat(statusesSeen.values()).as("a task seen starting, then running").anySatisfy(seen ->
        assertThat(seen).contains("RUNNING").containsAnyOf("PENDING", "PROVISIONING"));
    assertThat(statusesSeen.values()).as("a task seen running, then stopped").anySatisfy(seen ->
        assertThat(seen).contains("RUNNING", "STOPPED"));
    assertThat(driver().executeScript("return window.sameDocument;")).as("no reload").isEqualTo("yes");

    // CPU and memory of the running tasks, from Docker's stats.
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(page().path("tasks")).filteredOn(t -> word(t.path("lastStatus")).equals("RUNNING"))
            .allSatisfy(t -> {
              assertThat(t.path("cpu").asText()).matches("[0-9.]+ % of 0.25 vCPU");
              assertThat(t.path("memory").asText()).matches("[0-9.]+ MiB / 48 MiB");
            }));

    scaleFromThePage();
    stopATaskFromThePage();
    makeATaskUnhealthyFromThePage();
    inspectATask();
    largeTextByKey();
  }

  static long countRunning(JsonNode page, String revision) {
    long n = 0;
    for (JsonNode task : page.path("tasks")) {
      if (task.path("revision").asText().equals(revision) && word(task.path("lastStatus")).equals("RUNNING")) {
        n++;
      }
    }
    return n;
  }

  /** The service's card as the page shows it now; false when it was redrawn meanwhile (try again). */
  private boolean screenshot() throws Exception {
    byte[] png;
    try {
      png = card().getScreenshotAs(OutputType.BYTES);
    } catch (StaleElementReferenceException redrawn) {
      return false;
    }
    Path target = Path.of("target", "screenshots", "dashboard-rollout.png");
    Files.createDirectories(target.getParent());
    Files.write(target, png);
    String readme = System.getProperty("ecs.dashboard.screenshot");
    if (readme != null && !readme.isBlank()) {
      Files.write(Path.of(readme), png);
    }
    return true;
  }

  private WebElement card() {
    return driver().findElement(By.cssSelector("article.service[data-service='web']"));
  }

  /**
   * Does {@code action} on the page, again if the page was redrawn under it (it is, as the feed brings changes): a
   * stale element fails before anything is sent, so a retry never acts twice.
   */
  private static void onThePage(ThrowingRunnable action) {
    await().atMost(LONG).ignoreException(StaleElementReferenceException.class).untilAsserted(action::run);
  }

  /** A running task's row, not one being stopped. */
  private WebElement runningRow() {
    return card().findElement(By.xpath(".//tr[contains(@class,'status-running')][td[4][normalize-space()='RUNNING']]"));
  }

  private void scaleFromThePage() throws Exception {
    onThePage(() -> {
      WebElement input = card().findElement(By.cssSelector("input[type=number]"));
      input.clear();
      input.sendKeys("4");
      card().findElement(By.xpath(".//button[normalize-space()='Scale']")).click();
    });
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() -> service().desiredCount() == 4);
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() -> countRunning(page(), "web:2") == 4);
  }

  /** Clicks the button named {@code button} of a running task; its ARN. */
  private String clickOnARunningTask(String button) {
    String[] arn = {null};
    onThePage(() -> {
      WebElement row = runningRow();
      arn[0] = row.getAttribute("data-task");
      row.findElement(By.xpath(".//button[normalize-space()='" + button + "']")).click();
    });
    return arn[0];
  }

  private void stopATaskFromThePage() {
    String arn = clickOnARunningTask("Stop");
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      Task stopped = ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
      assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
      assertThat(stopped.stopCodeAsString()).isEqualTo("UserInitiated");
      assertThat(stopped.stoppedReason()).isEqualTo(STOP_REASON);
    });
  }

  private void makeATaskUnhealthyFromThePage() {
    String arn = clickOnARunningTask("Make unhealthy");
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      Task sick = ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
      assertThat(sick.stoppedReason()).isEqualTo("Task failed container health checks");
    });
    // The page explains why it stopped.
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).until(() ->
        String.valueOf(driver().executeScript("return document.body.textContent")).contains("health checks"));
  }

  private void inspectATask() {
    onThePage(() -> runningRow().findElement(By.cssSelector("button.link")).click());
    WebElement inspector = driver().findElement(By.id("inspector"));
    await().atMost(LONG).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
      String text = inspector.getText();
      assertThat(text).contains("Health check: healthy").contains("exit 0");
      assertThat(text).contains("\"image\": \"" + WEB_2 + "\"").contains("\"cpu\": 256");
      assertThat(text).containsAnyOf("No awslogs log configuration", "No logs shipped");
    });
    driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
    await().atMost(LONG).until(() -> !inspector.isDisplayed());
  }

  private void largeTextByKey() {
    driver().findElement(By.id("main")).sendKeys("l");
    await().atMost(LONG).until(() -> Boolean.TRUE.equals(driver().executeScript(
        "return document.documentElement.classList.contains('large')")));
    assertThat(driver().findElement(By.id("large-text")).getAttribute("aria-pressed")).isEqualTo("true");
  }
}

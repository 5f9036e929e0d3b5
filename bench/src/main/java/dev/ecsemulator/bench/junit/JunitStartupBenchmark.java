package dev.ecsemulator.bench.junit;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.process.JavaCommand;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.Section;
import dev.ecsemulator.bench.stats.Summary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The JUnit extension's start-up (issue 17's goal: under 1 s to the first test): a fresh JVM runs a test class with
 * {@code @EcsEmulatorTest} through the JUnit Platform launcher, as Surefire or an IDE does. Measured: from the class's
 * first callback to its first test body (the emulator started in the JVM, an {@code EcsClient} built and injected),
 * to the first answer of that client, and from launching the JVM to the first test. The baseline, interleaved in the
 * same run, is the same class without the extension: what the JVM and JUnit alone cost.
 */
public final class JunitStartupBenchmark implements Benchmark {

  public static final double GOAL_MILLIS = 1000;

  @Override
  public String id() {
    return "junit";
  }

  /** One JVM: wall time to its first test, and the figures it printed. */
  record Run(double launchToFirstTestMillis, double extensionMillis, double firstAnswerMillis, double cpuMillis) {}

  @Override
  public Section run(BenchContext ctx) throws Exception {
    int runs = ctx.options().startupRuns();
    if (!ctx.options().smoke()) {
      ctx.log("junit: one discarded run first (extracts the runtime jar, fills the page cache)");
      probe("with");
    }
    List<Run> with = new ArrayList<>();
    List<Run> plain = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Run w = probe("with");
      Run p = probe("plain");
      ctx.log(String.format("junit: with the extension: first test after %s ms (extension %s ms, first answer %s ms,"
              + " CPU %s ms); without: %s ms (CPU %s ms)", Fmt.ms(w.launchToFirstTestMillis()),
          Fmt.ms(w.extensionMillis()), Fmt.ms(w.firstAnswerMillis()), Fmt.ms(w.cpuMillis()),
          Fmt.ms(p.launchToFirstTestMillis()), Fmt.ms(p.cpuMillis())));
      with.add(w);
      plain.add(p);
    }
    Summary extension = summary(with, Run::extensionMillis);
    Summary firstAnswer = summary(with, Run::firstAnswerMillis);
    Summary jvmWith = summary(with, Run::launchToFirstTestMillis);
    Summary jvmPlain = summary(plain, Run::launchToFirstTestMillis);
    Summary cpuWith = summary(with, Run::cpuMillis);
    Summary cpuPlain = summary(plain, Run::cpuMillis);
    Section.Builder section = Section.builder("JUnit extension start-up");
    section.paragraph("A fresh JVM (`java -cp bench.jar " + JunitProbe.class.getName() + "`) runs one test class "
        + "through the JUnit Platform launcher, as Surefire or an IDE does; the class has `@EcsEmulatorTest(scope = "
        + "CLASS)` and one test taking an `EcsClient` parameter, or (the baseline) no extension. " + runs
        + " run(s) of each, interleaved; median with min–max in brackets. The extension's figure runs from the class's "
        + "first callback to its first test body: the emulator runtime loaded and started in the JVM, the client "
        + "built and injected. The extension begins that work when the launcher starts discovering a selected "
        + "`@EcsEmulatorTest` class (its `EarlyStart` listener), so part of it runs before the class starts: the "
        + "JVM launch row and the CPU row include all of it.");
    section.table(List.of("Figure", "With the extension, ms", "Without (baseline), ms"), List.of(
        List.of("Class start → first test body", Fmt.spread(extension, Fmt::ms), "—"),
        List.of("Class start → first answer of the injected EcsClient", Fmt.spread(firstAnswer, Fmt::ms), "—"),
        List.of("JVM launch → first test body", Fmt.spread(jvmWith, Fmt::ms), Fmt.spread(jvmPlain, Fmt::ms)),
        List.of("CPU time of the JVM (all threads) at the first test body", Fmt.spread(cpuWith, Fmt::ms),
            Fmt.spread(cpuPlain, Fmt::ms))));
    section.paragraph("CPU time is the figure other load disturbs least: on 2 idle cores the wall time to the first "
        + "test is at least half the CPU time the extension adds (" + Fmt.ms(cpuWith.median() - cpuPlain.median())
        + " ms, medians) when its threads overlap perfectly, and at most all of it.");
    section.headline(new Headline("JUnit extension: class start → first test (emulator started, EcsClient injected)",
        Fmt.ms(extension.median()) + " ms", "—", "—", "< 1,000 ms",
        Headline.Verdict.of(extension.median() < GOAL_MILLIS)));
    section.headline(new Headline("JUnit extension: JVM launch → first test",
        Fmt.ms(jvmWith.median()) + " ms", "same class without it " + Fmt.ms(jvmPlain.median()) + " ms",
        Fmt.ratio(jvmWith.median() / jvmPlain.median()), "reported", Headline.Verdict.NO_GOAL));
    return section.build();
  }

  private static Run probe(String mode) throws IOException, InterruptedException {
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(JavaCommand.java().toString(), "-cp", JavaCommand.ownClasspath(),
        JunitProbe.class.getName(), mode).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    double firstTest = Double.NaN;
    Map<String, Double> figures = new HashMap<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("FIRST_TEST")) {
          firstTest = (System.nanoTime() - launched) / 1e6;
        } else if (line.matches("[A-Z_]+_MS [0-9.]+")) {
          String[] parts = line.split(" ");
          figures.put(parts[0], Double.parseDouble(parts[1]));
        }
      }
    } finally {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
    }
    if (process.exitValue() != 0 || Double.isNaN(firstTest)) {
      throw new IllegalStateException("the JUnit probe (" + mode + ") failed with exit code " + process.exitValue());
    }
    return new Run(firstTest, figures.getOrDefault("EXTENSION_MS", Double.NaN),
        figures.getOrDefault("FIRST_ANSWER_MS", Double.NaN), figures.getOrDefault("CPU_MS", Double.NaN));
  }

  private static Summary summary(List<Run> runs, ToDoubleFunction<Run> figure) {
    return Summary.of(runs.stream().map(figure::applyAsDouble).toList());
  }
}

package dev.ecsemulator.bench.elb;

import dev.ecsemulator.bench.BenchContext;
import dev.ecsemulator.bench.Benchmark;
import dev.ecsemulator.bench.load.LoadResult;
import dev.ecsemulator.bench.load.LoadSpec;
import dev.ecsemulator.bench.process.EmulatorLauncher;
import dev.ecsemulator.bench.process.EmulatorProcess;
import dev.ecsemulator.bench.report.Fmt;
import dev.ecsemulator.bench.report.Headline;
import dev.ecsemulator.bench.report.Section;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ELBv2 data plane's cost: GETs to a target called directly (the baseline) and through a listener of the emulator
 * (Jetty's reverse proxy, rules, round-robin, in-flight counting), interleaved in the same run at each concurrency.
 * Reports latency p50 and p99 and throughput of both, and what the proxy adds.
 */
public final class ElbBenchmark implements Benchmark {

  @Override
  public String id() {
    return "elb";
  }

  /** One concurrency's best-of-repeats pair: the median run of each by throughput. */
  record Pair(int connections, LoadResult direct, LoadResult proxied) {
    double addedP50Ms() {
      return proxied.p50Millis() - direct.p50Millis();
    }

    double addedP99Ms() {
      return proxied.p99Millis() - direct.p99Millis();
    }

    double throughputRatio() {
      return proxied.throughput() / direct.throughput();
    }
  }

  @Override
  public Section run(BenchContext ctx) throws Exception {
    EmulatorLauncher launcher = ctx.taskLauncher();
    ctx.log("elb: starting the emulator: " + launcher.commandLine());
    List<Pair> pairs = new ArrayList<>();
    int listenerPort = freePort();
    try (BenchTarget target = new BenchTarget(); EmulatorProcess emulator = launcher.start()) {
      new ElbSetup(emulator.endpoint()).behindListener(listenerPort, target.port());
      String host = "127.0.0.1";
      Duration warmUp = ctx.options().warmUp();
      Duration duration = ctx.options().duration();
      if (!ctx.options().jitWarmUp().isZero()) {
        ctx.log("elb: warming up the proxy for " + ctx.options().jitWarmUp().toSeconds() + " s");
        ctx.loadRun().run(LoadSpec.get(host, listenerPort, "/", 16, Duration.ZERO, ctx.options().jitWarmUp()));
      }
      for (int connections : ctx.options().connections()) {
        List<LoadResult> direct = new ArrayList<>();
        List<LoadResult> proxied = new ArrayList<>();
        for (int r = 0; r < ctx.options().repeats(); r++) {
          direct.add(ctx.loadRun().run(LoadSpec.get(host, target.port(), "/", connections, warmUp, duration)));
          proxied.add(ctx.loadRun().run(LoadSpec.get(host, listenerPort, "/", connections, warmUp, duration),
              emulator));
        }
        Pair pair = new Pair(connections, median(direct), median(proxied));
        pairs.add(pair);
        ctx.log(String.format("elb: %d connection(s): direct p50 %.3f ms %s/s; via listener p50 %.3f ms %s/s",
            connections, pair.direct().p50Millis(), Fmt.rate(pair.direct().throughput()),
            pair.proxied().p50Millis(), Fmt.rate(pair.proxied().throughput())));
      }
    }
    return section(ctx, pairs);
  }

  private static LoadResult median(List<LoadResult> runs) {
    List<LoadResult> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(LoadResult::throughput));
    return sorted.get(sorted.size() / 2);
  }

  private static Section section(BenchContext ctx, List<Pair> pairs) {
    Section.Builder section = Section.builder("ELBv2 data plane: a listener's overhead");
    section.paragraph("GET / of a small JSON answer (" + BenchTarget.BODY.length + " bytes) from a Jetty server in "
        + "the harness's JVM, called directly and through an ELBv2 listener of the emulator (Jetty's "
        + "reverse proxy on its own port, one healthy target), interleaved in the same run; closed-loop keep-alive "
        + "connections from a separate load generator JVM. Each cell is the median of " + ctx.options().repeats()
        + " run(s) of " + ctx.options().duration().toSeconds() + " s by throughput. Errors count non-2xx answers.");
    List<List<String>> rows = new ArrayList<>();
    for (Pair p : pairs) {
      rows.add(List.of(String.valueOf(p.connections()),
          Fmt.ms(p.direct().p50Millis()) + " / " + Fmt.ms(p.direct().p99Millis()),
          Fmt.ms(p.proxied().p50Millis()) + " / " + Fmt.ms(p.proxied().p99Millis()),
          signed(p.addedP50Ms()) + " / " + signed(p.addedP99Ms()),
          Fmt.rate(p.direct().throughput()), Fmt.rate(p.proxied().throughput()),
          Fmt.percent(p.throughputRatio()),
          p.direct().errors() + " / " + p.proxied().errors(),
          p.proxied().serverCpuMicrosPerRequest() < 0 ? "n/a"
              : String.format("%.0f µs", p.proxied().serverCpuMicrosPerRequest())));
    }
    section.table(List.of("Conns", "Direct p50 / p99 ms", "Via listener p50 / p99 ms", "Added p50 / p99 ms",
        "Direct req/s", "Via listener req/s", "Throughput kept", "Errors direct / via", "Emulator CPU per request"),
        rows);
    for (Pair p : pairs) {
      section.headline(new Headline("ELB listener p50 added at " + p.connections() + " connection(s)",
          signed(p.addedP50Ms()) + " ms", Fmt.ms(p.direct().p50Millis()) + " ms direct",
          Fmt.percent(p.throughputRatio()) + " of direct throughput", "reported", Headline.Verdict.NO_GOAL));
    }
    return section.build();
  }

  /** Milliseconds with their sign: the proxy can come out a hair faster at a percentile. */
  private static String signed(double millis) {
    return (millis < 0 ? "−" : "+") + Fmt.ms(Math.abs(millis));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

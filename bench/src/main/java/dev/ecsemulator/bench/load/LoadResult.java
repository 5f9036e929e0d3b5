package dev.ecsemulator.bench.load;

/**
 * The outcome of one load run (measured window only). Latencies are per request, from writing the request to
 * reading the last byte of the answer, in microseconds. Closed loop: each connection sends its next request when
 * the previous one is answered, so these are service times at that concurrency (as wrk reports without -R).
 *
 * @param requests successful (2xx) requests started in the measured window
 * @param errors non-2xx answers and failed exchanges in that window
 * @param connects TCP connections opened over the whole run (warm-up included): equal to {@code connections}
 *     when the server keeps connections alive, about one per request when it closes them
 * @param firstError the first error's status and body, or null
 * @param exchanges every answered request of the run, warm-up included
 * @param serverCpuMicrosPerRequest the server's CPU time (user + system, all threads) in the measured window
 *     divided by the requests of that window; filled in by {@link LoadRun}, which knows the server's process; -1
 *     when unknown
 */
public record LoadResult(int connections, long requests, long errors, double seconds, double throughput,
    double p50Micros, double p90Micros, double p99Micros, double maxMicros, double meanMicros, long connects,
    String firstError, long exchanges, double serverCpuMicrosPerRequest) {

  public LoadResult withServerCpu(double cpuSeconds) {
    return new LoadResult(connections, requests, errors, seconds, throughput, p50Micros, p90Micros, p99Micros,
        maxMicros, meanMicros, connects, firstError, exchanges,
        requests + errors == 0 ? -1 : cpuSeconds * 1e6 / (requests + errors));
  }

  public double p50Millis() {
    return p50Micros / 1000.0;
  }

  public double p99Millis() {
    return p99Micros / 1000.0;
  }
}

package dev.ecsemulator.api.ui;

/**
 * What the dashboard shows of a running container's resource use.
 *
 * @param cpuPercent CPU in percent of one CPU since the previous reading; null on the first one
 * @param memoryBytes memory in use (without inactive page cache)
 * @param memoryLimitBytes the memory limit Docker enforces
 * @param hostCpus the host's CPUs (100 % each)
 */
record ContainerUsage(Double cpuPercent, long memoryBytes, long memoryLimitBytes, int hostCpus) {}

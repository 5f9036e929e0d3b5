package dev.ecsemulator.core.taskdef;

import java.util.Locale;

/**
 * Names of Linux capabilities as task definitions write them. The model lists them without a prefix
 * ({@code SYS_PTRACE}), the Developer Guide also writes {@code CAP_SYS_PTRACE}, and Docker accepts either, in
 * any case. Pure.
 */
public final class LinuxCapabilities {

  private LinuxCapabilities() {}

  /** {@code cap_sys_admin}, {@code CAP_SYS_ADMIN} and {@code SYS_ADMIN} are all {@code SYS_ADMIN}. */
  public static String normalize(String capability) {
    String upper = capability.trim().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }

  /** The one capability Fargate lets a task add (model KernelCapabilities.add). */
  public static boolean isSysPtrace(String capability) {
    return normalize(capability).equals("SYS_PTRACE");
  }
}

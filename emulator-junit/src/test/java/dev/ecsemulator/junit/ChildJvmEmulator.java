package dev.ecsemulator.junit;

import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The main of a test JVM that {@link CleanupDockerIT} interrupts: starts an emulator as the extension does, runs a
 * task, prints {@code READY <instance ID>} and waits to be stopped.
 */
public final class ChildJvmEmulator {

  private ChildJvmEmulator() {
  }

  public static void main(String[] args) throws InterruptedException {
    RunningEmulator running = RunningEmulator.start(List.of());
    EcsEmulator emulator = new EcsEmulator(running, "us-east-1", "000000000000");
    try (EcsClient ecs = emulator.client(EcsClient.class)) {
      SampleTasks.runWeb(ecs);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1); // the emulator's threads would keep the JVM alive, and the test waiting
    }
    System.out.println("READY " + running.instanceId());
    System.out.flush();
    Thread.currentThread().join();
  }
}

package dev.ecsemulator.junit;

import java.util.List;

/**
 * What a test class asked for, from {@link EcsEmulatorTest} or {@link EcsEmulatorExtension.Builder}.
 *
 * @param options the emulator's extra command-line options: emulators shared per JVM are shared by equal options
 */
record EmulatorSettings(EmulatorScope scope, Reset reset, String region, String accountId, List<String> options) {

  static final EmulatorSettings DEFAULTS =
      new EmulatorSettings(EmulatorScope.JVM, Reset.AFTER_EACH_TEST, "us-east-1", "000000000000", List.of());

  EmulatorSettings {
    options = List.copyOf(options);
    if (!accountId.matches("\\d{12}")) {
      throw new IllegalArgumentException("accountId must be 12 digits, got '" + accountId + "'");
    }
    if (region.isBlank()) {
      throw new IllegalArgumentException("region must not be blank");
    }
  }

  static EmulatorSettings of(EcsEmulatorTest annotation) {
    return new EmulatorSettings(annotation.scope(), annotation.reset(), annotation.region(), annotation.accountId(),
        List.of(annotation.options()));
  }
}

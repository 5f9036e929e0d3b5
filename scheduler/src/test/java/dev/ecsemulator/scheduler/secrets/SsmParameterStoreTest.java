package dev.ecsemulator.scheduler.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsemulator.core.Scope;
import dev.ecsemulator.core.ssm.ParameterCommands;
import dev.ecsemulator.core.ssm.ParameterQueries;
import dev.ecsemulator.core.ssm.SsmKinds;
import dev.ecsemulator.core.ssm.model.PutParameterRequest;
import dev.ecsemulator.core.state.InMemoryStateStore;
import dev.ecsemulator.core.state.KindRegistry;
import dev.ecsemulator.core.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The emulator's Parameter Store as task secrets read it: names, ARNs, selectors, SecureStrings decrypted. */
class SsmParameterStoreTest {

  static final Scope SCOPE = new Scope("123456789012", "us-east-1");

  final StateStore store = new InMemoryStateStore(KindRegistry.of(SsmKinds.all()));
  final ParameterCommands commands = new ParameterCommands(store,
      Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC), new Random(5));
  final ParameterStore parameters = new SsmParameterStore(new ParameterQueries(store));

  void put(String name, String type, String value, boolean overwrite) {
    commands.put(SCOPE, PutParameterRequest.builder().name(name).type(type).value(value).overwrite(overwrite)
        .build());
  }

  @Test
  void namesArnsAndSelectorsAreReadAsGetParametersReadsThemWithSecureStringsDecrypted() {
    put("/web/api-key", "SecureString", "key-one", false);
    put("/web/api-key", "SecureString", "key-two", true);
    put("/web/mode", "String", "production", false);
    put("plain", "StringList", "a,b", false);
    String arn = "arn:aws:ssm:us-east-1:123456789012:parameter/web/mode";

    ParameterStore.Lookup lookup = parameters.getParameters(SCOPE,
        List.of("/web/api-key", "/web/api-key:1", arn, "plain", "/web/missing", "/web/api-key:9"));

    assertThat(lookup.values()).isEqualTo(Map.of("/web/api-key", "key-two", "/web/api-key:1", "key-one",
        arn, "production", "plain", "a,b"));
    assertThat(lookup.invalid()).containsExactly("/web/missing", "/web/api-key:9");
    assertThat(lookup.toString()).doesNotContain("key-one", "key-two", "production");
  }

  @Test
  void anotherRegionsParameterIsNotFoundHere() {
    put("/web/mode", "String", "production", false);

    assertThat(parameters.getParameters(new Scope(SCOPE.accountId(), "eu-west-1"), List.of("/web/mode")).invalid())
        .containsExactly("/web/mode");
  }
}

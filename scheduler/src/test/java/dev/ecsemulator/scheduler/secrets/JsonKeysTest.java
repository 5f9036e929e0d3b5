package dev.ecsemulator.scheduler.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A JSON key of a secret, printed as the agent's Go code prints it ({@code fmt.Sprintf("%v", v)}). */
class JsonKeysTest {

  @Test
  void stringsAreThemselvesAndAMissingKeyIsEmpty() {
    String json = "{\"username\":\"admin\",\"password\":\"s3cr3t:with:colons\"}";

    assertThat(JsonKeys.value(json, "password")).contains("s3cr3t:with:colons");
    assertThat(JsonKeys.value(json, "host")).isEmpty();
    assertThat(JsonKeys.value("null", "host")).as("Go reads null as a map without keys").isEmpty();
  }

  @Test
  void otherValuesArePrintedAsGoPrintsThem() {
    String json = "{\"port\":5432,\"ratio\":3.5,\"big\":1000000,\"long\":1234567,\"small\":0.0001,\"tiny\":0.00001,"
        + "\"on\":true,\"none\":null,\"list\":[1,\"a\"],\"map\":{\"b\":2,\"a\":\"x\"},\"neg\":-12.25}";

    assertThat(JsonKeys.value(json, "port")).contains("5432");
    assertThat(JsonKeys.value(json, "ratio")).contains("3.5");
    assertThat(JsonKeys.value(json, "big")).contains("1e+06");
    assertThat(JsonKeys.value(json, "long")).contains("1.234567e+06");
    assertThat(JsonKeys.value(json, "small")).contains("0.0001");
    assertThat(JsonKeys.value(json, "tiny")).contains("1e-05");
    assertThat(JsonKeys.value(json, "on")).contains("true");
    assertThat(JsonKeys.value(json, "none")).contains("<nil>");
    assertThat(JsonKeys.value(json, "list")).contains("[1 a]");
    assertThat(JsonKeys.value(json, "map")).contains("map[a:x b:2]");
    assertThat(JsonKeys.value(json, "neg")).contains("-12.25");
  }

  @Test
  void goFloatsUseTheShortestDigitsAndAnExponentOutsideMinus4To5() {
    assertThat(JsonKeys.goFloat(0)).isEqualTo("0");
    assertThat(JsonKeys.goFloat(100)).isEqualTo("100");
    assertThat(JsonKeys.goFloat(123456)).isEqualTo("123456");
    assertThat(JsonKeys.goFloat(1e21)).isEqualTo("1e+21");
    assertThat(JsonKeys.goFloat(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(JsonKeys.goFloat(0.1)).isEqualTo("0.1");
  }

  @Test
  void aValueThatIsNoJsonObjectIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> JsonKeys.value("hunter2", "password"))
        .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("hunter2");
    assertThatThrownBy(() -> JsonKeys.value("[\"hunter2\"]", "password"))
        .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("hunter2");
  }
}

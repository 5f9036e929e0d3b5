package dev.ecsemulator.core.logs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsemulator.core.logs.error.InvalidParameterException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The filter pattern matcher, table-driven: pattern, message, whether it matches. Examples from AWS's syntax page. */
class FilterPatternTest {

  static final String TRAIL = """
      {"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111", "arrayKey": ["value", "another value"],
       "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}], "SomeObject": null, "ThisFlag": true}""";
  static final String USERS = """
      {"user": {"id": 1, "email": "John.Stiles@example.com"},
       "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
       "actions": ["GET", "PUT", "DELETE"], "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]}""";
  static final String REQUEST = "{\"level\": \"error\", \"latency\": 250, \"status\": \"404\", \"ok\": false}";

  static Stream<Arguments> cases() {
    return Stream.of(
        // empty: everything
        Arguments.of("", "anything", true),
        Arguments.of("   ", "anything", true),
        // terms: substring, case-sensitive, all of them
        Arguments.of("ERROR", "[ERROR] A fatal exception has occurred", true),
        Arguments.of("ERROR", "Exiting with ERRORCODE: -1", true),
        Arguments.of("ERROR", "error: lower case", false),
        Arguments.of("ERROR Exception", "[ERROR] Caught IllegalArgumentException", true),
        Arguments.of("ERROR Exception", "[ERROR] all good", false),
        Arguments.of("Failed to process the request", "[WARN] Failed to process the request", true),
        Arguments.of("Failed to process the request", "the request to process Failed", true),
        // quoted phrases: the exact text
        Arguments.of("\"Failed to process\"", "[WARN] Failed to process the request", true),
        Arguments.of("\"Failed to process\"", "process Failed to", false),
        Arguments.of("\"10.0.0.1\"", "client 10.0.0.1 connected", true),
        Arguments.of("\"say \\\"hi\\\"\"", "they say \"hi\" often", true),
        // ? alternatives, - exclusions
        Arguments.of("?ERROR ?WARN", "ERROR WARN message", true),
        Arguments.of("?ERROR ?WARN", "WARN message", true),
        Arguments.of("?ERROR ?WARN", "INFO message", false),
        Arguments.of("ERROR -WARN", "ERROR message", true),
        Arguments.of("ERROR -WARN", "ERROR WARN message", false),
        Arguments.of("\"ERROR\" - \"Exiting\"", "Exiting with ERRORCODE: -1", false),
        Arguments.of("-DEBUG", "INFO started", true),
        Arguments.of("-DEBUG", "DEBUG details", false),
        Arguments.of("?\"connection reset\" ?timeout", "read timeout after 5s", true),
        // JSON selectors
        Arguments.of("{ $.eventType = \"UpdateTrail\" }", TRAIL, true),
        Arguments.of("{ $.eventType = \"CreateTrail\" }", TRAIL, false),
        Arguments.of("{$.eventType=UpdateTrail}", TRAIL, true),
        Arguments.of("{ $.sourceIPAddress != 123.123.* }", TRAIL, true),
        Arguments.of("{ $.sourceIPAddress = 111.111.* }", TRAIL, true),
        Arguments.of("{ $.eventType = *Trail }", TRAIL, true),
        Arguments.of("{ $.eventType = Update* }", TRAIL, true),
        Arguments.of("{ $.eventType = Up*Trail }", TRAIL, false),
        Arguments.of("{ $.arrayKey[0] = \"value\" }", TRAIL, true),
        Arguments.of("{ $.arrayKey[1] = \"value\" }", TRAIL, false),
        Arguments.of("{ $.objectList[1].id = 2 }", TRAIL, true),
        Arguments.of("{ $.objectList[0].id = 2 }", TRAIL, false),
        Arguments.of("{ $.SomeObject IS NULL }", TRAIL, true),
        Arguments.of("{ $.eventType IS NULL }", TRAIL, false),
        Arguments.of("{ $.SomeOtherObject NOT EXISTS }", TRAIL, true),
        Arguments.of("{ $.eventType NOT EXISTS }", TRAIL, false),
        Arguments.of("{ $.ThisFlag IS TRUE }", TRAIL, true),
        Arguments.of("{ $.ThisFlag IS FALSE }", TRAIL, false),
        Arguments.of("{ $.objectList = 1 }", TRAIL, false),
        Arguments.of("{ $.objectList != 1 }", TRAIL, false),
        Arguments.of("{ $.missing != 1 }", TRAIL, false),
        Arguments.of("{ $.level = \"error\" }", REQUEST, true),
        Arguments.of("{ $.level = \"warn\" }", REQUEST, false),
        Arguments.of("{ $.latency > 100 }", REQUEST, true),
        Arguments.of("{ $.latency > 250 }", REQUEST, false),
        Arguments.of("{ $.latency >= 250 }", REQUEST, true),
        Arguments.of("{ $.latency <= 2.5e2 }", REQUEST, true),
        Arguments.of("{ $.latency < +1000 }", REQUEST, true),
        Arguments.of("{ $.latency = 250 }", REQUEST, true),
        Arguments.of("{ $.latency != 250 }", REQUEST, false),
        Arguments.of("{ $.status = 404 }", REQUEST, true),
        Arguments.of("{ $.status > 400 }", REQUEST, true),
        Arguments.of("{ $.level > 1 }", REQUEST, false),
        Arguments.of("{ $.ok IS FALSE }", REQUEST, true),
        Arguments.of("{ $.level = %err.r% }", REQUEST, true),
        Arguments.of("{ $.level = \"error\" && $.latency > 100 }", REQUEST, true),
        Arguments.of("{ $.level = \"error\" && $.latency > 1000 }", REQUEST, false),
        Arguments.of("{ $.level = \"warn\" || $.latency > 100 }", REQUEST, true),
        Arguments.of("{ $.level = \"warn\" || $.latency > 1000 }", REQUEST, false),
        Arguments.of("{ $.level EXISTS }", REQUEST, true),
        // AWS's compound examples: && binds tighter than ||
        Arguments.of("{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }", USERS, true),
        Arguments.of("{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }", USERS, false),
        Arguments.of("{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch"
            + " && $.actions[2] = nomatch }", USERS, true),
        Arguments.of("{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch)"
            + " && $.actions[2] = nomatch }", USERS, false),
        Arguments.of("{ $.coordinates[1][2] = 6 }", USERS, true),
        // a JSON pattern never matches an event that is not JSON
        Arguments.of("{ $.level = \"error\" }", "level=error", false),
        Arguments.of("{ $.level NOT EXISTS }", "not json at all", false),
        // regular expressions
        Arguments.of("%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true),
        Arguments.of("%^\\[ERROR%", "[ERROR 401] UNAUTHORIZED REQUEST", true),
        Arguments.of("%^\\[ERROR%", "[SUCCESS 200] AUTHORIZED REQUEST", false),
        Arguments.of("%colou?r%", "the color red", true));
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @MethodSource("cases")
  void matches(String pattern, String message, boolean expected) {
    assertThat(FilterPattern.parse(pattern).matches(message)).isEqualTo(expected);
  }

  /**
   * A regular expression that a backtracking engine takes for ever over (twenty {@code a*} before a {@code #} that
   * never comes: every way of sharing 30,000 a's among them is tried) is matched as any other. The timeout only stops a
   * regression from hanging the build.
   */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRegularExpressionIsMatchedWithoutBacktrackingForEver() {
    FilterPattern pattern = FilterPattern.parse("%" + "a*".repeat(20) + "#%");

    assertThat(pattern.matches("a".repeat(30_000))).isFalse();
    assertThat(pattern.matches("a".repeat(30_000) + "#")).isTrue();
    assertThat(FilterPattern.parse("{ $.a = %" + "a*".repeat(20) + "#% }").matches(
        "{\"a\":\"" + "a".repeat(30_000) + "\"}")).isFalse();
  }

  /** A number beyond a double's range is compared as the number it is, not as infinity (nor failing). */
  @Test
  void aNumberBeyondADoublesRangeIsComparedAsItIs() {
    String event = "{\"latency\":1e400,\"tiny\":-1e400}";

    assertThat(FilterPattern.parse("{ $.latency > 100 }").matches(event)).isTrue();
    assertThat(FilterPattern.parse("{ $.latency = 1e400 }").matches(event)).isTrue();
    assertThat(FilterPattern.parse("{ $.latency < 1e401 }").matches(event)).isTrue();
    assertThat(FilterPattern.parse("{ $.tiny < 0 }").matches(event)).isTrue();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("10.0.0.1", "Invalid filter pattern: Invalid character(s) in term '10.0.0.1'"),
        Arguments.of("user@example.com", "Invalid filter pattern: Invalid character(s) in term 'user@example.com'"),
        Arguments.of("\"\"", "Invalid filter pattern: Invalid character(s) in term '\"\"'"),
        Arguments.of("ERROR ?", "Invalid filter pattern: Invalid character(s) in term '?'"),
        Arguments.of("\"unterminated", "Invalid filter pattern: unterminated quotation mark in \"unterminated"),
        Arguments.of("{ $.level = \"error\"", "Invalid filter pattern: expected '}' at: the end of the pattern"),
        Arguments.of("{ level = error }", "Invalid filter pattern: expected a selector such as $.field at: level = error }"),
        Arguments.of("{ $.latency > fast }", "Invalid filter pattern: > compares numbers, not fast"),
        Arguments.of("{ $.a = 1 && }", "Invalid filter pattern: expected a selector such as $.field at: }"),
        Arguments.of("{ $.a IS MAYBE }", "Invalid filter pattern: IS is followed by NULL, TRUE or FALSE in { $.a IS MAYBE }"),
        Arguments.of("{ $.a[x] = 1 }", "Invalid filter pattern: an array index is a number in brackets, in selector $.a[x]"),
        Arguments.of("{ ($.a = 1 }", "Invalid filter pattern: expected ')' at: }"),
        Arguments.of("%(a|b)%", "Invalid filter pattern: a regular expression must be non-empty and may not use ( or ): %(a|b)%"),
        Arguments.of("[w1=ERROR, w2]", "Invalid filter pattern: space-delimited patterns ([w1, w2 = value, ...]) are not "
            + "supported by ecs-emulator"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedPatternsAreInvalidParameters(String pattern, String message) {
    assertThatThrownBy(() -> FilterPattern.parse(pattern))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage(message);
  }
}

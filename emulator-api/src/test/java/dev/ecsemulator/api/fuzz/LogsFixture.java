package dev.ecsemulator.api.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsemulator.core.logs.LogsKinds;
import dev.ecsemulator.core.logs.StoredLogGroup;
import dev.ecsemulator.core.logs.StoredLogStream;
import dev.ecsemulator.core.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Amazon CloudWatch Logs under the fuzz: two log groups with streams, written again now and then with events that
 * filter patterns find hard (JSON of every shape, JSON too deep or numbers too long for a parser, 30,000 characters a
 * backtracking regex engine can take for ever over); valid requests for its main operations, FilterLogEvents with
 * hostile filter patterns among them ({@link #FILTER_PATTERNS} and patterns made of their tokens). Read back when every
 * stored log group's streams, tags and events are listed and every stored stream's events are read.
 */
final class LogsFixture implements ServiceFixture {

  static final List<String> GROUPS = List.of("fuzz-group", "/ecs/fuzz");
  static final List<String> STREAMS = List.of("fuzz-stream", "app/web/0123456789abcdef");

  /** Messages that filter patterns find hard. */
  static final List<String> MESSAGES = List.of(
      "ERROR Exception in thread \"main\" java.lang.IllegalStateException: fuzz",
      "{\"level\":\"error\",\"latency\":120,\"user\":{\"id\":7,\"tags\":[\"a\",\"b\"]},\"n\":null,\"ok\":true}",
      "{\"latency\":1e400,\"big\":123456789012345678901234567890,\"neg\":-0.0,\"s\":\"\\u0000\"}",
      "{\"a\":" + "[".repeat(1500) + "1" + "]".repeat(1500) + "}",
      "{\"n\":" + "9".repeat(2000) + "}",
      "{\"unterminated\": [1, 2",
      "a".repeat(30_000),
      "é中😀 \u0000 \t tabs and\nnewlines",
      "10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET /index.html HTTP/1.0\" 200 2326");

  /** Filter patterns: valid ones of each kind, ones AWS refuses, and ones that make a regex engine work hard. */
  static final List<String> FILTER_PATTERNS = List.of("", " ", "ERROR", "?ERROR ?WARN -DEBUG", "\"Failed to process\"",
      "ERROR Exception", "-ERROR", "\"unterminated", "\"\"", "?", "-", "?-x", "-\"x\"", "10.0.0.1", "é中😀", "\u0000",
      "[ip, user, ..., status = 4*]", "[", "]", "{", "}", "{}", "{ }", "{ && }", "{ $.a = 1 ", "{ $.level = \"error\" }",
      "{ $.latency > 100 && $.user.id = 7 }", "{ $.user.tags[1] = \"b\" }", "{ $.n IS NULL }", "{ $.ok IS TRUE }",
      "{ $.missing NOT EXISTS }", "{ $.a IS NULL || $.b NOT EXISTS }", "{ $.x[99999999999] = 1 }",
      "{ $.latency > 1e99999 }", "{ $.big = 123456789012345678901234567890 }", "{ $.* = 1 }", "{ $ = 1 }",
      "{ $.a = * }", "{ $.level = %err.*% }", "{ $.a = \"\\\" }", "{ ($.a = 1 || ($.b = 2 && ($.c = 3))) }",
      "{ " + "(".repeat(300) + "$.a = 1" + ")".repeat(300) + " }", "{ " + "(".repeat(300) + " }",
      "{ " + "$.a = 1 && ".repeat(90) + "$.a = 1 }",
      "%ERROR%", "%%", "%", "%[%", "%\\%", "%a%%", "%(a+)+b%", "%\\p{IsFoo}%", "%\\x{110000}%", "%a{2147483648}%",
      "%a{1,99999}{1,99999}#%", "%\\Q%", "%" + "[".repeat(200) + "a" + "]".repeat(200) + "%",
      "%a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*#%", "%.*.*.*.*.*.*.*.*.*.*.*.*#%", "%\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*#%",
      "%[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*#%", "%(?:a|a)*#%", "%a+?a+?a+?a+?a+?a+?a+?#%",
      "{ $.level = %a*a*a*a*a*a*a*a*a*a*a*a*a*a*#% }",
      "ERROR ".repeat(170), "?a ".repeat(340));
  /** What hostile patterns are made of. */
  static final List<String> TOKENS = List.of("?", "-", "\"", "{", "}", "(", ")", "[", "]", "%", "$", ".", "*", "&&",
      "||", "=", "!=", ">=", "IS", "NULL", "NOT", "EXISTS", "TRUE", "a", "ERROR", "1", "1e309", "\\", ",", "...",
      "[0]", "$.a", "a*", ".*", "\u0000");
  static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
      1096, 1827, 2192, 2557, 2922, 3288, 3653);

  private final ObjectMapper json = new ObjectMapper();
  private final NamePool names;
  private final Random random;

  LogsFixture(NamePool names, Random random) {
    this.names = names;
    this.random = random;
    GROUPS.forEach(group -> names.add("log-group", group));
    STREAMS.forEach(stream -> names.add("log-stream", stream));
  }

  @Override
  public List<Call> setUp() {
    List<Call> calls = new ArrayList<>();
    for (String group : GROUPS) {
      calls.add(new Call("CreateLogGroup", Reads.body("logGroupName", group, "tags", Map.of("team", "fuzz"))));
      for (String stream : STREAMS) {
        calls.add(new Call("CreateLogStream", Reads.body("logGroupName", group, "logStreamName", stream)));
        ObjectNode put = json.createObjectNode().put("logGroupName", group).put("logStreamName", stream);
        events(put.putArray("logEvents"), MESSAGES);
        calls.add(new Call("PutLogEvents", put.toString()));
      }
    }
    return calls;
  }

  /** Events of these messages, in order, timestamped in the last minute (oldest first, as AWS requires). */
  private void events(ArrayNode events, List<String> messages) {
    long now = System.currentTimeMillis();
    for (int i = 0; i < messages.size(); i++) {
      events.addObject().put("timestamp", now - 60_000 + i).put("message", messages.get(i));
    }
  }

  @Override
  public ObjectNode seed(String operation) {
    ObjectNode request = json.createObjectNode();
    switch (operation) {
      case "CreateLogGroup" -> request.put("logGroupName", random.nextInt(3) == 0 ? group()
          : "/fuzz/" + Integer.toString(random.nextInt(1 << 16), 36));
      case "CreateLogStream" -> request.put("logGroupName", group()).put("logStreamName", random.nextBoolean() ? stream()
          : "s/" + Integer.toString(random.nextInt(1 << 16), 36));
      case "PutLogEvents" -> {
        request.put("logGroupName", group()).put("logStreamName", stream());
        List<String> messages = new ArrayList<>();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
          messages.add(MESSAGES.get(random.nextInt(MESSAGES.size())));
        }
        events(request.putArray("logEvents"), messages);
      }
      case "GetLogEvents" -> {
        request.put("logGroupName", group()).put("logStreamName", stream()).put("startFromHead", random.nextBoolean())
            .put("limit", 1 + random.nextInt(100));
        if (random.nextBoolean()) {
          long now = System.currentTimeMillis();
          request.put("startTime", now - random.nextInt(3_600_000)).put("endTime", now + random.nextInt(60_000));
        }
      }
      case "FilterLogEvents" -> {
        request.put(random.nextBoolean() ? "logGroupName" : "logGroupIdentifier", group())
            .put("filterPattern", filterPattern()).put("limit", 1 + random.nextInt(1000));
        if (random.nextInt(4) == 0) {
          request.putArray("logStreamNames").add(stream());
        }
      }
      case "DescribeLogStreams" -> request.put("logGroupName", group()).put("orderBy", "LastEventTime")
          .put("descending", random.nextBoolean());
      case "DescribeLogGroups" -> request.put("logGroupNamePattern", random.nextBoolean() ? "fuzz" : "");
      case "PutRetentionPolicy" -> request.put("logGroupName", group())
          .put("retentionInDays", RETENTION_DAYS.get(random.nextInt(RETENTION_DAYS.size())));
      default -> {
        return null;
      }
    }
    return request;
  }

  /** A group of the set-up, which has events, two times in three; else any group known. */
  private String group() {
    return random.nextInt(3) > 0 ? GROUPS.get(random.nextInt(GROUPS.size())) : names.pick("log-group", "fuzz-group");
  }

  private String stream() {
    return random.nextInt(3) > 0 ? STREAMS.get(random.nextInt(STREAMS.size())) : names.pick("log-stream", "fuzz-stream");
  }

  /** One of {@link #FILTER_PATTERNS}, or, one time in three, up to 30 of {@link #TOKENS} in a row. */
  private String filterPattern() {
    if (random.nextInt(3) > 0) {
      return FILTER_PATTERNS.get(random.nextInt(FILTER_PATTERNS.size()));
    }
    StringBuilder pattern = new StringBuilder();
    for (int i = 1 + random.nextInt(30); i > 0; i--) {
      pattern.append(TOKENS.get(random.nextInt(TOKENS.size()))).append(random.nextBoolean() ? " " : "");
    }
    return pattern.toString();
  }

  @Override
  public String kindOf(String member) {
    return switch (member) {
      case "logGroupName", "logGroupNamePrefix", "logGroupIdentifier", "logGroupIdentifiers" -> "log-group";
      case "logStreamName", "logStreamNames", "logStreamNamePrefix" -> "log-stream";
      case "resourceArn", "logGroupArn", "arn" -> "log-group-arn";
      default -> null;
    };
  }

  @Override
  public void checkReadable(StateStore store, WireClient client, List<String> failures) {
    Reads reads = new Reads(client, failures);
    for (StoredLogGroup group : store.read(EcsFixture.SCOPE, v -> v.list(LogsKinds.GROUP))) {
      reads.expect200("DescribeLogStreams", Reads.body("logGroupName", group.name()));
      reads.expect200("ListTagsLogGroup", Reads.body("logGroupName", group.name()));
      reads.expect200("FilterLogEvents", Reads.body("logGroupName", group.name(), "limit", 10));
    }
    for (StoredLogStream stream : store.read(EcsFixture.SCOPE, v -> v.list(LogsKinds.STREAM))) {
      reads.expect200("GetLogEvents", Reads.body("logGroupName", stream.group(), "logStreamName", stream.name(),
          "limit", 10));
    }
  }
}

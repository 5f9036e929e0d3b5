package dev.ecsemulator.core.logs.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON property selector: {@code $} (the document), then {@code .name} and {@code [index]} steps
 * ({@code $.users[0].email}). Names are letters, digits, {@code -} and {@code _}, as AWS's syntax says.
 */
record Selector(String text, List<Object> steps) {

  static Selector parse(String text) {
    if (!text.startsWith("$")) {
      throw FilterPattern.invalid("a selector starts with $: " + text);
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < text.length() && isNameChar(text.charAt(end))) {
          end++;
        }
        if (end == i + 1) {
          throw FilterPattern.invalid("a property name is missing in selector " + text);
        }
        steps.add(text.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int close = text.indexOf(']', i);
        String index = close < 0 ? "" : text.substring(i + 1, close);
        if (!index.matches("\\d{1,9}")) {
          throw FilterPattern.invalid("an array index is a number in brackets, in selector " + text);
        }
        steps.add(Integer.parseInt(index));
        i = close + 1;
      } else {
        throw FilterPattern.invalid("unexpected '" + c + "' in selector " + text);
      }
    }
    return new Selector(text, List.copyOf(steps));
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  /** The node the selector picks, or null when the document has none there. */
  JsonNode select(JsonNode document) {
    JsonNode node = document;
    for (Object step : steps) {
      if (step instanceof String name) {
        node = node.isObject() ? node.get(name) : null;
      } else {
        node = node.isArray() ? node.get((Integer) step) : null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }
}

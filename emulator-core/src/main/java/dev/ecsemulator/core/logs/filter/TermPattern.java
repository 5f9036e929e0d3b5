package dev.ecsemulator.core.logs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Terms and quoted phrases: every plain term must occur in the message, none of the {@code -} terms may, and when there
 * are {@code ?} terms at least one of them must. Occurrence is a case-sensitive substring search (AWS's own example:
 * {@code ERROR} matches "Exiting with ERRORCODE: -1").
 */
final class TermPattern implements FilterPattern {

  private final List<String> required;
  private final List<String> anyOf;
  private final List<String> excluded;

  private TermPattern(List<String> required, List<String> anyOf, List<String> excluded) {
    this.required = List.copyOf(required);
    this.anyOf = List.copyOf(anyOf);
    this.excluded = List.copyOf(excluded);
  }

  static TermPattern parse(String text) {
    List<String> required = new ArrayList<>();
    List<String> anyOf = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      i = skipSpace(text, i);
      if (i >= n) {
        break;
      }
      List<String> into = required;
      char c = text.charAt(i);
      if (c == '?' || c == '-') {
        into = c == '?' ? anyOf : excluded;
        i = skipSpace(text, i + 1);
        if (i >= n) {
          throw FilterPattern.invalid("Invalid character(s) in term '" + c + "'");
        }
      }
      int end;
      String term;
      if (text.charAt(i) == '"') {
        end = closingQuote(text, i);
        term = unescape(text.substring(i + 1, end));
        if (term.isEmpty()) {
          throw FilterPattern.invalid("Invalid character(s) in term '\"\"'");
        }
        end++;
      } else {
        end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        term = text.substring(i, end);
        if (!term.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_')) {
          throw FilterPattern.invalid("Invalid character(s) in term '" + term + "'");
        }
      }
      into.add(term);
      i = end;
    }
    return new TermPattern(required, anyOf, excluded);
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index of the quote that closes the one at {@code open} ({@code \"} does not close). */
  static int closingQuote(String text, int open) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    throw FilterPattern.invalid("unterminated quotation mark in " + text.substring(open));
  }

  static String unescape(String quoted) {
    StringBuilder out = new StringBuilder(quoted.length());
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length()) {
        c = quoted.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  @Override
  public boolean matches(String message) {
    for (String term : required) {
      if (!message.contains(term)) {
        return false;
      }
    }
    for (String term : excluded) {
      if (message.contains(term)) {
        return false;
      }
    }
    if (anyOf.isEmpty()) {
      return true;
    }
    for (String term : anyOf) {
      if (message.contains(term)) {
        return true;
      }
    }
    return false;
  }
}

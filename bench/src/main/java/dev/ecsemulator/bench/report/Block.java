package dev.ecsemulator.bench.report;

import java.util.List;

/** One piece of a report section, rendered in order. */
public sealed interface Block {

  /** A paragraph of Markdown text. */
  record Paragraph(String text) implements Block {}

  /** A bulleted list. */
  record Bullets(List<String> items) implements Block {
    public Bullets {
      items = List.copyOf(items);
    }
  }

  /** A table; every row has as many cells as there are headers. */
  record Table(List<String> headers, List<List<String>> rows) implements Block {
    public Table {
      headers = List.copyOf(headers);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != headers.size()) {
          throw new IllegalArgumentException("row " + row + " does not match headers " + headers);
        }
      }
    }
  }

  /** A code block (commands, raw output). */
  record Code(String text) implements Block {}
}

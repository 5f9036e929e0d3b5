package dev.ecsemulator.bench.report;

import java.util.ArrayList;
import java.util.List;

/** One benchmark's part of the report: a title, blocks in order, and the figures it adds to the summary. */
public record Section(String title, List<Block> blocks, List<Headline> headlines) {

  public Section {
    blocks = List.copyOf(blocks);
    headlines = List.copyOf(headlines);
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Collects blocks and headlines while a benchmark runs. Not thread-safe. */
  public static final class Builder {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Headline> headlines = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    public Builder paragraph(String text) {
      blocks.add(new Block.Paragraph(text));
      return this;
    }

    public Builder bullets(List<String> items) {
      if (!items.isEmpty()) {
        blocks.add(new Block.Bullets(items));
      }
      return this;
    }

    public Builder table(List<String> headers, List<List<String>> rows) {
      if (!rows.isEmpty()) {
        blocks.add(new Block.Table(headers, rows));
      }
      return this;
    }

    public Builder code(String text) {
      blocks.add(new Block.Code(text));
      return this;
    }

    public Builder headline(Headline headline) {
      headlines.add(headline);
      return this;
    }

    public Section build() {
      return new Section(title, blocks, headlines);
    }
  }
}

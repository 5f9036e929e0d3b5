package dev.ecsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsemulator.api.CommandLineOptions.Spec;
import dev.ecsemulator.api.support.EmulatorExtension;
import dev.ecsemulator.api.support.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keeps the README and the docs true to the code and to each other: every relative link and anchor leads somewhere,
 * docs/configuration.md lists exactly the options {@link Main} parses (the README names a few of them), and its table of the services on the
 * endpoint gives each service's operation counts as {@code /_emulator/health} reports them. No Docker needed.
 */
class DocsTest {

  @RegisterExtension
  static final EmulatorExtension EMULATOR = EmulatorExtension.withoutDocker();

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
  private static final Pattern COUNTS = Pattern.compile("\\| (\\d+) of (\\d+) \\|");
  private static final Pattern SHORT_OPTION_ROW = Pattern.compile("^\\| `--([a-z-]+)` \\|");
  private static final Pattern OPTION_ROW = Pattern.compile("^\\| `--([a-z-]+)` \\| `(ECS_EMULATOR_[A-Z_]+)` \\|");

  private static final Path ROOT = Samples.find("docs/architecture.md").getParent().getParent();

  @Test
  void everyRelativeLinkAndAnchorLeadsSomewhere() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path file : markdownFiles()) {
      for (String link : links(file)) {
        if (link.matches("^[a-z]+:.*")) {
          continue; // http:, https:, mailto:
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!Files.exists(target)) {
          broken.add(ROOT.relativize(file) + ": " + link + " (no such file)");
        } else if (hash >= 0 && target.toString().endsWith(".md")
            && !anchors(target).contains(link.substring(hash + 1))) {
          broken.add(ROOT.relativize(file) + ": " + link + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theConfigurationPageListsEveryOptionWithItsVariable() throws IOException {
    Set<String> documented = new TreeSet<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/configuration.md"))) {
      Matcher row = OPTION_ROW.matcher(line);
      if (row.find()) {
        documented.add("--" + row.group(1) + " " + row.group(2));
      }
    }
    Set<String> parsed = new TreeSet<>();
    for (Spec spec : Main.OPTIONS.specs()) {
      parsed.add("--" + spec.name() + " " + spec.env());
    }
    assertThat(documented).isEqualTo(parsed);
  }

  @Test
  void theReadmeShortOptionsTableNamesOnlyRealOptions() throws IOException {
    Set<String> parsed = new TreeSet<>();
    for (Spec spec : Main.OPTIONS.specs()) {
      parsed.add(spec.name());
    }
    List<String> named = Files.readAllLines(ROOT.resolve("README.md")).stream()
        .map(SHORT_OPTION_ROW::matcher)
        .filter(Matcher::find)
        .map(row -> row.group(1))
        .toList();
    assertThat(named).isNotEmpty();
    assertThat(parsed).containsAll(named);
  }

  @Test
  void theReadmeServicesTableGivesEachServicesOperationCounts() throws IOException {
    JsonNode services = new ObjectMapper().readTree(EMULATOR.emulator().get("/_emulator/health").body())
        .path("services");
    List<String> rows = Files.readAllLines(ROOT.resolve("README.md")).stream()
        .filter(line -> COUNTS.matcher(line).find())
        .toList();
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> documented = new LinkedHashMap<>();
    services.fields().forEachRemaining(entry -> {
      String name = entry.getKey();
      JsonNode health = entry.getValue();
      String prefix = health.path("targetPrefix").asText();
      expected.put(name, health.path("implemented").asInt() + " of " + health.path("inModel").asInt());
      rows.stream()
          .filter(row -> !prefix.isEmpty() && row.contains("`" + prefix + "`") || row.contains("`" + name + "`"))
          .findFirst()
          .ifPresent(row -> {
            Matcher counts = COUNTS.matcher(row);
            counts.find();
            documented.put(name, counts.group(1) + " of " + counts.group(2));
          });
    });
    assertThat(documented).isEqualTo(expected);
    assertThat(rows).as("one row per service").hasSize(expected.size());
  }

  /** README.md, every Markdown file under docs/, and each module's README. */
  private static List<Path> markdownFiles() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.map(dir -> dir.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    return files;
  }

  /** The link targets of a Markdown file, outside fenced code. */
  private static List<String> links(Path file) throws IOException {
    List<String> links = new ArrayList<>();
    for (String line : outsideCode(file)) {
      Matcher link = LINK.matcher(line);
      while (link.find()) {
        links.add(link.group(1));
      }
    }
    return links;
  }

  /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as dashes. */
  private static Set<String> anchors(Path file) throws IOException {
    Set<String> anchors = new HashSet<>();
    for (String line : outsideCode(file)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}_ -]", "")
            .replace(' ', '-'));
      }
    }
    return anchors;
  }

  /** A Markdown file's lines outside fenced code blocks. */
  private static List<String> outsideCode(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }
}

package dev.tgmd.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph that docs/architecture.md draws is the one the code has: every package's
 * imports of other tgmd packages, read from the sources, equal the list in the note, and the graph
 * has no cycle.
 */
class PackageGraphTest {

  private static final Path SOURCES = Path.of("src", "main", "java", "dev", "tgmd");
  private static final Path NOTE = Path.of("docs", "architecture.md");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.tgmd\\.([a-z]+)\\.[A-Z]");
  private static final Pattern EDGE = Pattern.compile("^- `([a-z]+)` → (.*)$");

  @Test
  void theNoteDrawsTheGraphTheCodeHas() throws IOException {
    assertThat(documented()).isEqualTo(actual());
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> graph = actual();
    for (String start : graph.keySet()) {
      assertThat(reachable(graph, start))
          .as("packages reachable from " + start)
          .doesNotContain(start);
    }
  }

  @Test
  void thePipelineKnowsNoExportConcept() throws IOException {
    assertThat(actual().getOrDefault("pipeline", Set.of()))
        .doesNotContain("export", "source", "render", "layout", "media", "cli");
  }

  /** Every package with the tgmd packages its sources name (imports and qualified names). */
  static Map<String, Set<String>> actual() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file :
          (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = REFERENCE.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            uses.add(m.group(1));
          }
        }
      }
    }
    return graph;
  }

  /** The list under "## Package graph" in the note: "- `pkg` → `a`, `b`" or "→ nothing". */
  static Map<String, Set<String>> documented() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    boolean inGraph = false;
    for (String line : Files.readAllLines(NOTE, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        inGraph = line.equals("## Package graph");
        continue;
      }
      Matcher m = EDGE.matcher(line);
      if (inGraph && m.matches()) {
        Set<String> uses = new TreeSet<>();
        for (String target : m.group(2).split(",")) {
          String t = target.strip().replace("`", "");
          if (!t.isEmpty() && !t.equals("nothing")) {
            uses.add(t);
          }
        }
        graph.put(m.group(1), uses);
      }
    }
    return graph;
  }

  private static Set<String> reachable(Map<String, Set<String>> graph, String start) {
    Set<String> seen = new TreeSet<>();
    List<String> todo = new ArrayList<>(graph.getOrDefault(start, Set.of()));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (seen.add(next)) {
        todo.addAll(graph.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }
}

package dev.tgmd.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;

/**
 * The tool that wrote a report, under {@code tool}. Immutable.
 *
 * @param name the tool's name, {@code tgmd}
 * @param version its version, such as {@code 0.1.0}
 */
@JsonPropertyOrder({"name", "version"})
public record ToolInfo(@JsonProperty("name") String name, @JsonProperty("version") String version) {

  /** Validates that both are non-blank. */
  public ToolInfo {
    Figures.nonBlank(name, "tool.name");
    Figures.nonBlank(version, "tool.version");
  }

  /** tgmd of that version. */
  public static ToolInfo tgmd(String version) {
    return new ToolInfo("tgmd", version);
  }
}

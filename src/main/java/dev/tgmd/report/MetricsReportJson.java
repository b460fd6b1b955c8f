package dev.tgmd.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import dev.tgmd.units.Figures;
import dev.tgmd.units.OneLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

/**
 * Writes a {@link MetricsReport} as JSON and reads it back. Thread-safe; stateless.
 *
 * <p>The JSON is pretty-printed with two-space indents, keys in the documented order, instants as
 * ISO-8601 UTC strings to the millisecond ({@code 2024-05-01T10:00:00.123Z}), numbers in plain
 * notation (never exponents), never NaN or Infinity. Reading accepts {@code schema_version} 1 only,
 * requires every key of the format (values may be null where documented), ignores unknown keys (so
 * a later tgmd may add keys without raising the version) and rejects a value of the wrong type.
 */
public final class MetricsReportJson {

  /** The report's usual file name, written in the output folder. */
  public static final String FILE_NAME = "export_metrics.json";

  /** For reading reports; created on first use (writing does not need it: {@link ReportWriter}). */
  private static final class Mapper {
    static final ObjectMapper MAPPER = mapper();
  }

  /** Jackson's message for a missing key, in its 2.x wordings. */
  private static final java.util.regex.Pattern MISSING_PROPERTY =
      java.util.regex.Pattern.compile("^Missing (?:required )?creator property '([^']*)'");

  private MetricsReportJson() {}

  /** The report as pretty-printed JSON, ending with a newline. */
  public static String toJson(MetricsReport report) {
    return ReportWriter.toJson(report) + "\n";
  }

  /** A run's totals as one line of JSON, keys as in the report's {@code totals}. */
  public static String totalsJson(TotalsReport totals) {
    return ReportWriter.totalsJson(totals);
  }

  /** Names and texts as one line of JSON, in the map's order. */
  public static String stringsJson(java.util.Map<String, String> values) {
    return ReportWriter.stringsJson(values);
  }

  /** The same JSON through the data-binding mapper (for tests: it must equal {@link #toJson}). */
  static String toJsonByMapper(MetricsReport report) {
    try {
      return Mapper.MAPPER.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the metrics report as JSON", e);
    }
  }

  /**
   * Writes the report as JSON (UTF-8, the text of {@link #toJson}) to {@code out}, which it leaves
   * open. Where the bytes go, and that they go there whole, is the caller's: an export writes its
   * report through the output folder's one writer, atomically.
   */
  public static void write(MetricsReport report, OutputStream out) throws IOException {
    out.write(toJson(report).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a report written by {@link #write}.
   *
   * @throws MetricsReportException if the file is missing or unreadable, is not JSON, has another
   *     {@code schema_version}, or misses a key or holds an invalid value; its message is one line
   *     naming the file
   */
  public static MetricsReport read(Path file) throws MetricsReportException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new MetricsReportException(file, "no such file", e);
    } catch (IOException | UncheckedIOException e) {
      throw new MetricsReportException(file, "cannot read: " + OneLine.of(e), e);
    }
    return parse(text, file);
  }

  /** Reads a report from JSON text; {@code source} names it in error messages. */
  static MetricsReport parse(String json, Path source) throws MetricsReportException {
    JsonNode tree;
    try {
      tree = Mapper.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new MetricsReportException(source, "not JSON: " + jsonProblem(e), e);
    }
    if (tree == null || tree.isMissingNode() || !tree.isObject()) {
      throw new MetricsReportException(
          source, "not a tgmd metrics report: not a JSON object", null);
    }
    JsonNode version = tree.get("schema_version");
    if (version == null) {
      throw new MetricsReportException(
          source, "not a tgmd metrics report: no schema_version", null);
    }
    if (!version.isIntegralNumber() || version.asLong() != MetricsReport.SCHEMA_VERSION) {
      throw new MetricsReportException(
          source,
          "schema_version "
              + OneLine.of(version.toString(), 40)
              + " is not supported (this tgmd reads "
              + MetricsReport.SCHEMA_VERSION
              + ")",
          null);
    }
    JsonNode totals = tree.get("totals");
    if (totals instanceof com.fasterxml.jackson.databind.node.ObjectNode t) {
      for (String key : TotalsReport.VAULT_KEYS) {
        if (!t.has(key)) {
          t.put(key, 0); // a report of a tgmd before the vault: it kept none
        }
      }
    }
    try {
      return Mapper.MAPPER.treeToValue(tree, MetricsReport.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new MetricsReportException(source, "invalid report: " + bindingProblem(e), e);
    }
  }

  private static String jsonProblem(JacksonException e) {
    String message = e.getOriginalMessage();
    if (e.getLocation() != null) {
      message +=
          " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return OneLine.of(message, 200);
  }

  /** A one-line description of a binding error: the JSON path of the key and what is wrong. */
  private static String bindingProblem(Exception e) {
    if (!(e instanceof JsonMappingException)) {
      return OneLine.of(e.getMessage(), 200);
    }
    JsonMappingException m = (JsonMappingException) e;
    String path =
        m.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    String what;
    java.util.regex.Matcher missing = MISSING_PROPERTY.matcher(m.getOriginalMessage());
    if (m instanceof MismatchedInputException && missing.find()) {
      String key = missing.group(1);
      if (path.isEmpty()) {
        return "missing key " + key;
      }
      return "missing key "
          + (path.equals(key) || path.endsWith("." + key) ? path : path + "." + key);
    } else if (m instanceof ValueInstantiationException && m.getCause() != null) {
      what = m.getCause().getMessage();
    } else if (m instanceof InvalidFormatException) {
      Object value = ((InvalidFormatException) m).getValue();
      what =
          "invalid value "
              + (value instanceof String ? "\"" + OneLine.of((String) value, 40) + "\"" : value);
    } else if (m.getOriginalMessage().startsWith("Cannot coerce")
        || m.getOriginalMessage().startsWith("Cannot deserialize")) {
      what = "wrong type: " + m.getOriginalMessage().replaceAll("(?s) \\(.*$", "");
    } else {
      what = m.getOriginalMessage();
    }
    String line = OneLine.of(what, 200);
    return path.isEmpty() ? line : path + ": " + line;
  }

  private static ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("tgmd-metrics");
    module.addSerializer(Instant.class, new InstantSerializer());
    module.addDeserializer(Instant.class, new InstantDeserializer());
    module.addSerializer(Double.class, new PlainDoubleSerializer(Double.class));
    module.addSerializer(Double.TYPE, new PlainDoubleSerializer(Double.TYPE));
    DefaultPrettyPrinter printer = ReportWriter.printer();
    return JsonMapper.builder()
        .addModule(module)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .defaultPrettyPrinter(printer)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  /** Instants as ISO-8601 UTC text. */
  private static final class InstantSerializer extends StdScalarSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  /** ISO-8601 UTC text as instants. */
  private static final class InstantDeserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText();
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return (Instant)
            ctxt.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 UTC instant");
      }
    }
  }

  /**
   * Doubles in plain notation ({@code 0.000012} rather than {@code 1.2E-5}), with at most 12
   * significant digits (the records keep no more, so they read back equal); never NaN or Infinity
   * (written as null, which the records never let through anyway).
   */
  private static final class PlainDoubleSerializer extends StdScalarSerializer<Double> {
    private static final long serialVersionUID = 1L;

    PlainDoubleSerializer(Class<Double> type) {
      super(type, false);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      double d = value;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        gen.writeNull();
      } else {
        String text =
            new BigDecimal(Double.toString(Figures.significant(d)))
                .stripTrailingZeros()
                .toPlainString();
        gen.writeNumber(text.indexOf('.') < 0 ? text + ".0" : text);
      }
    }
  }
}

package dev.tgmd.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** docs/metrics.schema.json and docs/progress.schema.json, loaded from the project folder. */
public final class SchemaValidator {

  public static final Path SCHEMA =
      Path.of(System.getProperty("user.dir"), "docs", "metrics.schema.json");

  /** docs/progress.schema.json: one line of {@code tgmd export --progress json}. */
  public static final Path PROGRESS_SCHEMA =
      Path.of(System.getProperty("user.dir"), "docs", "progress.schema.json");

  private static final Schema LOADED = load(SCHEMA);

  private static final Schema PROGRESS = load(PROGRESS_SCHEMA);

  private SchemaValidator() {}

  private static Schema load(Path schema) {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(Files.readString(schema), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's complaints about {@code json}, one per line; empty when it is valid. */
  public static List<String> errors(String json) {
    return errors(LOADED, json);
  }

  /** The progress schema's complaints about one JSON line; empty when it is valid. */
  public static List<String> progressErrors(String line) {
    return errors(PROGRESS, line);
  }

  private static List<String> errors(Schema schema, String json) {
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    return errors.stream().map(Error::toString).collect(Collectors.toList());
  }
}

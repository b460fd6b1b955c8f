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

/** docs/metrics.schema.json, loaded from the project folder, as a validator. */
public final class SchemaValidator {

  public static final Path SCHEMA =
      Path.of(System.getProperty("user.dir"), "docs", "metrics.schema.json");

  private static final Schema LOADED = load();

  private SchemaValidator() {}

  private static Schema load() {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's complaints about {@code json}, one per line; empty when it is valid. */
  public static List<String> errors(String json) {
    List<Error> errors = LOADED.validate(json, InputFormat.JSON);
    return errors.stream().map(Error::toString).collect(Collectors.toList());
  }
}

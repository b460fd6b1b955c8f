package dev.tgmd.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read, with messages in words rather than Java class names: {@code invalid
 * --since '2024/03/01': expected a date like 2024-03-01}.
 */
final class Converters {

  private Converters() {}

  /** Registers the converters with {@code cl} and all its subcommands. */
  static void register(CommandLine cl) {
    cl.registerConverter(LocalDate.class, Converters::date);
    cl.registerConverter(ZoneId.class, Converters::zone);
    ITypeConverter<Integer> integer = v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    ITypeConverter<Long> whole = v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE);
    cl.registerConverter(Integer.class, integer);
    cl.registerConverter(int.class, integer);
    cl.registerConverter(Long.class, whole);
    cl.registerConverter(long.class, whole);
    cl.registerConverter(Path.class, Converters::path);
  }

  /**
   * The one line of a value that could not be converted, or null when {@code e} is no such error:
   * {@code invalid --since '2024/03/01': expected a date like 2024-03-01}.
   */
  static String conversionMessage(CommandLine.ParameterException e) {
    ArgSpec arg = e.getArgSpec();
    String value = e.getValue();
    if (arg == null || value == null || e.getCause() == null) {
      return null;
    }
    String name = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
    String why;
    if (arg.type().isEnum() && arg.completionCandidates() != null) {
      why =
          "one of " + String.join(", ", arg.completionCandidates()); // not picocli's [MONTH, YEAR]
    } else if (e.getCause() instanceof TypeConversionException) {
      why = e.getCause().getMessage();
    } else {
      why = "not a value this " + (arg.isOption() ? "option" : "parameter") + " takes";
    }
    return "invalid " + name + " '" + value + "': " + why;
  }

  static LocalDate date(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("expected a date like 2024-03-01");
    }
  }

  static ZoneId zone(String value) {
    String v = value.strip();
    try {
      return ZoneId.of(v);
    } catch (DateTimeException e) {
      TreeSet<String> like = new TreeSet<>();
      String wanted = v.toLowerCase(Locale.ROOT).replace(' ', '_');
      for (String id : ZoneId.getAvailableZoneIds()) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (!wanted.isEmpty() && (lower.equals(wanted) || lower.endsWith("/" + wanted))) {
          like.add(id);
        }
      }
      String example =
          like.isEmpty()
              ? "e.g. Europe/Berlin, America/New_York, UTC or +02:00"
              : "did you mean " + String.join(" or ", like) + "?";
      throw new TypeConversionException("not a time zone: write a region name, " + example);
    }
  }

  static long whole(String value, long min, long max) {
    try {
      long v = Long.parseLong(value.strip().replace("_", ""));
      if (v < min || v > max) {
        throw new TypeConversionException("the number is too large");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new TypeConversionException(
          "expected a whole number like 200000 (no units or suffixes)");
    }
  }

  static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("not a usable path (" + e.getReason() + ")");
    }
  }
}

package dev.tgmd.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A plain-text table: columns padded to their widest cell, text left-aligned and figures
 * right-aligned, two spaces between columns. Highlighting is applied after padding. Not
 * thread-safe.
 */
final class TextTable {

  private final String[] headers;
  private final boolean[] right;
  private final List<String[]> rows = new ArrayList<>();
  private final List<UnaryOperator<String>> rowStyles = new ArrayList<>();
  private final List<List<UnaryOperator<String>>> cellStyles = new ArrayList<>();

  /**
   * @param columns each column as {@code "<header"} (left-aligned) or {@code ">header"}
   *     (right-aligned)
   */
  TextTable(String... columns) {
    headers = new String[columns.length];
    right = new boolean[columns.length];
    for (int i = 0; i < columns.length; i++) {
      right[i] = columns[i].charAt(0) == '>';
      headers[i] = columns[i].substring(1);
    }
  }

  /** Adds a row, highlighted with {@code style} (applied to the whole padded row). */
  TextTable row(UnaryOperator<String> style, String... cells) {
    if (cells.length != headers.length) {
      throw new IllegalArgumentException(headers.length + " cells expected, not " + cells.length);
    }
    rows.add(cells.clone());
    rowStyles.add(style);
    cellStyles.add(null);
    return this;
  }

  /**
   * Adds a row whose cells are highlighted one by one: {@code styles[i]} (null for none) is applied
   * to the padded cell {@code i}.
   */
  TextTable styledRow(List<UnaryOperator<String>> styles, String... cells) {
    if (cells.length != headers.length || styles.size() != headers.length) {
      throw new IllegalArgumentException(headers.length + " cells expected, not " + cells.length);
    }
    rows.add(cells.clone());
    rowStyles.add(UnaryOperator.identity());
    cellStyles.add(styles);
    return this;
  }

  /** Adds a plain row. */
  TextTable row(String... cells) {
    return row(UnaryOperator.identity(), cells);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * Appends the table, each line starting with {@code indent}; the header styled with {@code
   * header}.
   */
  void appendTo(StringBuilder out, String indent, UnaryOperator<String> header) {
    int[] width = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      width[i] = width(headers[i]);
      for (String[] row : rows) {
        width[i] = Math.max(width[i], width(row[i]));
      }
    }
    out.append(indent).append(header.apply(line(headers, width, null))).append('\n');
    for (int r = 0; r < rows.size(); r++) {
      out.append(indent)
          .append(rowStyles.get(r).apply(line(rows.get(r), width, cellStyles.get(r))))
          .append('\n');
    }
  }

  private String line(String[] cells, int[] width, List<UnaryOperator<String>> styles) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append("  ");
      }
      String pad = " ".repeat(width[i] - width(cells[i]));
      String cell = right[i] ? pad + cells[i] : cells[i] + pad;
      UnaryOperator<String> style = styles == null ? null : styles.get(i);
      b.append(style == null ? cell : style.apply(cell));
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == ' ') {
      end--;
    }
    b.setLength(end);
    return b.toString();
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}

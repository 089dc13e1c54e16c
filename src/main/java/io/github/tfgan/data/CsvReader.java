package io.github.tfgan.data;

import io.github.tfgan.io.Errors;
import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (comma-separated, UTF-8, RFC 4180 quoting) of numeric vectors, one row per
 * sample, as a {@link FloatDataset} of float32: a first row with a cell that is not a number is a
 * header; blank lines are skipped. A label column, named by its header, gives the labels: integers
 * 0..K-1 (classes "0".."K-1"), or else any strings (classes: the distinct values, sorted). Every
 * error names the file, the line (1-based, as an editor counts) and the column (header name and
 * 1-based number).
 */
final class CsvReader {
  /** The largest chunk of values, in bytes (a chunk holds at least one row). */
  static final long CHUNK_BYTES = 1L << 30;

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLASS_INDEX = Pattern.compile("0|[1-9]\\d{0,8}");
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();

  private final Path file;
  private final String labelColumn;
  private String[] header;
  private int columns = -1;
  private int firstLine;
  private int labelIndex = -1;
  private final List<ByteBuffer> chunks = new ArrayList<>();
  private ByteBuffer current;
  private long chunkBytes;
  private final List<String> labels = new ArrayList<>();
  private final Map<String, String> distinct = new HashMap<>();

  private CsvReader(Path file, String labelColumn) {
    this.file = file;
    this.labelColumn = labelColumn;
  }

  /**
   * Reads {@code file}, taking labels from the column named {@code labelColumn} if it is not null.
   *
   * @throws IOException naming the file, the line and the column, what was expected and what was
   *     found
   */
  static FloatDataset read(Path file, String labelColumn) throws IOException {
    return new CsvReader(file, labelColumn).read();
  }

  private FloatDataset read() throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(in)) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        if (!next(records, line)) {
          break;
        }
        CSVRecord record = records.next();
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue;
        }
        row(record.values(), (int) line);
      }
    } catch (UncheckedIOException e) {
      throw new IOException(file + ": unreadable CSV: " + Errors.describe(e.getCause()), e);
    }
    if (current == null) {
      throw new IOException(
          file
              + ": expected rows of numbers, found "
              + (header == null ? "an empty file" : "only a header"));
    }
    current.flip();
    chunks.add(current);
    int d = columns - (labelIndex >= 0 ? 1 : 0);
    int[] ids = null;
    List<String> names = List.of();
    if (labelIndex >= 0) {
      ids = new int[labels.size()];
      if (labels.stream().allMatch(s -> CLASS_INDEX.matcher(s).matches())) {
        Arrays.setAll(ids, i -> Integer.parseInt(labels.get(i)));
        names = Labels.numberedFor(ids, file.toString());
      } else {
        names = List.copyOf(new TreeSet<>(distinct.keySet()));
        Map<String, Integer> index = new HashMap<>();
        for (String name : names) {
          index.put(name, index.size());
        }
        Arrays.setAll(ids, i -> index.get(labels.get(i)));
      }
    }
    return new FloatDataset(
        DataShape.vector(d), chunks, FloatDataset.ValueType.FLOAT32, ids, names, file.toString());
  }

  /** The iterator's {@code hasNext}, with a parse error (an unclosed quote) named by line. */
  private boolean next(Iterator<CSVRecord> records, long line) throws IOException {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IOException(
          file + ": line " + line + ": unreadable CSV: " + Errors.describe(cause), e);
    }
  }

  private void row(String[] cells, int line) throws IOException {
    if (columns < 0) {
      first(cells, line);
      if (header != null) {
        return;
      }
    }
    if (cells.length != columns) {
      throw new IOException(
          file
              + ": line "
              + line
              + ": expected "
              + columns
              + " cells (as "
              + (header != null ? "the header has" : "line " + firstLine + " has")
              + "), found "
              + cells.length);
    }
    int d = columns - (labelIndex >= 0 ? 1 : 0);
    int rowBytes = 4 * d;
    if (current == null || current.remaining() < rowBytes) {
      grow(rowBytes);
    }
    for (int j = 0; j < cells.length; j++) {
      if (j == labelIndex) {
        label(cells[j], line, j);
      } else {
        current.putFloat(value(cells[j], line, j));
      }
    }
  }

  /** The first non-blank row: a header if a cell is not a number; fixes the columns. */
  private void first(String[] cells, int line) throws IOException {
    if (cells.length > 0 && cells[0].startsWith("\uFEFF")) {
      cells[0] = cells[0].substring(1).strip();
    }
    columns = cells.length;
    firstLine = line;
    boolean numeric =
        Arrays.stream(cells)
            .allMatch(c -> NUMBER.matcher(c).matches() || NON_FINITE.matcher(c).matches());
    if (!numeric) {
      header = cells.clone();
    }
    if (labelColumn != null) {
      if (header == null) {
        throw new IOException(
            file
                + ": label column '"
                + labelColumn
                + "': expected a header row naming the columns, found numbers on line "
                + line);
      }
      labelIndex = Arrays.asList(header).indexOf(labelColumn);
      if (labelIndex < 0) {
        throw new IOException(
            file
                + ": label column '"
                + labelColumn
                + "': expected one of the columns "
                + String.join(", ", header)
                + ", found none so named");
      }
      if (columns == 1) {
        throw new IOException(
            file + ": expected 1 or more columns of values beside the labels, found none");
      }
    }
  }

  /** Makes room for a row: a larger buffer, or a new chunk once this one is full. */
  private void grow(int rowBytes) {
    if (chunkBytes == 0) {
      chunkBytes = Math.max(1, CHUNK_BYTES / rowBytes) * rowBytes;
    }
    if (current == null) {
      current = ByteBuffer.allocate((int) Math.min(chunkBytes, 1024L * rowBytes));
    } else if (current.capacity() < chunkBytes) {
      ByteBuffer larger = ByteBuffer.allocate((int) Math.min(chunkBytes, 2L * current.capacity()));
      larger.put(current.flip());
      current = larger;
    } else {
      current.flip();
      chunks.add(current);
      current = ByteBuffer.allocate((int) Math.min(chunkBytes, 1024L * rowBytes));
    }
    current.order(ByteOrder.LITTLE_ENDIAN);
  }

  private float value(String cell, int line, int column) throws IOException {
    if (NUMBER.matcher(cell).matches()) {
      float v = Float.parseFloat(cell);
      if (Float.isFinite(v)) {
        return v;
      }
      throw new IOException(
          where(line, column) + ": expected a number within float32's range, found " + cell);
    }
    if (NON_FINITE.matcher(cell).matches()) {
      throw new IOException(where(line, column) + ": expected a finite number, found " + cell);
    }
    throw new IOException(
        where(line, column)
            + ": expected a number, found "
            + (cell.isEmpty() ? "an empty cell" : "'" + cell + "'"));
  }

  private void label(String cell, int line, int column) throws IOException {
    if (cell.isEmpty()) {
      throw new IOException(where(line, column) + ": expected a label, found an empty cell");
    }
    labels.add(distinct.computeIfAbsent(cell, c -> c));
  }

  /** "x.csv: line 5, column 'height' (2)". */
  private String where(int line, int column) {
    String name = header == null ? "" : "'" + header[column] + "' ";
    return file + ": line " + line + ", column " + name + "(" + (column + 1) + ")";
  }
}

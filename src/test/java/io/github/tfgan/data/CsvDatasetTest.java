package io.github.tfgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {
  @TempDir Path dir;

  private Path csv(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }
  }

  @Test
  void rowsOfNumbersWithoutAHeaderAreUnlabelledVectors() throws IOException {
    Path file = csv("x.csv", "1,2.5,-3\n\n4e-3, .5 ,+6\r\n0.1,0,1E2");
    Dataset data = Datasets.open(file);
    assertEquals(Dataset.Encoding.FLOATS, data.encoding());
    assertEquals(DataShape.vector(3), data.shape());
    assertEquals(3, data.size());
    assertFalse(data.hasLabels());
    assertArrayEquals(new float[] {1, 2.5f, -3, 4e-3f, 0.5f, 6, 0.1f, 0, 100}, data.toFloats());
    assertEquals("3 3-dimensional vectors, no labels, from " + file, Datasets.describe(data));
  }

  @Test
  void aHeaderIsDetectedAndAnIntegerLabelColumnGivesNumberedClasses() throws IOException {
    Path file = csv("x.csv", "\uFEFFx,y,digit\n0.5,1,2\n1.5,2,0\n\"2.5\",3,2\n");
    Dataset plain = Datasets.open(file);
    assertEquals(DataShape.vector(3), plain.shape());
    assertEquals(3, plain.size());

    Dataset data = Datasets.open(file, ReadOptions.NONE.withLabelColumn("digit"));
    assertEquals(DataShape.vector(2), data.shape());
    assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, data.toFloats());
    assertEquals(List.of("0", "1", "2"), data.classNames());
    assertEquals(2, data.label(0));
    assertEquals(0, data.label(1));
  }

  @Test
  void stringLabelsGiveTheirSortedDistinctValuesAsClasses() throws IOException {
    Path file =
        csv(
            "iris.csv",
            "species,a,b\nvirginica,1,2\nsetosa,3,4\n\"vers, icolor\",5,6\nsetosa,7,8\n");
    Dataset data = Datasets.open(file, ReadOptions.NONE.withLabelColumn("species"));
    assertEquals(List.of("setosa", "vers, icolor", "virginica"), data.classNames());
    assertEquals(2, data.label(0));
    assertEquals(0, data.label(1));
    assertEquals(1, data.label(2));
    assertEquals(0, data.label(3));
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, data.toFloats());
    assertEquals("4 2-dimensional vectors, 3 classes, from " + file, Datasets.describe(data));
  }

  @Test
  void aNonNumericCellIsAnErrorNamingTheLineAndColumn() throws IOException {
    Path headed = csv("h.csv", "a,b,c\n1,2,3\n\n4,five,6\n");
    IOException e = assertThrows(IOException.class, () -> Datasets.open(headed));
    assertMessage(e, headed + ": line 4, column 'b' (2): expected a number, found 'five'");

    Path bare = csv("b.csv", "1,2\n3,\n");
    IOException eb = assertThrows(IOException.class, () -> Datasets.open(bare));
    assertMessage(eb, bare + ": line 2, column (2): expected a number, found an empty cell");
  }

  @Test
  void raggedRowsAreAnErrorNamingTheLine() throws IOException {
    Path file = csv("r.csv", "1,2,3\n4,5,6\n7,8\n");
    IOException e = assertThrows(IOException.class, () -> Datasets.open(file));
    assertMessage(e, file + ": line 3: expected 3 cells (as line 1 has), found 2");
  }

  @Test
  void nanAndInfinityAreErrorsNamingTheLineAndColumn() throws IOException {
    Path nan = csv("nan.csv", "a,b\n1,2\n3,NaN\n");
    IOException e = assertThrows(IOException.class, () -> Datasets.open(nan));
    assertMessage(e, nan + ": line 3, column 'b' (2): expected a finite number, found NaN");

    Path inf = csv("inf.csv", "1,-inf\n");
    IOException ei = assertThrows(IOException.class, () -> Datasets.open(inf));
    assertMessage(ei, inf + ": line 1, column (2): expected a finite number, found -inf");

    Path big = csv("big.csv", "1,1e39\n");
    IOException eb = assertThrows(IOException.class, () -> Datasets.open(big));
    assertMessage(eb, big + ": line 1, column (2): expected a number within float32's range");
  }

  @Test
  void emptyFilesAndHeaderOnlyFilesAreErrors() throws IOException {
    Path empty = csv("e.csv", "");
    IOException e = assertThrows(IOException.class, () -> Datasets.open(empty));
    assertMessage(e, empty + ": expected rows of numbers, found an empty file");

    Path blank = csv("blank.csv", "\n\n");
    assertMessage(assertThrows(IOException.class, () -> Datasets.open(blank)), "an empty file");

    Path header = csv("h.csv", "a,b\n");
    IOException eh = assertThrows(IOException.class, () -> Datasets.open(header));
    assertMessage(eh, header + ": expected rows of numbers, found only a header");
  }

  @Test
  void anUnknownLabelColumnIsAnErrorListingTheColumns() throws IOException {
    Path file = csv("x.csv", "height,weight,kind\n1,2,a\n");
    IOException e =
        assertThrows(
            IOException.class,
            () -> Datasets.open(file, ReadOptions.NONE.withLabelColumn("class")));
    assertMessage(
        e, file + ": label column 'class': expected one of the columns height, weight, kind");

    Path bare = csv("bare.csv", "1,2\n");
    IOException eb =
        assertThrows(
            IOException.class, () -> Datasets.open(bare, ReadOptions.NONE.withLabelColumn("y")));
    assertMessage(
        eb, bare + ": label column 'y': expected a header row", "found numbers on line 1");
  }

  @Test
  void anUnclosedQuoteIsAnErrorNamingTheFile() throws IOException {
    Path file = csv("q.csv", "1,2\n\"3,4\n");
    IOException e = assertThrows(IOException.class, () -> Datasets.open(file));
    assertMessage(e, file + ": line 2: unreadable CSV");
  }
}

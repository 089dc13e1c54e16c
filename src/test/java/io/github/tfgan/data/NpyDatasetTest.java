package io.github.tfgan.data;

import static io.github.tfgan.testing.TestFiles.counting;
import static io.github.tfgan.testing.TestFiles.f4;
import static io.github.tfgan.testing.TestFiles.f8;
import static io.github.tfgan.testing.TestFiles.ints;
import static io.github.tfgan.testing.TestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.model.DataShape;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyDatasetTest {
  @TempDir Path dir;

  private static void assertMessage(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }
  }

  @Test
  void uint8ImagesOfEveryRankReadAsExactPixels() throws IOException {
    byte[] body = counting(2 * 3 * 4 * 3);
    body[5] = (byte) 255;
    Dataset rgb = Datasets.open(npy(dir.resolve("rgb.npy"), "|u1", "(2, 3, 4, 3)", body));
    assertEquals(DataShape.image(3, 4, 3), rgb.shape());
    assertEquals(Dataset.Encoding.PIXELS, rgb.encoding());
    assertInstanceOf(PixelDataset.class, rgb);
    assertEquals(2, rgb.size());
    float[] all = rgb.toFloats();
    for (int i = 0; i < body.length; i++) {
      assertEquals((body[i] & 0xff) / 255f, all[i], "value " + i);
    }
    assertEquals(1f, all[5]);
    assertFalse(rgb.hasLabels());
    assertEquals(List.of(), rgb.classNames());

    Dataset grey = Datasets.open(npy(dir.resolve("grey.npy"), "|u1", "(3, 2, 5)", counting(30)));
    assertEquals(DataShape.image(2, 5, 1), grey.shape());
    float[] one = new float[10];
    grey.read(2, one, 0);
    assertEquals(20 / 255f, one[0]);

    Dataset oneChannel =
        Datasets.open(npy(dir.resolve("c1.npy"), "|u1", "(3, 2, 5, 1)", counting(30)));
    assertEquals(DataShape.image(2, 5, 1), oneChannel.shape());

    Dataset vectors = Datasets.open(npy(dir.resolve("v.npy"), "|u1", "(6, 5)", counting(30)));
    assertEquals(DataShape.vector(5), vectors.shape());
    assertEquals(Dataset.Encoding.PIXELS, vectors.encoding());
  }

  @Test
  void float32IsExactAndFloat64IsRoundedToFloat() throws IOException {
    float[] values = {0f, -1.5f, 3e-7f, 1e30f, 0.1f, 42f};
    Dataset f = Datasets.open(npy(dir.resolve("f.npy"), "<f4", "(3, 2)", f4(values)));
    assertEquals(Dataset.Encoding.FLOATS, f.encoding());
    assertEquals(DataShape.vector(2), f.shape());
    assertArrayEquals(values, f.toFloats());

    double[] doubles = {0.1, -2.5, 1e-300, 123456789.123};
    Dataset d = Datasets.open(npy(dir.resolve("d.npy"), "<f8", "(1, 2, 2)", f8(doubles)));
    assertEquals(DataShape.image(2, 2, 1), d.shape());
    assertEquals(FloatDataset.ValueType.FLOAT64, ((FloatDataset) d).valueType());
    float[] expected = new float[4];
    for (int i = 0; i < 4; i++) {
      expected[i] = (float) doubles[i];
    }
    assertArrayEquals(expected, d.toFloats());
  }

  @Test
  void largeDataAreMemoryMappedInChunksOfWholeSamples() throws IOException {
    float[] values = new float[7 * 6];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 0.25f - 3;
    }
    Path file = npy(dir.resolve("big.npy"), "<f4", "(7, 2, 3)", f4(values));
    // threshold 0: always mapped; chunks of at most 50 bytes: two samples of 24 bytes each
    Dataset mapped = Datasets.open(file, ReadOptions.NONE, new NpyReader(0, 50));
    List<ByteBuffer> chunks = ((FloatDataset) mapped).chunks();
    assertEquals(4, chunks.size());
    for (ByteBuffer chunk : chunks) {
      assertInstanceOf(MappedByteBuffer.class, chunk);
      assertTrue(chunk.isReadOnly());
    }
    assertEquals(DataShape.image(2, 3, 1), mapped.shape());
    assertArrayEquals(values, mapped.toFloats());
    float[] last = new float[6];
    mapped.read(6, last, 0);
    assertEquals(values[36], last[0]);

    Dataset heap = Datasets.open(file);
    List<ByteBuffer> heapChunks = ((FloatDataset) heap).chunks();
    assertEquals(1, heapChunks.size());
    assertFalse(heapChunks.get(0).isDirect());
    assertArrayEquals(values, heap.toFloats());

    Path pixels = npy(dir.resolve("px.npy"), "|u1", "(5, 3)", counting(15));
    Dataset mappedPixels = Datasets.open(pixels, ReadOptions.NONE, new NpyReader(1, 7));
    assertEquals(3, ((PixelDataset) mappedPixels).chunks().size());
    assertEquals(14 / 255f, mappedPixels.toFloats()[14]);
  }

  @Test
  void moreThanTwoGigabytesOfPixelsAreIndexedByLong() throws IOException {
    // a sparse file: 2^31 + 2 * 1024 bytes of zeros, but for the last sample
    Path file = npy(dir.resolve("huge.npy"), "|u1", "(2097154, 1024)", new byte[0]);
    long offset = Files.size(file);
    long samples = (1L << 21) + 2;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(offset + samples * 1024);
      raf.seek(offset + (samples - 1) * 1024 + 1023);
      raf.write(200);
    }
    Dataset data = Datasets.open(file);
    assertEquals(samples, data.size());
    assertTrue(((PixelDataset) data).chunks().size() >= 3, "2 GiB in chunks below 2 GiB");
    float[] last = new float[1024];
    data.read(samples - 1, last, 0);
    assertEquals(200 / 255f, last[1023]);
    assertEquals(0f, last[0]);
  }

  @Test
  void labelsOfEveryIntegerDtypeGiveNumberedClasses() throws IOException {
    Path data = npy(dir.resolve("x.npy"), "|u1", "(4, 2)", counting(8));
    long[] labels = {2, 0, 1, 2};
    for (String descr : List.of("|i1", "|u1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8")) {
      int bytes = Integer.parseInt(descr.substring(2));
      Path file =
          npy(dir.resolve("y" + descr.substring(1) + ".npy"), descr, "(4,)", ints(bytes, labels));
      Dataset d = Datasets.open(data, ReadOptions.NONE.withLabels(file));
      assertTrue(d.hasLabels(), descr);
      assertEquals(List.of("0", "1", "2"), d.classNames(), descr);
      assertEquals(2, d.label(0), descr);
      assertEquals(1, d.label(2), descr);
    }
    assertEquals(
        "4 2-dimensional vectors, 3 classes, from " + data,
        Datasets.describe(
            Datasets.open(data, ReadOptions.NONE.withLabels(dir.resolve("yi1.npy")))));
  }

  @Test
  void labelsOfTheWrongCountSignOrDtypeAreErrorsNamingTheLabelsFile() throws IOException {
    Path data = npy(dir.resolve("x.npy"), "|u1", "(4, 2)", counting(8));
    Path three = npy(dir.resolve("three.npy"), "<i8", "(3,)", ints(8, 0, 1, 2));
    IOException count =
        assertThrows(
            IOException.class, () -> Datasets.open(data, new ReadOptions(three, null, null)));
    assertMessage(count, three.toString(), "expected 4 labels (one per sample of x.npy), found 3");

    Path negative = npy(dir.resolve("neg.npy"), "<i4", "(4,)", ints(4, 0, 1, -1, 2));
    IOException sign =
        assertThrows(
            IOException.class, () -> Datasets.open(data, ReadOptions.NONE.withLabels(negative)));
    assertMessage(sign, negative.toString(), "label 2", "found -1");

    Path floats = npy(dir.resolve("fl.npy"), "<f4", "(4,)", f4(0, 1, 2, 3));
    IOException dtype =
        assertThrows(
            IOException.class, () -> Datasets.open(data, ReadOptions.NONE.withLabels(floats)));
    assertMessage(dtype, floats.toString(), "expected integers", "found <f4");

    Path matrix = npy(dir.resolve("m.npy"), "<i4", "(4, 1)", ints(4, 0, 1, 2, 3));
    IOException rank =
        assertThrows(
            IOException.class, () -> Datasets.open(data, ReadOptions.NONE.withLabels(matrix)));
    assertMessage(rank, matrix.toString(), "expected (N,)", "found (4, 1)");
  }

  @Test
  void unsupportedDtypesAreErrorsNamingWhatWasFound() throws IOException {
    for (String descr : List.of("<i2", "<c8", ">f4", "|b1")) {
      Path file = npy(dir.resolve("t.npy"), descr, "(2, 2)", new byte[64]);
      IOException e = assertThrows(IOException.class, () -> Datasets.open(file));
      assertMessage(
          e,
          file + ": dtype: expected uint8 (|u1), float32 (<f4) or float64 (<f8), found " + descr);
    }
  }

  @Test
  void unsupportedRanksChannelsAndOrdersAreErrorsNamingTheShape() throws IOException {
    Path five = npy(dir.resolve("five.npy"), "|u1", "(1, 2, 2, 2, 1)", new byte[8]);
    IOException e5 = assertThrows(IOException.class, () -> Datasets.open(five));
    assertMessage(
        e5,
        five.toString(),
        "expected (N, H, W, C), (N, H, W) or (N, D)",
        "found (1, 2, 2, 2, 1) (5-D)");

    Path one = npy(dir.resolve("one.npy"), "<f4", "(3,)", f4(1, 2, 3));
    IOException e1 = assertThrows(IOException.class, () -> Datasets.open(one));
    assertMessage(e1, one.toString(), "found (3,) (1-D)");

    Path channels = npy(dir.resolve("c2.npy"), "|u1", "(1, 2, 2, 2)", new byte[8]);
    IOException ec = assertThrows(IOException.class, () -> Datasets.open(channels));
    assertMessage(
        ec, channels.toString(), "expected 1 (grey) or 3 (RGB) channels", "found (1, 2, 2, 2)");

    Path fortran = npy(dir.resolve("f.npy"), "<f4", true, "(2, 2)", f4(1, 2, 3, 4));
    IOException ef = assertThrows(IOException.class, () -> Datasets.open(fortran));
    assertMessage(ef, fortran.toString(), "expected C order", "found Fortran order");

    Path empty = npy(dir.resolve("e.npy"), "<f4", "(0, 2)", new byte[0]);
    IOException ee = assertThrows(IOException.class, () -> Datasets.open(empty));
    assertMessage(ee, empty.toString(), "expected 1 or more samples, found (0, 2)");

    Path truncated = npy(dir.resolve("short.npy"), "<f4", "(2, 2)", f4(1, 2, 3));
    IOException et = assertThrows(IOException.class, () -> Datasets.open(truncated));
    assertMessage(et, truncated.toString(), "truncated: expected 16 data bytes", "found 12");
  }

  @Test
  void nanAndInfinityAreErrorsNamingTheSampleAndPosition() throws IOException {
    float[] values = new float[2 * 2 * 3 * 3];
    values[18 + 3 * 3 + 3 + 2] = Float.NaN; // sample 1, [1, 1, 2]
    Path nan = npy(dir.resolve("nan.npy"), "<f4", "(2, 2, 3, 3)", f4(values));
    IOException e = assertThrows(IOException.class, () -> Datasets.open(nan));
    assertMessage(e, nan + ": expected finite values, found NaN in sample 1 at position [1, 1, 2]");

    Path inf =
        npy(dir.resolve("inf.npy"), "<f4", "(3, 2)", f4(0, 1, 2, Float.NEGATIVE_INFINITY, 4, 5));
    IOException ei = assertThrows(IOException.class, () -> Datasets.open(inf));
    assertMessage(
        ei, inf + ": expected finite values, found -Infinity in sample 1 at position [1]");

    Path big = npy(dir.resolve("big.npy"), "<f8", "(1, 2)", f8(1, 1e300));
    IOException eb = assertThrows(IOException.class, () -> Datasets.open(big));
    assertMessage(eb, big.toString(), "found Infinity (as float32) in sample 0 at position [1]");
  }

  @Test
  void theShapeWriterWritesFloat32OfAnyShapeThatReadsBack() throws IOException {
    float[] values = new float[2 * 3 * 2 * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = i / 7f;
    }
    Path whole = dir.resolve("w.npy");
    Npy.write(whole, values, new long[] {2, 3, 2, 3});
    Npy.Header h = Npy.readHeader(whole);
    assertEquals("<f4", h.descr());
    assertArrayEquals(new long[] {2, 3, 2, 3}, h.shape());
    assertEquals(0, h.dataOffset() % 64);
    Dataset read = Datasets.open(whole);
    assertEquals(DataShape.image(3, 2, 3), read.shape());
    assertArrayEquals(values, read.toFloats());

    Path streamed = dir.resolve("s.npy");
    try (Npy.Writer writer = new Npy.Writer(streamed, new long[] {2, 3, 2, 3})) {
      writer.append(Arrays.copyOfRange(values, 0, 18));
      writer.append(Arrays.copyOfRange(values, 18, 36));
      writer.commit();
    }
    assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(streamed));

    Path vector = dir.resolve("v.npy");
    Npy.write(vector, new float[] {1, 2, 3}, new long[] {3});
    assertEquals("(3,)", Npy.readHeader(vector).shapeText());
    assertThrows(
        IllegalArgumentException.class, () -> Npy.write(vector, new float[4], new long[] {3}));
  }
}

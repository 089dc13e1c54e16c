package io.github.tfgan.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @TempDir Path dir;

  @Test
  void roundTripsWithAnAlignedVersion1Header() throws IOException {
    float[] data = {0f, 0.5f, -1.25f, 3e-7f, 1f, 2f};
    Path f = dir.resolve("a.npy");
    Npy.write(f, data, 2, 3);
    byte[] bytes = Files.readAllBytes(f);
    assertEquals(0, (bytes.length - data.length * 4) % 64, "header padded to 64 bytes");
    String header = new String(bytes, 10, 60, StandardCharsets.ISO_8859_1);
    assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"));
    Npy.Matrix m = Npy.read(f, 3);
    assertEquals(2, m.rows());
    assertArrayEquals(data, m.data());
  }

  @Test
  void wrongShapeDtypeOrOrderAreErrorsNamingTheFile() throws IOException {
    Path f = dir.resolve("z.npy");
    Npy.write(f, new float[6], 2, 3);
    IOException shape = assertThrows(IOException.class, () -> Npy.read(f, 100));
    assertTrue(
        shape.getMessage().contains(f + ": wrong shape: expected [n, 100], found [2, 3]"),
        shape.getMessage());

    Path f8 = dir.resolve("f8.npy");
    Files.write(f8, header("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", 8));
    IOException dtype = assertThrows(IOException.class, () -> Npy.read(f8, 1));
    assertTrue(
        dtype.getMessage().contains("expected float32 ('<f4'), found '<f8'"), dtype.getMessage());

    Path fortran = dir.resolve("fortran.npy");
    Files.write(fortran, header("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }", 4));
    assertThrows(IOException.class, () -> Npy.read(fortran, 1));

    Path oneD = dir.resolve("oned.npy");
    Files.write(oneD, header("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", 12));
    IOException dims = assertThrows(IOException.class, () -> Npy.read(oneD, -1));
    assertTrue(dims.getMessage().contains("expected 2 dimensions"), dims.getMessage());

    Path truncated = dir.resolve("short.npy");
    byte[] full = Files.readAllBytes(f);
    Files.write(truncated, Arrays.copyOf(full, full.length - 4));
    assertThrows(IOException.class, () -> Npy.read(truncated, 3));

    Path notNpy = dir.resolve("text.npy");
    Files.writeString(notNpy, "hello");
    IOException magic = assertThrows(IOException.class, () -> Npy.read(notNpy, 3));
    assertTrue(magic.getMessage().contains("not a .npy file"), magic.getMessage());
  }

  private static byte[] header(String dict, int dataBytes) {
    String h = dict + "\n";
    byte[] out = new byte[10 + h.length() + dataBytes];
    out[0] = (byte) 0x93;
    System.arraycopy("NUMPY".getBytes(StandardCharsets.ISO_8859_1), 0, out, 1, 5);
    out[6] = 1;
    out[8] = (byte) h.length();
    System.arraycopy(h.getBytes(StandardCharsets.ISO_8859_1), 0, out, 10, h.length());
    return out;
  }
}

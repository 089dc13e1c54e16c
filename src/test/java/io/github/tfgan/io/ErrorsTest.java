package io.github.tfgan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-line descriptions of exceptions, with or without a message. */
class ErrorsTest {
  @Test
  void theMessageWhenThereIsOne() {
    assertEquals("disk full", Errors.describe(new IOException("disk full")));
    assertEquals(
        "outer", Errors.describe(new IOException("outer", new IllegalStateException("inner"))));
  }

  @Test
  void withoutAMessageTheTypeAndTheCauseChain() {
    ConnectException connect = new ConnectException();
    connect.initCause(new UnresolvedAddressException());
    assertEquals(
        "ConnectException (caused by UnresolvedAddressException)", Errors.describe(connect));
    assertEquals("NullPointerException", Errors.describe(new NullPointerException()));
  }

  @Test
  void theFirstCauseWithAMessageEndsTheChain() {
    Exception e =
        new RuntimeException(
            (String) null,
            new IllegalStateException(
                (String) null, new IOException("host unreachable\nsecond line")));
    assertEquals(
        "RuntimeException (caused by IllegalStateException, caused by IOException: host"
            + " unreachable)",
        Errors.describe(e));
  }

  @Test
  void neverNullNorBlank() {
    for (Throwable e :
        List.of(
            new RuntimeException(""),
            new RuntimeException("   "),
            new IOException((String) null),
            new Error(),
            new RuntimeException(new IOException()))) {
      String text = Errors.describe(e);
      assertNotNull(text);
      assertFalse(text.isBlank(), e.toString());
      assertFalse(text.contains("null"), text);
    }
    assertEquals("RuntimeException", Errors.describe(new RuntimeException("  ")));
  }
}

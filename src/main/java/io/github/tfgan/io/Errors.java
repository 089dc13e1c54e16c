package io.github.tfgan.io;

/** One-line descriptions of exceptions for messages that carry their cause. */
public final class Errors {
  private Errors() {}

  /**
   * The exception's message; for one without a message (a {@code ConnectException} from an
   * unreachable host, say), its type and the first cause that says more, e.g. {@code
   * "ConnectException (caused by UnresolvedAddressException)"}. Never null, never blank.
   */
  public static String describe(Throwable e) {
    String message = e.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
    Throwable cause = e.getCause();
    for (int depth = 0; cause != null && cause != e && depth < 5; depth++) {
      String why = cause.getMessage();
      text.append(depth == 0 ? " (caused by " : ", caused by ")
          .append(cause.getClass().getSimpleName());
      if (why != null && !why.isBlank()) {
        text.append(": ").append(why.lines().findFirst().orElse(why));
        break;
      }
      cause = cause.getCause();
    }
    if (e.getCause() != null && e.getCause() != e) {
      text.append(')');
    }
    return text.toString();
  }
}

package io.github.tfgan.serve;

/**
 * A request that fails with an HTTP status and a message, answered as TF Serving answers: {@code
 * {"error": message}}. The statuses are TF Serving's mapping of its error codes: 400 for invalid
 * arguments, 404 for an unknown model or version, 413 for a body over the limit.
 */
final class ApiException extends RuntimeException {
  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  static ApiException invalid(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  int status() {
    return status;
  }
}

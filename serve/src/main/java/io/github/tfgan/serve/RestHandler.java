package io.github.tfgan.serve;

import io.github.tfgan.export.HostTensor;
import io.github.tfgan.export.SignatureModel.SignatureInfo;
import io.github.tfgan.export.SignatureModel.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST routes, as TF Serving's {@code http_rest_api_handler.cc} parses them; every answer is
 * JSON, every error {@code {"error": "..."}} with TF Serving's status for its kind.
 */
final class RestHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
  private static final Pattern PATH =
      Pattern.compile(
          "/v1/models/([^/:]+)(?:/versions/(\\d{1,18})|/labels/([^/:]+))?(/metadata)?(?::(\\w+))?");

  private final ModelRegistry models;
  private final long maxBodyBytes;

  RestHandler(ModelRegistry models, long maxBodyBytes) {
    this.models = models;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = 200;
    String body;
    try {
      body = route(request);
    } catch (ApiException e) {
      status = e.status();
      body = error(e.getMessage());
    } catch (IllegalArgumentException e) {
      status = 400;
      body = error(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 503;
      body = error("the server is stopping");
    } catch (RuntimeException | IOException e) {
      LOG.error("{} {}: {}", request.getMethod(), request.getHttpURI().getPath(), e.toString(), e);
      status = 500;
      body = error("internal error: " + e);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, body, callback);
    return true;
  }

  private String route(Request request) throws IOException, InterruptedException {
    String method = request.getMethod();
    String path = String.valueOf(request.getHttpURI().getPath());
    Matcher m = PATH.matcher(path);
    if (!path.startsWith("/v1/")) {
      throw ApiException.notFound("Not found: " + path + " (the API is under /v1/models/NAME)");
    }
    boolean metadata = m.matches() && m.group(4) != null;
    String verb = m.matches() ? m.group(5) : null;
    boolean isGet = method.equals("GET") && verb == null;
    boolean isPost = method.equals("POST") && verb != null && !metadata;
    if (!m.matches() || !(isGet || isPost)) {
      throw ApiException.invalid("Malformed request: " + method + " " + path);
    }
    String name = m.group(1);
    Long version = m.group(2) == null ? null : Long.parseLong(m.group(2));
    if (m.group(3) != null) {
      throw ApiException.notFound(
          "Servable not found for request: Labelled("
              + name
              + ", "
              + m.group(3)
              + ") (gan serve"
              + " assigns no version labels; use /versions/N)");
    }
    if (isPost && !verb.equals("predict")) {
      throw new ApiException(
          501, verb + ": gan serve implements predict only (classify and regress need tf.Example)");
    }
    if (isPost) {
      String text = readBody(request); // before the model is held: a slow client holds nothing
      PredictCodec.Body body = PredictCodec.parse(text);
      ServedVersion v = models.acquire(name, version);
      try {
        SignatureInfo signature = v.model().signature(body.signatureName());
        PredictCodec.Request req = PredictCodec.read(body, signature);
        Map<String, HostTensor> outputs = v.run(req.signatureName(), req.inputs());
        return PredictCodec.write(req.rows(), outputs);
      } finally {
        v.release();
      }
    }
    ServedVersion v = models.acquire(name, version);
    try {
      return metadata ? metadata(v) : status(v);
    } finally {
      v.release();
    }
  }

  private String readBody(Request request) throws IOException {
    long declared = request.getLength();
    if (declared > maxBodyBytes) {
      throw tooLarge(declared + " bytes");
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes;
      try {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
      } catch (IOException e) {
        throw ApiException.invalid("request body: not received whole: " + e.getMessage());
      }
      if (bytes.length > maxBodyBytes) {
        throw tooLarge("more");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private ApiException tooLarge(String found) {
    return new ApiException(
        413, "request body: expected at most " + maxBodyBytes + " bytes, found " + found);
  }

  /** GetModelStatusResponse as TF Serving prints it. */
  private static String status(ServedVersion v) {
    return "{\"model_version_status\":[{\"version\":\""
        + v.version()
        + "\",\"state\":\"AVAILABLE\",\"status\":{\"error_code\":\"OK\",\"error_message\":\"\"}}]}";
  }

  /** GetModelMetadataResponse as TF Serving prints it: every signature def. */
  private static String metadata(ServedVersion v) {
    StringBuilder s = new StringBuilder();
    s.append("{\"model_spec\":{\"name\":")
        .append(PredictCodec.quote(v.name()))
        .append(",\"signature_name\":\"\",\"version\":\"")
        .append(v.version())
        .append("\"},\"metadata\":{\"signature_def\":{\"signature_def\":{");
    boolean first = true;
    for (SignatureInfo sig : v.model().signatures().values()) {
      s.append(first ? "" : ",").append(PredictCodec.quote(sig.key())).append(":{\"inputs\":");
      specs(s, sig.inputs());
      s.append(",\"outputs\":");
      specs(s, sig.outputs());
      s.append(",\"method_name\":").append(PredictCodec.quote(sig.methodName())).append('}');
      first = false;
    }
    return s.append("}}}}").toString();
  }

  private static void specs(StringBuilder s, Map<String, TensorSpec> specs) {
    s.append('{');
    boolean first = true;
    for (Map.Entry<String, TensorSpec> e : specs.entrySet()) {
      TensorSpec t = e.getValue();
      s.append(first ? "" : ",")
          .append(PredictCodec.quote(e.getKey()))
          .append(":{\"dtype\":\"")
          .append(t.dtype())
          .append("\",\"tensor_shape\":{\"dim\":[");
      if (t.shape() != null) {
        for (int i = 0; i < t.shape().length; i++) {
          s.append(i > 0 ? "," : "")
              .append("{\"size\":\"")
              .append(t.shape()[i])
              .append("\",\"name\":\"\"}");
        }
      }
      s.append("],\"unknown_rank\":")
          .append(t.shape() == null)
          .append("},\"name\":")
          .append(PredictCodec.quote(t.tensorName()))
          .append('}');
      first = false;
    }
    s.append('}');
  }

  static String error(String message) {
    return "{\"error\":" + PredictCodec.quote(String.valueOf(message)) + "}";
  }
}

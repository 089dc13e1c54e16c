package io.github.tfgan.serve;

import static io.github.tfgan.serve.Fixtures.get;
import static io.github.tfgan.serve.Fixtures.post;
import static io.github.tfgan.serve.Fixtures.zRow;
import static io.github.tfgan.serve.Fixtures.zValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.tfgan.export.HostTensor;
import io.github.tfgan.export.SignatureModel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TF Serving's REST API over HTTP: predict in both formats, status, metadata, bad requests. */
class ModelServerTest {
  @TempDir static Path dir;
  static Path base;
  static ModelServer server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    base = Fixtures.modelBase(dir);
    server = ModelServer.builder(base).port(0).maxBodyBytes(200_000).build().start();
    port = server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static float[] floats(JsonArray a) {
    float[] f = new float[a.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = a.get(i).getAsFloat();
    }
    return f;
  }

  @Test
  void generatorRowsAndColumnsAnswerAsTheModelDoes() throws Exception {
    float[] expected;
    try (SignatureModel m = SignatureModel.load(base.resolve("generator"))) {
      float[] z = new float[200];
      System.arraycopy(zValues(1), 0, z, 0, 100);
      System.arraycopy(zValues(2), 0, z, 100, 100);
      expected =
          m.run("serving_default", Map.of("z", HostTensor.ofFloats(new long[] {2, 100}, z)))
              .get("images")
              .floats();
    }
    var rows =
        post(
            port,
            "/v1/models/generator:predict",
            "{\"instances\": [" + zRow(1) + "," + zRow(2) + "]}");
    assertEquals(200, rows.status(), rows.body());
    JsonArray predictions = rows.json().getAsJsonObject().getAsJsonArray("predictions");
    assertEquals(2, predictions.size());
    assertEquals(784, predictions.get(0).getAsJsonArray().size());
    float[] got = new float[1568];
    System.arraycopy(floats(predictions.get(0).getAsJsonArray()), 0, got, 0, 784);
    System.arraycopy(floats(predictions.get(1).getAsJsonArray()), 0, got, 784, 784);
    for (int i = 0; i < got.length; i++) {
      assertEquals(expected[i], got[i], 1e-6f, "value " + i);
    }
    var columns =
        post(
            port,
            "/v1/models/generator/versions/1:predict",
            "{\"signature_name\": \"serving_default\", \"inputs\": {\"z\": ["
                + zRow(1)
                + ","
                + zRow(2)
                + "]}}");
    assertEquals(200, columns.status(), columns.body());
    assertEquals(
        predictions, columns.json().getAsJsonObject().getAsJsonArray("outputs"), "same numbers");
  }

  @Test
  void discriminatorRowsAreObjectsColumnsAnObject() throws Exception {
    String image = "[" + "0.5,".repeat(783) + "0.5]";
    var rows = post(port, "/v1/models/discriminator:predict", "{\"instances\": [" + image + "]}");
    assertEquals(200, rows.status(), rows.body());
    JsonObject row =
        rows.json().getAsJsonObject().getAsJsonArray("predictions").get(0).getAsJsonObject();
    float logit = row.getAsJsonArray("logits").get(0).getAsFloat();
    float p = row.getAsJsonArray("probability").get(0).getAsFloat();
    assertEquals(1 / (1 + Math.exp(-logit)), p, 1e-6);
    var columns =
        post(
            port,
            "/v1/models/discriminator:predict",
            "{\"inputs\": [" + image + "," + image + "]}");
    assertEquals(200, columns.status(), columns.body());
    JsonObject outputs = columns.json().getAsJsonObject().getAsJsonObject("outputs");
    assertEquals(2, outputs.getAsJsonArray("probability").size());
    assertEquals(
        p,
        outputs.getAsJsonArray("probability").get(1).getAsJsonArray().get(0).getAsFloat(),
        1e-6,
        "a batch of 2 rounds as a batch of 1, to float precision");
  }

  @Test
  void aTwoInputModelTakesRowsOfObjectsOrColumns() throws Exception {
    var rows =
        post(
            port,
            "/v1/models/cgenerator:predict",
            "{\"instances\": [{\"z\": "
                + zRow(1)
                + ", \"label\": 3}, {\"z\": "
                + zRow(2)
                + ", \"label\": 0}]}");
    assertEquals(200, rows.status(), rows.body());
    var columns =
        post(
            port,
            "/v1/models/cgenerator:predict",
            "{\"inputs\": {\"z\": [" + zRow(1) + "," + zRow(2) + "], \"label\": [3, 0]}}");
    assertEquals(200, columns.status(), columns.body());
    JsonArray p = rows.json().getAsJsonObject().getAsJsonArray("predictions");
    assertEquals(p, columns.json().getAsJsonObject().getAsJsonArray("outputs"));
    assertEquals(8, p.get(0).getAsJsonArray().size(), "8x8x1 images");
    var otherLabel =
        post(
            port,
            "/v1/models/cgenerator:predict",
            "{\"inputs\": {\"z\": [" + zRow(1) + "], \"label\": [1]}}");
    assertTrue(
        !otherLabel.json().getAsJsonObject().getAsJsonArray("outputs").get(0).equals(p.get(0)),
        "the label matters");
  }

  @Test
  void doublesLongsBooleansAndStringsTravelAsJson() throws Exception {
    var answer =
        post(
            port,
            "/v1/models/dtypes:predict",
            "{\"instances\": [{\"d\": [1, 0.25], \"l\": 1099511627776, \"b\": true, \"t\":"
                + " \"a\"}, {\"d\": [-3, 1e300], \"l\": -5, \"b\": false, \"t\": \"z\u00e9\"}]}");
    assertEquals(200, answer.status(), answer.body());
    assertEquals(
        "{\"predictions\":[{\"d2\":[2.0,0.5],\"l1\":1099511627777,\"nb\":false,\"ts\":\"a!\"},"
            + "{\"d2\":[-6.0,2.0E300],\"l1\":-4,\"nb\":true,\"ts\":\"z\u00e9!\"}]}",
        answer.body());
    var notBool =
        post(
            port,
            "/v1/models/dtypes:predict",
            "{\"inputs\": {\"d\": [[1, 2]], \"l\": [1], \"b\": [1], \"t\": [\"a\"]}}");
    assertEquals(400, notBool.status());
    assertEquals("b: expected DT_BOOL values (true or false), found 1 at [0]", notBool.error());
    var tooBig =
        post(
            port,
            "/v1/models/dtypes:predict",
            "{\"inputs\": {\"d\": [[1, 2]], \"l\": [1e19], \"b\": [true], \"t\": [\"a\"]}}");
    assertEquals(400, tooBig.status());
    assertEquals(
        "l: expected DT_INT64 values (whole numbers in 64 bits), found 1e19 at [0]",
        tooBig.error());
  }

  @Test
  void statusAndMetadataAreTfServings() throws Exception {
    var status = get(port, "/v1/models/generator");
    assertEquals(200, status.status());
    assertEquals(
        "{\"model_version_status\":[{\"version\":\"1\",\"state\":\"AVAILABLE\",\"status\":"
            + "{\"error_code\":\"OK\",\"error_message\":\"\"}}]}",
        status.body());
    assertEquals(status.body(), get(port, "/v1/models/generator/versions/1").body());
    var metadata = get(port, "/v1/models/cgenerator/metadata");
    assertEquals(200, metadata.status());
    JsonObject root = metadata.json().getAsJsonObject();
    assertEquals("cgenerator", root.getAsJsonObject("model_spec").get("name").getAsString());
    assertEquals("1", root.getAsJsonObject("model_spec").get("version").getAsString());
    JsonObject sig =
        root.getAsJsonObject("metadata")
            .getAsJsonObject("signature_def")
            .getAsJsonObject("signature_def")
            .getAsJsonObject("serving_default");
    assertEquals("tensorflow/serving/predict", sig.get("method_name").getAsString());
    JsonObject label = sig.getAsJsonObject("inputs").getAsJsonObject("label");
    assertEquals("DT_INT32", label.get("dtype").getAsString());
    assertEquals(
        "-1",
        label
            .getAsJsonObject("tensor_shape")
            .getAsJsonArray("dim")
            .get(0)
            .getAsJsonObject()
            .get("size")
            .getAsString());
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          POST | /v1/models/nope:predict            | {"instances": [[1]]}                  | 404 | Servable not found for request: Latest(nope)
          POST | /v1/models/generator/versions/7:predict | {"instances": [[1]]}             | 404 | Specific(generator, 7)
          GET  | /v1/models/generator/versions/7    |                                       | 404 | Specific(generator, 7)
          GET  | /v1/models/nope/metadata           |                                       | 404 | Latest(nope)
          GET  | /v1/models/generator:predict       |                                       | 400 | Malformed request: GET /v1/models/generator:predict
          POST | /v1/models/generator               | {}                                    | 400 | Malformed request: POST
          POST | /v1/models/generator:classify      | {}                                    | 501 | predict only
          GET  | /elsewhere                         |                                       | 404 | Not found: /elsewhere
          POST | /v1/models/generator:predict       | not json {                            | 400 | request body: expected JSON, found text that does not parse (at line 1 column
          POST | /v1/models/generator:predict       | [1, 2]                                | 400 | expected a JSON object with "instances" or "inputs", found a list
          POST | /v1/models/generator:predict       | {"instances": [[1]], "inputs": [[1]]} | 400 | found both
          POST | /v1/models/generator:predict       | {"x": 1}                              | 400 | found neither
          POST | /v1/models/generator:predict       | {"instances": []}                     | 400 | instances: expected a non-empty list of rows, found an empty list
          POST | /v1/models/generator:predict       | {"instances": [[1, 2]]}               | 400 | z: expected the shape [-1, 100], found [1, 2]
          POST | /v1/models/generator:predict       | {"instances": [[1, 2], [3]]}          | 400 | z: expected a rectangular nested list (a list of 2 at depth 1), found a list of 1 at [1]
          POST | /v1/models/generator:predict       | {"instances": [["a", "b"]]}           | 400 | z: expected DT_FLOAT values (numbers), found "a" at [0][0]
          POST | /v1/models/generator:predict       | {"signature_name": "nope", "instances": [[1]]} | 400 | signature_name: expected one of [serve, serving_default]
          POST | /v1/models/generator:predict       | {"inputs": {"x": [[1]]}}              | 400 | signature 'serving_default' expects the inputs [z], found [x]
          POST | /v1/models/cgenerator:predict      | {"instances": [{"z": [1]}]}           | 400 | instances[0]: expected the inputs [label, z] of signature 'serving_default', found [z]
          POST | /v1/models/cgenerator:predict      | {"inputs": {"z": [[1]], "label": [1.5]}} | 400 | label: expected DT_INT32 values (whole numbers in 32 bits), found 1.5 at [0]
          POST | /v1/models/cgenerator:predict      | {"inputs": [[1]]}                     | 400 | inputs: expected an object with the inputs [label, z], found a bare tensor
          """)
  void badRequestsAreAnsweredWithTheirFault(
      String method, String path, String body, int code, String message) throws Exception {
    var answer =
        method.equals("GET") ? get(port, path) : post(port, path, body == null ? "" : body);
    assertEquals(code, answer.status(), answer.body());
    assertTrue(answer.error().contains(message), answer.error());
  }

  @Test
  void inputsTensorFlowRejectsAreABadRequest() throws Exception {
    var answer =
        post(
            port,
            "/v1/models/cgenerator:predict",
            "{\"inputs\": {\"z\": [" + zRow(1) + "," + zRow(2) + "], \"label\": [1, 2, 3]}}");
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.error().startsWith("inputs: TensorFlow rejected them"), answer.error());
    // and the server goes on
    assertEquals(200, get(port, "/v1/models/cgenerator").status());
  }

  @Test
  void jettysOwnErrorsAreJsonToo() throws Exception {
    var r =
        Fixtures.HTTP.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/v1/models/generator"))
                .header("X-Big", "a".repeat(20_000))
                .GET()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(431, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
    assertTrue(new Fixtures.Answer(r.statusCode(), r.body()).error().contains("Header"), r.body());
  }

  @Test
  void bodiesOverTheLimitGet413() throws Exception {
    StringBuilder big = new StringBuilder("{\"instances\": [");
    for (int i = 0; i < 30; i++) {
      big.append(i > 0 ? "," : "").append(zRow(i));
    }
    String body = big.append("]}").toString();
    assertTrue(body.length() > 30_000);
    try (ModelServer small =
        ModelServer.builder(base).port(0).maxBodyBytes(10_000).build().start()) {
      var answer = post(small.port(), "/v1/models/generator:predict", body);
      assertEquals(413, answer.status(), answer.body());
      assertTrue(
          answer.error().startsWith("request body: expected at most 10000 bytes, found"),
          answer.error());
      assertEquals(200, get(small.port(), "/v1/models/generator").status());
    }
  }
}

"""Models of the user's own data (an RGB image set and a vector set, trained by the Java CLI) work in
Python TensorFlow as MNIST's do: the signatures carry the data's shapes, the generator returns the
data's units, and TF 2's loader, Keras, TFLite and Java agree."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from conftest import java

H, W, C = 12, 10, 3
D = 4
MEANS = np.array([0.0, 5.0, 50.0, -1.0], np.float32)
SPREADS = np.array([1.0, 10.0, 100.0, 0.1], np.float32)


@pytest.fixture(scope="session")
def own_models(tmp_path_factory):
    """{"rgb": (gen, disc), "vectors": (gen, disc)} from two short Java runs on files of each kind."""
    base = tmp_path_factory.mktemp("own")
    rng = np.random.default_rng(0)
    images = np.zeros((200, H, W, C), np.uint8)
    labels = rng.integers(0, 2, 200)
    for k in range(200):
        y, x = rng.integers(0, H - 4), rng.integers(0, W - 4)
        images[k, y:y + 4, x:x + 4, 0 if labels[k] == 0 else 2] = 255
    np.save(base / "rgb.npy", images)
    np.save(base / "labels.npy", labels)
    vectors = rng.standard_normal((400, D)).astype(np.float32) * SPREADS + MEANS
    np.savetxt(base / "vectors.csv", vectors, delimiter=",", header="a,b,c,d", comments="")
    out = {}
    for name, data in (("rgb", ["--data", base / "rgb.npy", "--labels", base / "labels.npy"]),
                       ("vectors", ["--data", base / "vectors.csv"])):
        run = base / ("run-" + name)
        java("train", *data, "--iterations", 40, "--batch-size", 32, "--net", "mlp:32,32",
             "--noise-dim", 100, "--log-every", 20, "--out", run)
        out[name] = (run / "savedmodels" / "generator" / "1",
                     run / "savedmodels" / "discriminator" / "1")
    return out


@pytest.fixture(params=["rgb", "vectors"])
def own(request, own_models):
    sample = (H, W, C) if request.param == "rgb" else (D,)
    name = "images" if request.param == "rgb" else "samples"
    return request.param, own_models[request.param], sample, name


def test_signatures_carry_the_datas_shape_and_units(own):
    kind, (gen_dir, disc_dir), sample, name = own
    gen = tf.saved_model.load(str(gen_dir)).signatures["serving_default"]
    disc = tf.saved_model.load(str(disc_dir)).signatures["serving_default"]
    assert tuple(gen.structured_outputs[name].shape) == (None, *sample)
    assert tuple(disc.structured_input_signature[1][name].shape) == (None, *sample)
    z = tf.random.stateless_normal([500, 100], seed=[1, 2])
    out = gen(z=z)[name].numpy()
    assert out.shape == (500, *sample)
    if kind == "rgb":
        assert out.min() >= 0.0 and out.max() <= 1.0, "pixels in [0, 1]"
    else:
        # the data's own units: each feature near its mean, not near 0 (standardised space)
        assert abs(out[:, 2].mean() - 50.0) < 60.0 and abs(out[:, 2].mean()) > 5.0, out.mean(axis=0)
        assert out[:, 3].std() < 1.0, "the fourth feature keeps its small spread"
    scores = disc(**{name: tf.constant(out[:8])})
    np.testing.assert_allclose(scores["probability"], tf.sigmoid(scores["logits"]), atol=1e-6)


def test_tf2_loader_sees_every_variable(own):
    _, (gen_dir, disc_dir), _, _ = own
    for directory, prefix in ((gen_dir, "generator"), (disc_dir, "discriminator")):
        loaded = tf.saved_model.load(str(directory))
        names = sorted(v.name.split(":")[0] for v in loaded.variables)
        assert names == sorted(f"{prefix}_dense{i}_{p}" for i in (1, 2, 3) for p in ("kernel", "bias"))


def test_keras_tfsmlayer_chains_g_into_d(own):
    _, (gen_dir, disc_dir), sample, name = own
    z = keras.Input(shape=(100,), name="z")
    samples = keras.layers.TFSMLayer(str(gen_dir), call_endpoint="serving_default")(z)[name]
    scores = keras.layers.TFSMLayer(str(disc_dir), call_endpoint="serving_default")(samples)
    model = keras.Model(z, [samples, scores["probability"]])
    out, probability = model.predict(np.zeros((3, 100), np.float32), verbose=0)
    assert out.shape == (3, *sample)
    assert probability.shape == (3, 1)


def test_tflite_matches_tensorflow(own):
    _, (gen_dir, disc_dir), sample, name = own
    rng = np.random.default_rng(2)
    z = rng.standard_normal((4, 100)).astype(np.float32)
    x = tf.saved_model.load(str(gen_dir)).signatures["serving_default"](z=tf.constant(z))[name].numpy()
    for directory, inputs in ((gen_dir, {"z": z}), (disc_dir, {name: x})):
        expected = tf.saved_model.load(str(directory)).signatures["serving_default"](
            **{k: tf.constant(v) for k, v in inputs.items()})
        converted = tf.lite.TFLiteConverter.from_saved_model(
            str(directory), signature_keys=["serving_default"]).convert()
        runner = tf.lite.Interpreter(model_content=converted).get_signature_runner("serving_default")
        found = runner(**inputs)
        assert set(found) == set(expected)
        for key in found:
            scale = max(1.0, float(np.abs(expected[key].numpy()).max()))
            np.testing.assert_allclose(found[key], expected[key].numpy(), rtol=1e-5, atol=1e-5 * scale)


def test_java_and_python_agree(own, tmp_path):
    kind, (gen_dir, disc_dir), sample, name = own
    z = np.random.default_rng(7).standard_normal((16, 100)).astype(np.float32)
    np.save(tmp_path / "z.npy", z)
    java("generate", "--model", gen_dir, "--z", tmp_path / "z.npy", "--out", tmp_path / "x.npy")
    java("score", "--model", disc_dir, "--data", tmp_path / "x.npy", "--out", tmp_path / "p.npy")
    java_x = np.load(tmp_path / "x.npy")
    assert java_x.dtype == np.float32 and java_x.shape == (16, *sample)
    py_x = tf.saved_model.load(str(gen_dir)).signatures["serving_default"](z=tf.constant(z))[name].numpy()
    np.testing.assert_allclose(py_x, java_x, rtol=1e-6, atol=1e-5)
    py_p = tf.saved_model.load(str(disc_dir)).signatures["serving_default"](
        **{name: tf.constant(java_x)})["probability"].numpy()
    np.testing.assert_allclose(py_p, np.load(tmp_path / "p.npy"), rtol=0, atol=1e-5)
    if kind == "vectors":
        java("generate", "--model", gen_dir, "--z", tmp_path / "z.npy", "--out", tmp_path / "x.csv")
        csv = np.loadtxt(tmp_path / "x.csv", delimiter=",", skiprows=1, dtype=np.float32)
        np.testing.assert_allclose(csv, java_x, rtol=1e-6, atol=0)

"""The exported SavedModels work in Python TensorFlow 2.x as they are."""

import re
import subprocess
import sys

import keras
import numpy as np
import pytest
import tensorflow as tf

from conftest import run_docs_snippet, ROOT, java

GENERATOR_VARIABLES = {
    "generator_dense1_kernel": [100, 128], "generator_dense1_bias": [128],
    "generator_dense2_kernel": [128, 256], "generator_dense2_bias": [256],
    "generator_dense3_kernel": [256, 784], "generator_dense3_bias": [784],
}
DISCRIMINATOR_VARIABLES = {
    "discriminator_dense1_kernel": [784, 256], "discriminator_dense1_bias": [256],
    "discriminator_dense2_kernel": [256, 128], "discriminator_dense2_bias": [128],
    "discriminator_dense3_kernel": [128, 1], "discriminator_dense3_bias": [1],
}


@pytest.mark.parametrize("batch", [1, 64])
def test_signatures_run_on_batches(models, batch):
    gen_dir, disc_dir = models
    gen = tf.saved_model.load(str(gen_dir)).signatures["serving_default"]
    disc = tf.saved_model.load(str(disc_dir)).signatures["serving_default"]
    z = tf.random.stateless_normal([batch, 100], seed=[1, 2])
    images = gen(z=z)["images"]
    assert images.shape == (batch, 784) and images.dtype == tf.float32
    assert float(tf.reduce_min(images)) >= 0.0 and float(tf.reduce_max(images)) <= 1.0
    out = disc(images=images)
    assert set(out) == {"probability", "logits"}
    assert out["probability"].shape == (batch, 1)
    np.testing.assert_allclose(out["probability"], tf.sigmoid(out["logits"]), atol=1e-6)


def test_variables_are_exactly_the_networks(models):
    gen_dir, disc_dir = models
    for directory, expected in ((gen_dir, GENERATOR_VARIABLES), (disc_dir, DISCRIMINATOR_VARIABLES)):
        found = dict(tf.train.list_variables(str(directory / "variables" / "variables")))
        assert found == expected


def test_keras_tfsmlayer_inside_a_model(models):
    gen_dir, disc_dir = models
    z = keras.Input(shape=(100,), name="z")
    images = keras.layers.TFSMLayer(str(gen_dir), call_endpoint="serving_default")(z)["images"]
    scores = keras.layers.TFSMLayer(str(disc_dir), call_endpoint="serving_default")(images)
    model = keras.Model(z, [images, scores["probability"]])
    out_images, probability = model.predict(np.zeros((3, 100), np.float32), verbose=0)
    assert out_images.shape == (3, 784)
    assert probability.shape == (3, 1)


def test_saved_model_cli_show_and_run(models, tmp_path):
    gen_dir, _ = models
    cli = [sys.executable, "-m", "tensorflow.python.tools.saved_model_cli"]
    shown = subprocess.run(cli + ["show", "--dir", str(gen_dir), "--all"],
                           capture_output=True, text=True, check=True).stdout
    assert "signature_def['serving_default']" in shown
    assert "Method name is: tensorflow/serving/predict" in shown
    assert re.search(r"inputs\['z'\].*?shape: \(-1, 100\)", shown, re.S)
    np.save(tmp_path / "z.npy", np.zeros((2, 100), np.float32))
    run = subprocess.run(cli + ["run", "--dir", str(gen_dir), "--tag_set", "serve",
                                "--signature_def", "serving_default",
                                "--inputs", f"z={tmp_path / 'z.npy'}",
                                "--outdir", str(tmp_path / "out")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert np.load(tmp_path / "out" / "images.npy").shape == (2, 784)


def test_java_and_python_agree(models, tmp_path):
    gen_dir, disc_dir = models
    z = np.random.default_rng(7).standard_normal((16, 100)).astype(np.float32)
    np.save(tmp_path / "z.npy", z)
    java("generate", "--model", gen_dir, "--z", tmp_path / "z.npy", "--out", tmp_path / "images.npy")
    java("score", "--model", disc_dir, "--images", tmp_path / "images.npy",
         "--out", tmp_path / "p.npy")
    java_images = np.load(tmp_path / "images.npy")
    java_p = np.load(tmp_path / "p.npy")
    # generate writes images as [n, H, W, C]; MNIST's signatures keep 0.x's flat rows
    assert java_images.dtype == np.float32 and java_images.shape == (16, 28, 28, 1)
    java_images = java_images.reshape(16, 784)

    py_images = tf.saved_model.load(str(gen_dir)).signatures["serving_default"](z=tf.constant(z))["images"]
    np.testing.assert_allclose(py_images.numpy(), java_images, rtol=0, atol=1e-6)
    py_p = tf.saved_model.load(str(disc_dir)).signatures["serving_default"](
        images=tf.constant(java_images))["probability"]
    np.testing.assert_allclose(py_p.numpy(), java_p, rtol=0, atol=1e-6)


def test_docs_python_snippet_runs_as_written(tmp_path):
    result = run_docs_snippet("## Load in TensorFlow 2 and Keras 3", tmp_path)
    assert "images (16, 784)" in result.stdout
    assert "keras (2, 784)" in result.stdout
    assert (tmp_path / "samples.png").stat().st_size > 0


def test_keras_tfsmlayer_default_endpoint_serve(models):
    """Keras 3's TFSMLayer(path) calls the endpoint "serve" by default: every export has it, the
    same function as serving_default (as Keras's own model.export writes both)."""
    gen_dir, disc_dir = models
    z = np.random.default_rng(3).standard_normal((4, 100)).astype(np.float32)
    images = keras.layers.TFSMLayer(str(gen_dir))(z)["images"]
    default = tf.saved_model.load(str(gen_dir)).signatures["serving_default"](z=tf.constant(z))
    np.testing.assert_array_equal(np.asarray(images), default["images"].numpy())
    scores = keras.layers.TFSMLayer(str(disc_dir))(images)
    assert set(scores) == {"probability", "logits"}
    for directory in (gen_dir, disc_dir):
        assert set(tf.saved_model.load(str(directory)).signatures) == {"serving_default", "serve"}


@pytest.mark.parametrize("model", ["generator/1", "discriminator/1", "article/generator/1",
                                   "article/discriminator/1", "classifier/1"])
def test_shipped_models_load_with_keras_defaults(model):
    layer = keras.layers.TFSMLayer(str(ROOT / "savedmodels" / model))
    assert layer is not None

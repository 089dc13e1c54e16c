"""The exports taken further, as a TensorFlow user would: TF 2's loader sees the variables, Keras
fine-tunes the generator, and TFLite and ONNX Runtime give the same outputs as TensorFlow."""

import re
import subprocess
import sys

import keras
import numpy as np
import pytest
import tensorflow as tf

from conftest import run_docs_snippet, COMMITTED, ROOT
from test_savedmodels import DISCRIMINATOR_VARIABLES, GENERATOR_VARIABLES

CLASSIFIER = COMMITTED / "classifier" / "1"


def _names(variables):
    return sorted(v.name.split(":")[0] for v in variables)


def test_tf2_loader_lists_exactly_each_networks_variables_with_their_values(models):
    gen_dir, disc_dir = models
    for directory, expected in ((gen_dir, GENERATOR_VARIABLES), (disc_dir, DISCRIMINATOR_VARIABLES)):
        loaded = tf.saved_model.load(str(directory))
        assert _names(loaded.variables) == sorted(expected)
        stored = tf.train.load_checkpoint(str(directory / "variables" / "variables"))
        for v in loaded.variables:
            name = v.name.split(":")[0]
            assert list(v.shape) == expected[name]
            np.testing.assert_array_equal(v.numpy(), stored.get_tensor(name))
    assert len(tf.saved_model.load(str(CLASSIFIER)).variables) == 8
    classifier = keras.layers.TFSMLayer(str(CLASSIFIER), call_endpoint="serving_default", trainable=True)
    assert len(classifier.trainable_weights) == 8


def test_keras_fine_tunes_the_generator_through_a_trainable_tfsmlayer(models):
    gen_dir, _ = models
    layer = keras.layers.TFSMLayer(str(gen_dir), call_endpoint="serving_default", trainable=True)
    assert _names(layer.trainable_weights) == sorted(GENERATOR_VARIABLES)
    z = keras.Input(shape=(100,), name="z")
    model = keras.Model(z, layer(z)["images"])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="mse")
    noise = np.random.default_rng(1).standard_normal((16, 100)).astype(np.float32)
    target = np.zeros((16, 784), np.float32)
    before = model.predict(noise, verbose=0)
    losses = model.fit(noise, target, epochs=3, batch_size=16, verbose=0).history["loss"]
    assert losses[2] < losses[0], losses
    assert np.abs(model.predict(noise, verbose=0) - before).max() > 1e-4, "the weights moved"


def _tflite_runner(directory):
    # Two signatures (serving_default and serve): TFLite converts one, named by its key.
    converted = tf.lite.TFLiteConverter.from_saved_model(
        str(directory), signature_keys=["serving_default"]).convert()
    interpreter = tf.lite.Interpreter(model_content=converted)
    return interpreter.get_signature_runner("serving_default")


def test_tflite_converts_every_export_and_matches_tensorflow(models):
    gen_dir, disc_dir = models
    rng = np.random.default_rng(2)
    z = rng.standard_normal((4, 100)).astype(np.float32)
    images = rng.random((4, 784)).astype(np.float32)
    for directory, inputs in ((gen_dir, {"z": z}), (disc_dir, {"images": images}),
                              (CLASSIFIER, {"images": images})):
        expected = tf.saved_model.load(str(directory)).signatures["serving_default"](
            **{k: tf.constant(v) for k, v in inputs.items()})
        found = _tflite_runner(directory)(**inputs)
        assert set(found) == set(expected)
        for key in found:
            np.testing.assert_allclose(found[key], expected[key].numpy(), rtol=1e-6, atol=1e-5)


def test_onnx_converts_with_tf2onnx_and_onnx_runtime_matches_tensorflow(models, tmp_path):
    ort = pytest.importorskip("onnxruntime")
    gen_dir, disc_dir = models
    rng = np.random.default_rng(3)
    for directory, name, x in ((gen_dir, "z", rng.standard_normal((4, 100))),
                               (disc_dir, "images", rng.random((4, 784))),
                               (CLASSIFIER, "images", rng.random((4, 784)))):
        x = x.astype(np.float32)
        onnx_file = tmp_path / (directory.parent.name + ".onnx")
        result = subprocess.run([sys.executable, "-m", "tf2onnx.convert", "--saved-model", str(directory),
                                 "--output", str(onnx_file)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-2000:]
        session = ort.InferenceSession(str(onnx_file))
        expected = tf.saved_model.load(str(directory)).signatures["serving_default"](**{name: tf.constant(x)})
        outputs = [o.name for o in session.get_outputs()]
        for key, value in zip(outputs, session.run(outputs, {name: x})):
            np.testing.assert_allclose(value, expected[key].numpy(), rtol=1e-6, atol=1e-5)


def test_docs_take_it_further_snippet_runs_as_written(tmp_path):
    result = run_docs_snippet("## Take it further", tmp_path)
    assert re.search(r"variables 6, fine-tuned loss [\d.]+ -> [\d.]+", result.stdout), result.stdout
    assert "tflite max difference" in result.stdout and "onnx max difference" in result.stdout
    assert (tmp_path / "generator.tflite").stat().st_size > 0
    assert (tmp_path / "generator.onnx").stat().st_size > 0

"""`gan serve` answers as TensorFlow does: the shipped models served over HTTP, compared with
tf.saved_model.load in Python to 1e-5, with the requests client a TF Serving user would use."""

import os
import re
import signal
import subprocess
from pathlib import Path

import numpy as np
import pytest
import requests
import tensorflow as tf

ROOT = Path(__file__).resolve().parents[4]
SAVEDMODELS = ROOT / "savedmodels"
GAN = ROOT / "bin" / "gan"


@pytest.fixture(scope="module")
def server():
    """`bin/gan serve --model-base savedmodels --port 0`; yields its URL; SIGTERM must exit 0."""
    proc = subprocess.Popen(
        [str(GAN), "serve", "--model-base", str(SAVEDMODELS), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    line = proc.stdout.readline()
    match = re.search(r"listening on (http://127\.0\.0\.1:\d+)/", line)
    assert match, f"gan serve printed {line!r}"
    yield match.group(1)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0


def saved(name):
    return tf.saved_model.load(str(SAVEDMODELS / name / "1")).signatures["serving_default"]


def test_generator_rows_match_tensorflow(server):
    z = np.random.default_rng(0).standard_normal((4, 100)).astype(np.float32)
    r = requests.post(f"{server}/v1/models/generator:predict", json={"instances": z.tolist()})
    assert r.status_code == 200, r.text
    served = np.array(r.json()["predictions"], np.float32)
    expected = saved("generator")(z=tf.constant(z))["images"].numpy()
    assert served.shape == (4, 784)
    np.testing.assert_allclose(served, expected, atol=1e-5)


def test_discriminator_rows_give_both_outputs(server):
    images = np.random.default_rng(1).random((3, 784)).astype(np.float32)
    r = requests.post(f"{server}/v1/models/discriminator:predict",
                      json={"instances": images.tolist()})
    assert r.status_code == 200, r.text
    rows = r.json()["predictions"]
    expected = saved("discriminator")(images=tf.constant(images))
    for name in ("probability", "logits"):
        served = np.array([row[name] for row in rows], np.float32)
        np.testing.assert_allclose(served, expected[name].numpy(), atol=1e-5)


def test_classifier_columns_match_tensorflow(server):
    images = np.random.default_rng(2).random((5, 784)).astype(np.float32)
    r = requests.post(f"{server}/v1/models/classifier/versions/1:predict",
                      json={"signature_name": "serving_default", "inputs": {"images": images.tolist()}})
    assert r.status_code == 200, r.text
    outputs = r.json()["outputs"]
    expected = saved("classifier")(images=tf.constant(images))
    assert sorted(outputs) == sorted(expected)
    for name, value in expected.items():
        np.testing.assert_allclose(np.array(outputs[name], np.float32), value.numpy(), atol=1e-5)


def test_metadata_is_the_signature_tensorflow_reads(server):
    r = requests.get(f"{server}/v1/models/discriminator/metadata")
    assert r.status_code == 200, r.text
    sig = r.json()["metadata"]["signature_def"]["signature_def"]["serving_default"]
    fn = saved("discriminator")
    _, inputs = fn.structured_input_signature
    for name, spec in inputs.items():
        served = sig["inputs"][name]
        assert served["dtype"] == "DT_" + spec.dtype.name.upper().replace("FLOAT32", "FLOAT")
        assert [int(d["size"]) for d in served["tensor_shape"]["dim"]] == [
            -1 if d is None else d for d in spec.shape.as_list()]
    assert sorted(sig["outputs"]) == sorted(fn.structured_outputs)
    assert sig["method_name"] == "tensorflow/serving/predict"


def test_status_and_errors(server):
    r = requests.get(f"{server}/v1/models/generator")
    assert r.json() == {"model_version_status": [
        {"version": "1", "state": "AVAILABLE", "status": {"error_code": "OK", "error_message": ""}}]}
    r = requests.post(f"{server}/v1/models/generator:predict", json={"instances": [[1.0, 2.0]]})
    assert r.status_code == 400
    assert r.json() == {"error": "z: expected the shape [-1, 100], found [1, 2]"}
    r = requests.get(f"{server}/v1/models/nothing")
    assert r.status_code == 404 and "Latest(nothing)" in r.json()["error"]

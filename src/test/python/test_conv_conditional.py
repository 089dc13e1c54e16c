"""Convolutional (--net dcgan:W), clustered (dcgan:W:clustersK) and class-conditional (--conditional) models, trained by the Java CLI
on a small RGB set, work in Python TensorFlow: the signatures carry the images' shape and an int32
label, the label steers the generator and cannot be left out, and TF 2's loader, Keras, TFLite and
Java agree; the conv generator's batch norm uses its moving averages, so rows do not depend on
their batch."""

import functools

import keras
import numpy as np
import pytest
import tensorflow as tf

from conftest import java

H, W, C = 16, 16, 3
CLASSES = 3
NOISE = 100
SAMPLE = (H, W, C)

# kind -> (--net, conditional)
KINDS = {
    "conv": ("dcgan:8", False),
    "conditional-conv": ("dcgan:8", True),
    "conditional-mlp": ("mlp:32,32", True),
    "clustered-conv": ("dcgan:8:clusters3", False),
}
CONDITIONAL = [k for k, (_, cond) in KINDS.items() if cond]
CONV = [k for k, (net, _) in KINDS.items() if net.startswith("dcgan:")]


@pytest.fixture(scope="session")
def conv_models(tmp_path_factory):
    """{kind: (gen, disc)} from three 30-iteration Java runs on 200 coloured squares (the square's
    colour channel is its class)."""
    base = tmp_path_factory.mktemp("conv")
    rng = np.random.default_rng(0)
    n = 200
    images = np.zeros((n, H, W, C), np.uint8)
    labels = rng.integers(0, CLASSES, n)
    for k in range(n):
        y, x = rng.integers(0, H - 6), rng.integers(0, W - 6)
        images[k, y:y + 6, x:x + 6, labels[k]] = 255
    np.save(base / "rgb.npy", images)
    np.save(base / "labels.npy", labels)
    out = {}
    for kind, (net, conditional) in KINDS.items():
        run = base / ("run-" + kind)
        extra = ["--labels", base / "labels.npy", "--conditional"] if conditional else []
        java("train", "--data", base / "rgb.npy", *extra, "--net", net, "--iterations", 30,
             "--batch-size", 32, "--noise-dim", NOISE, "--log-every", 10, "--out", run)
        out[kind] = (run / "savedmodels" / "generator" / "1",
                     run / "savedmodels" / "discriminator" / "1")
    return out


@pytest.fixture(params=list(KINDS))
def model(request, conv_models):
    """(kind, gen_dir, disc_dir, conditional)."""
    return (request.param, *conv_models[request.param], KINDS[request.param][1])


@functools.lru_cache(maxsize=None)
def _signature(directory):
    # One load per export: the three models are shared by every test.
    return tf.saved_model.load(str(directory)).signatures["serving_default"]


def _call(directory, **inputs):
    """serving_default of the SavedModel in `directory` on numpy inputs; numpy outputs."""
    out = _signature(directory)(**{k: tf.constant(v) for k, v in inputs.items()})
    return {k: v.numpy() for k, v in out.items()}


def _noise(n, seed):
    return np.random.default_rng(seed).standard_normal((n, NOISE)).astype(np.float32)


def _cycling_labels(n):
    return (np.arange(n) % CLASSES).astype(np.int32)


def test_signatures_carry_the_images_shape_and_a_label_when_conditional(model):
    _, gen_dir, disc_dir, conditional = model
    gen, disc = _signature(gen_dir), _signature(disc_dir)
    label = {"label": ((None,), tf.int32)} if conditional else {}

    def specs(signature):
        return {k: (tuple(s.shape), s.dtype) for k, s in signature.structured_input_signature[1].items()}

    def outputs(signature):
        return {k: (tuple(s.shape), s.dtype) for k, s in signature.structured_outputs.items()}

    assert specs(gen) == {"z": ((None, NOISE), tf.float32), **label}
    assert outputs(gen) == {"images": ((None, *SAMPLE), tf.float32)}
    assert specs(disc) == {"images": ((None, *SAMPLE), tf.float32), **label}
    assert outputs(disc) == {"logits": ((None, 1), tf.float32), "probability": ((None, 1), tf.float32)}

    labels = {"label": _cycling_labels(64)} if conditional else {}
    images = _call(gen_dir, z=_noise(64, 1), **labels)["images"]
    assert images.shape == (64, *SAMPLE) and images.dtype == np.float32
    assert images.min() >= 0.0 and images.max() <= 1.0, "pixels in [0, 1]"
    scores = _call(disc_dir, images=images, **labels)
    assert scores["logits"].shape == scores["probability"].shape == (64, 1)
    np.testing.assert_allclose(scores["probability"], tf.sigmoid(scores["logits"]), atol=1e-6)


@pytest.mark.parametrize("kind", CONDITIONAL)
def test_the_label_steers_both_networks_and_is_required(kind, conv_models):
    gen_dir, disc_dir = conv_models[kind]
    z = _noise(8, 2)
    per_class = [_call(gen_dir, z=z, label=np.full(8, k, np.int32))["images"] for k in range(CLASSES)]
    for a in range(CLASSES):
        for b in range(a + 1, CLASSES):
            diff = np.abs(per_class[a] - per_class[b]).max(axis=(1, 2, 3))
            assert (diff > 1e-3).all(), f"labels {a} and {b} give the same images for some z: {diff}"
    logits = [_call(disc_dir, images=per_class[0], label=np.full(8, k, np.int32))["logits"]
              for k in range(CLASSES)]
    assert np.abs(logits[0] - logits[1]).max() > 1e-4, "D's projection reads the label"
    with pytest.raises(TypeError, match="label"):
        _signature(gen_dir)(z=tf.constant(z))
    with pytest.raises(TypeError, match="label"):
        _signature(disc_dir)(images=tf.constant(per_class[0]))


def _tfsm(layer, **inputs):
    """Calls a TFSMLayer on named inputs. TFSMLayer (Keras 3) passes its `inputs` positionally, and
    a signature binds a positional argument to its first input (in the signature's order, sorted by
    name); a dict as `inputs` is refused ("takes 0 positional arguments"). So: the first input by
    position, the others by name."""
    first, *rest = layer.call_endpoint_fn.structured_input_signature[1]
    assert set(inputs) == {first, *rest}
    return layer(inputs[first], **{k: inputs[k] for k in rest})


def test_keras_tfsmlayer_matches_the_signatures(model):
    _, gen_dir, disc_dir, conditional = model
    gen_layer = keras.layers.TFSMLayer(str(gen_dir), call_endpoint="serving_default")
    disc_layer = keras.layers.TFSMLayer(str(disc_dir), call_endpoint="serving_default")
    inputs = {"z": keras.Input(shape=(NOISE,), name="z")}
    if conditional:
        inputs["label"] = keras.Input(shape=(), dtype="int32", name="label")
    label = {"label": inputs["label"]} if conditional else {}
    images = _tfsm(gen_layer, z=inputs["z"], **label)["images"]
    scores = _tfsm(disc_layer, images=images, **label)
    chained = keras.Model(inputs, [images, scores["logits"], scores["probability"]])

    z = _noise(6, 3)
    labels = {"label": _cycling_labels(6)} if conditional else {}
    found = chained.predict({"z": z, **labels}, verbose=0)
    expected_images = _call(gen_dir, z=z, **labels)["images"]
    expected_scores = _call(disc_dir, images=expected_images, **labels)
    np.testing.assert_allclose(found[0], expected_images, rtol=0, atol=1e-6)
    np.testing.assert_allclose(found[1], expected_scores["logits"], rtol=0, atol=1e-5)
    np.testing.assert_allclose(found[2], expected_scores["probability"], rtol=0, atol=1e-6)


def test_tflite_matches_the_savedmodel(model):
    _, gen_dir, disc_dir, conditional = model
    labels = {"label": _cycling_labels(4)} if conditional else {}
    z = _noise(4, 4)
    images = _call(gen_dir, z=z, **labels)["images"]
    for directory, inputs in ((gen_dir, {"z": z, **labels}), (disc_dir, {"images": images, **labels})):
        expected = _call(directory, **inputs)
        # Two signatures (serving_default and serve): TFLite converts one, named by its key.
        converted = tf.lite.TFLiteConverter.from_saved_model(
            str(directory), signature_keys=["serving_default"]).convert()
        runner = tf.lite.Interpreter(model_content=converted).get_signature_runner("serving_default")
        assert set(runner.get_input_details()) == set(inputs)
        found = runner(**inputs)
        assert set(found) == set(expected)
        for key in found:
            np.testing.assert_allclose(found[key], expected[key], rtol=0, atol=1e-4, err_msg=key)


def test_java_and_python_agree(model, tmp_path):
    _, gen_dir, _, conditional = model
    z = _noise(16, 7)
    np.save(tmp_path / "z.npy", z)
    label = ["--label", 1] if conditional else []
    java("generate", "--model", gen_dir, "--z", tmp_path / "z.npy", *label, "--out", tmp_path / "x.npy")
    java_x = np.load(tmp_path / "x.npy")
    assert java_x.dtype == np.float32 and java_x.shape == (16, *SAMPLE)
    labels = {"label": np.ones(16, np.int32)} if conditional else {}
    np.testing.assert_allclose(java_x, _call(gen_dir, z=z, **labels)["images"], rtol=0, atol=1e-4)
    if conditional:
        # without --label, row i is of class i % classes
        java("generate", "--model", gen_dir, "--z", tmp_path / "z.npy", "--out", tmp_path / "cycle.npy")
        np.testing.assert_allclose(np.load(tmp_path / "cycle.npy"),
                                   _call(gen_dir, z=z, label=_cycling_labels(16))["images"],
                                   rtol=0, atol=1e-4)


@pytest.mark.parametrize("kind", CONV)
def test_conv_generator_rows_do_not_depend_on_their_batch(kind, conv_models):
    gen_dir, _ = conv_models[kind]
    moving = {v.name.split(":")[0]: v.numpy() for v in tf.saved_model.load(str(gen_dir)).variables
              if "moving_" in v.name}
    assert moving, "the export holds batch norm's moving averages"
    assert any(not np.allclose(v, 1.0) for k, v in moving.items() if k.endswith("moving_variance")), \
        "trained moving variances, not the initial ones"
    z = _noise(8, 5)
    conditional = KINDS[kind][1]
    labels = _cycling_labels(8)
    batch = _call(gen_dir, z=z, **({"label": labels} if conditional else {}))["images"]
    for rows in (slice(0, 2), slice(5, 6)):
        alone = _call(gen_dir, z=z[rows], **({"label": labels[rows]} if conditional else {}))["images"]
        np.testing.assert_allclose(alone, batch[rows], rtol=0, atol=1e-5)

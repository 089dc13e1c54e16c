"""A run's checkpoints and TensorBoard events, read with Python's own readers."""

import tensorflow as tf
from tensorboard.backend.event_processing import event_accumulator

SCALAR_TAGS = {"loss/discriminator", "loss/generator", "D(x)", "D(G(z))", "learning_rate",
               "iterations_per_second"}


def test_checkpoint_reads_with_tf_train_load_checkpoint(fresh_run):
    checkpoints = sorted(p.name for p in (fresh_run / "checkpoints").iterdir())
    assert checkpoints == ["ckpt-10", "ckpt-20", "ckpt-30"]
    reader = tf.train.load_checkpoint(str(fresh_run / "checkpoints" / "ckpt-30" / "ckpt"))
    shapes = reader.get_variable_to_shape_map()
    assert shapes["generator_dense1_kernel"] == [100, 128]
    assert shapes["discriminator_dense3_kernel_adam_v"] == [128, 1]
    # 12 weights, 24 Adam slots, 2 β powers per optimiser
    assert len(shapes) == 12 + 24 + 4
    # β1 power after 30 Adam steps started at β1: β1^31
    assert abs(reader.get_tensor("generator_adam_beta1_power") - 0.9 ** 31) < 1e-6


def test_tensorboard_events_have_the_scalars_the_sample_grid_and_the_graph(fresh_run):
    acc = event_accumulator.EventAccumulator(
        str(fresh_run), size_guidance={event_accumulator.SCALARS: 0, event_accumulator.TENSORS: 0})
    acc.Reload()
    tags = acc.Tags()
    assert set(tags["scalars"]) == SCALAR_TAGS
    for tag in SCALAR_TAGS:
        assert [e.step for e in acc.Scalars(tag)] == [10, 20, 30]
    assert [e.value for e in acc.Scalars("learning_rate")] == [tf.constant(2e-4).numpy()] * 3
    # The grid under the tag docs/runs.md names, as TF 2's tf.summary.image writes it: every
    # --sample-every and at the end, the end not repeating the last periodic step.
    assert tags["tensors"] == ["samples"]
    grids = acc.Tensors("samples")
    assert [e.step for e in grids] == [15, 30]
    assert grids[0].tensor_proto.dtype == tf.string.as_datatype_enum
    width, height, png = tf.make_ndarray(grids[0].tensor_proto)
    assert (int(width), int(height)) == (8 * 28, 8 * 28)
    assert tf.io.decode_png(png).shape == (8 * 28, 8 * 28, 1)
    # The Graphs tab: the training graph, its networks grouped by name.
    names = [node.name for node in acc.Graph().node]
    assert any(n.startswith("generator/") for n in names)
    assert any(n.startswith("discriminator/") for n in names)
    assert {"generator_dense1_kernel", "d_train", "g_train"} <= set(names)

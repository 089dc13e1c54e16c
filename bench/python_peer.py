"""Python peer of `gan.jar bench`: the same GAN, data, batch and optimiser in TF 2.x with tf.function.

The straightforward way a Python user trains this network: Keras Dense layers (Glorot-uniform kernels, zero
biases, leaky ReLU 0.2, sigmoid image output, D outputs logits), sigmoid cross-entropy on logits, two Adam
optimisers (lr 2e-4, beta1 0.9, beta2 0.999, epsilon 1e-8), one tf.function per iteration doing the D step then
the G step on the same z, a random real batch of 128 from MNIST x_train / 255 fed per step.

`gan.jar bench` passes the preset's values (--learning-rate, --g-learning-rate, --beta1, --beta2, --lr-decay-rate,
--lr-decay-steps, --r1-gamma, --r1-every, --ema-decay, --updates) and the peer trains as `gan.jar train --preset
stable` does: G's and D's own learning rates, the R1 penalty gamma/2 * E||grad_x D_logit(x)||^2 on the real batch
in D's loss (a nested GradientTape), on every --r1-every-th iteration weighted by that number (lazy regularisation;
a second tf.function without the penalty runs the other iterations), after G's step a moving average of G's
weights, and with --updates simultaneous both networks' gradients taken from one forward pass before either
update (one tape per network, as TensorFlow's DCGAN tutorial does).

Other networks than the article's (`gan.jar bench` passes --net, --batch-size, --noise-dim, --scaling and
--ema-warmup for them): `mlp:W1,...` (G's hidden widths, D's reversed) and `dcgan:W` / `dcgan:W:bn`, the DCGAN pair
of `ConvNets.java` for the data's H x W x C, built from Keras layers in the same order and with the same shapes:
G is z -> Dense H/2^n * W/2^n * W*2^(n-1) -> reshape -> BatchNormalization (momentum 0.99, epsilon 1e-3, batch
statistics in training) -> ReLU -> n - 1 blocks of Conv2DTranspose 4x4 stride 2 "same" halving the filters, batch
norm and ReLU -> Conv2DTranspose 4x4 stride 2 to C channels -> tanh -> flat; D is reshape -> n blocks of Conv2D 4x4
stride 2 "same" (W, 2W, ... filters; batch norm after all but the first with :bn) and LeakyReLU 0.2 -> flat ->
Dense 1 (n: how often H and W halve evenly staying at least 4, at most 4; 2 for 28x28). With --scaling symmetric
the pixels train in [-1, 1] (x / 127.5 - 1), as `gan.jar` trains conv nets. G's forward pass runs once per
iteration, as the Java step runs it: the D step and then the G step use the same G(z) (G's weights and z are the
same in both), so batch norm's moving statistics are updated once per iteration; the moving average, when on,
covers G's weights, and with batch norm it keeps statistics of its own as `gan.jar`'s does: after each update,
the averaged G runs in training mode on half the batch's z (the first of the Java step's two shards), which
moves its moving statistics toward its own batch statistics. With --ema-warmup the decay at iteration n is
min(decay, (1 + n) / (10 + n)), as `gan.jar`'s. With `dcgan:W[:bn]:clustersK` (G and D conditioned on K data
clusters), G's input is z and the one-hot of the cluster it draws from z (inverse transform of its first value,
equal shares here; its first layer looks the cluster's kernel row up, as the Java one does), and D adds the
projection <embed(cluster), h> of its features to its logit (the cluster's row looked up): the real batch takes
random clusters (the peer times the step; it does not cluster the data), G's samples the ones drawn.

Prints one JSON line: {"ms_per_iter": median over repeats, "repeats": [...], "first_iter_s": ..., ...}.

With --serve (how `gan.jar bench` runs it), the repeats are driven from standard input instead, so that they can
alternate with the Java ones and drift in the machine's speed hits both alike: after warm-up it prints
{"ready": true, "first_iter_s": ..., "tensorflow": ...}; each line "run N" is answered with {"ms_per_iter": ...}
for N iterations; "quit" is answered with {"peak_rss_mb": ...} and ends it.
"""

import argparse
import gzip
import json
import os
import resource
import struct
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
START = time.perf_counter()

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402


def read_images(path, scaling="unit"):
    """The IDX images as float rows of H*W pixels: in [0, 1] (unit) or in [-1, 1] (symmetric); and (H, W, 1)."""
    with gzip.open(path, "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x803:
            sys.exit(f"{path}: wrong magic {magic:#x}")
        pixels = np.frombuffer(f.read(), np.uint8).reshape(n, rows * cols).astype(np.float32)
        images = pixels / 255.0 if scaling == "unit" else pixels / 127.5 - 1.0
        return images.astype(np.float32), (rows, cols, 1)


def mlp(sizes, activations, name):
    return tf.keras.Sequential(
        [tf.keras.layers.Dense(u, activation=a) for u, a in zip(sizes, activations)], name=name)


def blocks(h, w):
    """How many stride-2 blocks a dcgan net has for H x W (ConvNets.blocks)."""
    n = 0
    while n < 4 and h % 2 == 0 and w % 2 == 0 and h // 2 >= 4 and w // 2 >= 4:
        h, w, n = h // 2, w // 2, n + 1
    return n


def cluster_of(z, k):
    """The cluster a clustered G draws from its noise (LayerOps.inverseCdf), with equal shares here."""
    u = 0.5 * (1.0 + tf.math.erf(z[:, 0] / np.sqrt(2.0)))
    return tf.minimum(tf.cast(u * k, tf.int32), k - 1)


class ClusterDense(tf.keras.layers.Layer):
    """A clustered G's first layer, dense over z and the one-hot of the cluster drawn from it, as
    LayerOps.clusterDense computes it: z times the kernel's first rows plus the cluster's row of the rest,
    looked up (a layer, not a Lambda, so that clone_model copies it)."""

    def __init__(self, units, clusters, **kwargs):
        super().__init__(**kwargs)
        self.units, self.clusters = units, clusters

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1] + self.clusters, self.units),
                                      initializer="glorot_uniform", name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", name="bias")

    def call(self, z):
        n = z.shape[-1]
        rows = tf.gather(self.kernel[n:], cluster_of(z, self.clusters))
        return tf.matmul(z, self.kernel[:n]) + rows + self.bias

    def get_config(self):
        return {**super().get_config(), "units": self.units, "clusters": self.clusters}


class ProjectionD(tf.keras.Model):
    """D of a clustered net: the trunk's features h, then Dense 1 (h) + <embed(cluster), h>."""

    def __init__(self, trunk, clusters, features):
        super().__init__(name="discriminator")
        self.trunk, self.logit, self.clusters = trunk, tf.keras.layers.Dense(1), clusters
        self.embedding = self.add_weight(shape=(clusters, features), initializer="glorot_uniform",
                                         name="embedding")

    def call(self, inputs, training=None):
        x, labels = inputs
        h = self.trunk(x, training=training)
        projection = tf.gather(self.embedding, labels) * h
        return self.logit(h) + tf.reduce_sum(projection, axis=1, keepdims=True)


def dcgan(width, shape, noise_dim, d_batch_norm, output, clusters=0):
    """G and D of ConvNets.java for images of shape (H, W, C), from Keras layers in the same order."""
    layers = tf.keras.layers
    h, w, c = shape
    n = blocks(h, w)
    filters = width << max(n - 1, 0)

    def batch_norm():
        return layers.BatchNormalization(momentum=0.99, epsilon=1e-3)

    units = (h >> n) * (w >> n) * filters
    g = [ClusterDense(units, clusters) if clusters else layers.Dense(units),  # clusters: z and its cluster one-hot
         layers.Reshape((h >> n, w >> n, filters)), batch_norm(), layers.ReLU()]
    for _ in range(1, n):
        filters //= 2
        g += [layers.Conv2DTranspose(filters, 4, strides=2, padding="same"), batch_norm(), layers.ReLU()]
    g.append(layers.Conv2DTranspose(c, 4, strides=2, padding="same", activation=output) if n > 0
             else layers.Conv2D(c, 3, strides=1, padding="same", activation=output))
    g.append(layers.Reshape((h * w * c,)))
    d = [layers.Reshape((h, w, c))]
    filters = width
    for i in range(max(n, 1)):
        d.append(layers.Conv2D(filters * (1 << i), 4, strides=2, padding="same"))
        if d_batch_norm and i > 0:
            d.append(batch_norm())
        d.append(layers.LeakyReLU(negative_slope=0.2))
    gen = tf.keras.Sequential(g, name="generator")
    gen.build((None, noise_dim))
    if clusters:
        trunk = tf.keras.Sequential(d + [layers.Flatten()], name="trunk")
        trunk.build((None, h * w * c))
        disc = ProjectionD(trunk, clusters, trunk.output_shape[-1])
        disc((tf.zeros((1, h * w * c)), tf.zeros((1,), tf.int32)))
        return gen, disc
    d += [layers.Flatten(), layers.Dense(1)]
    disc = tf.keras.Sequential(d, name="discriminator")
    disc.build((None, h * w * c))
    return gen, disc


def networks(net, shape, noise_dim, output):
    """(G, D, whether G has batch norm, clusters) for --net: mlp:W1,... or dcgan:W[:bn][:clustersK]."""
    leaky = lambda x: tf.nn.leaky_relu(x, 0.2)  # noqa: E731
    kind, _, rest = net.partition(":")
    pixels = shape[0] * shape[1] * shape[2]
    if kind == "mlp":
        hidden = [int(u) for u in rest.split(",")]
        gen = mlp(hidden + [pixels], [leaky] * len(hidden) + [output], "generator")
        disc = mlp(hidden[::-1] + [1], [leaky] * len(hidden) + [None], "discriminator")
        gen.build((None, noise_dim))
        disc.build((None, pixels))
        return gen, disc, False, 0
    if kind == "dcgan":
        width, *options = rest.split(":")
        bn = bool(options) and options[0] == "bn"
        options = options[1:] if bn else options
        clusters = int(options[0][len("clusters"):]) if options and options[0].startswith("clusters") else 0
        if len(options) > (1 if clusters else 0):
            sys.exit(f"--net: expected dcgan:W[:bn][:clustersK], found {net!r}")
        gen, disc = dcgan(int(width), shape, noise_dim, bn, output, clusters)
        return gen, disc, True, clusters
    sys.exit(f"--net: expected mlp:W1,... or dcgan:W[:bn][:clustersK], found {net!r}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True, help="train-images-idx3-ubyte.gz")
    p.add_argument("--warmup", type=int, default=100)
    p.add_argument("--iterations", type=int, default=200, help="per repeat")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--serve", action="store_true", help="repeats driven from stdin (see above)")
    p.add_argument("--preset", default="article", help="the preset's name, for the report")
    p.add_argument("--net", default="mlp:128,256", help="mlp:W1,... or dcgan:W[:bn][:clustersK]")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--noise-dim", type=int, default=100)
    p.add_argument("--scaling", choices=["unit", "symmetric"], default="unit",
                   help="pixels in [0, 1] (G ends in a sigmoid) or in [-1, 1] (tanh)")
    p.add_argument("--learning-rate", type=float, default=2e-4)
    p.add_argument("--g-learning-rate", type=float, default=0.0, help="G's own rate; 0: --learning-rate")
    p.add_argument("--beta1", type=float, default=0.9)
    p.add_argument("--beta2", type=float, default=0.999)
    p.add_argument("--lr-decay-rate", type=float, default=1.0)
    p.add_argument("--lr-decay-steps", type=int, default=1000)
    p.add_argument("--r1-gamma", type=float, default=0.0)
    p.add_argument("--r1-every", type=int, default=1)
    p.add_argument("--ema-decay", type=float, default=0.0)
    p.add_argument("--ema-warmup", action="store_true", help="decay min(decay, (1 + n) / (10 + n))")
    p.add_argument("--updates", choices=["alternating", "simultaneous"], default="alternating")
    args = p.parse_args()

    x_train, shape = read_images(args.data, args.scaling)
    batch, noise_dim = args.batch_size, args.noise_dim
    gen, disc, reuse_fake, clusters = networks(
        args.net, shape, noise_dim, "sigmoid" if args.scaling == "unit" else "tanh")
    lr, beta1 = args.learning_rate, args.beta1
    r1_gamma, r1_every, ema_decay = args.r1_gamma, args.r1_every, args.ema_decay
    g_lr = args.g_learning_rate or lr
    simultaneous = args.updates == "simultaneous"

    def rate(base):
        if args.lr_decay_rate == 1.0:
            return base
        return tf.keras.optimizers.schedules.ExponentialDecay(
            base, args.lr_decay_steps, args.lr_decay_rate, staircase=True)

    d_opt = tf.keras.optimizers.Adam(rate(lr), beta_1=beta1, beta_2=args.beta2, epsilon=1e-8)
    g_opt = tf.keras.optimizers.Adam(rate(g_lr), beta_1=beta1, beta_2=args.beta2, epsilon=1e-8)
    # G's weights; with batch norm, the average is a copy of G (ema_gen) whose moving statistics are its own.
    has_bn = len(gen.non_trainable_weights) > 0
    ema_gen = None
    if ema_decay > 0 and has_bn:
        ema_gen = tf.keras.models.clone_model(gen)
        ema_gen.set_weights(gen.get_weights())
        averaged = list(gen.trainable_weights)
        ema = list(ema_gen.trainable_weights)
    else:
        averaged = list(gen.weights)
        ema = [tf.Variable(v) for v in averaged] if ema_decay > 0 else []
    ema_count = tf.Variable(0.0)
    bce = tf.nn.sigmoid_cross_entropy_with_logits

    def make_step(penalty):
        """One iteration; penalty is the R1 weight it applies (0: none)."""
        return tf.function(lambda real, labels: iteration(real, labels, penalty))

    def D(x, labels):
        """D's logits; with clusters, projected onto each row's cluster."""
        return disc((x, labels), training=True) if clusters else disc(x, training=True)

    def d_step(real, labels, fake, fake_labels, penalty):
        """D's losses on the real batch and on G(z) (with the R1 penalty when penalty > 0); D's update."""
        with tf.GradientTape() as tape:
            with tf.GradientTape() as r1_tape:
                r1_tape.watch(real)
                real_logits = D(real, labels)
            fake_logits = D(fake, fake_labels)
            d_loss = tf.reduce_mean(bce(tf.ones_like(real_logits), real_logits)) + tf.reduce_mean(
                bce(tf.zeros_like(fake_logits), fake_logits))
            if penalty > 0:
                grad = r1_tape.gradient(real_logits, real)
                d_loss += penalty / 2 * tf.reduce_mean(tf.reduce_sum(tf.square(grad), axis=1))
        d_opt.apply_gradients(zip(tape.gradient(d_loss, disc.trainable_variables), disc.trainable_variables))
        return d_loss

    def iteration(real, labels, penalty):
        z = tf.random.normal([batch, noise_dim])
        fake_labels = cluster_of(z, clusters) if clusters else None
        if reuse_fake and not simultaneous:
            # G(z) once: the D step reads it unrecorded, then the G step's pass of D (as updated) over it.
            with tf.GradientTape() as g_tape:
                fake = gen(z, training=True)
                with g_tape.stop_recording():
                    d_loss = d_step(real, labels, fake, fake_labels, penalty)
                fake_logits = D(fake, fake_labels)
                g_loss = tf.reduce_mean(bce(tf.ones_like(fake_logits), fake_logits))
            g_grads = g_tape.gradient(g_loss, gen.trainable_variables)
            g_opt.apply_gradients(zip(g_grads, gen.trainable_variables))
            average(z)
            return d_loss, g_loss
        with tf.GradientTape() as tape, tf.GradientTape() as g_tape:
            fake = gen(z, training=True)
            with tf.GradientTape() as r1_tape:
                r1_tape.watch(real)
                real_logits = D(real, labels)
            fake_logits = D(fake, fake_labels)
            d_loss = tf.reduce_mean(bce(tf.ones_like(real_logits), real_logits)) + tf.reduce_mean(
                bce(tf.zeros_like(fake_logits), fake_logits))
            if penalty > 0:
                grad = r1_tape.gradient(real_logits, real)
                d_loss += penalty / 2 * tf.reduce_mean(tf.reduce_sum(tf.square(grad), axis=1))
            if simultaneous:
                g_loss = tf.reduce_mean(bce(tf.ones_like(fake_logits), fake_logits))
        d_grads = tape.gradient(d_loss, disc.trainable_variables)
        if simultaneous:
            g_grads = g_tape.gradient(g_loss, gen.trainable_variables)
        d_opt.apply_gradients(zip(d_grads, disc.trainable_variables))
        if not simultaneous:
            with tf.GradientTape() as g_tape:
                fake_logits = D(gen(z, training=True), fake_labels)
                g_loss = tf.reduce_mean(bce(tf.ones_like(fake_logits), fake_logits))
            g_grads = g_tape.gradient(g_loss, gen.trainable_variables)
        g_opt.apply_gradients(zip(g_grads, gen.trainable_variables))
        average(z)
        return d_loss, g_loss

    def average(z):
        """The moving average of G, after G's update; with batch norm, then its own statistics on half of z."""
        if not ema:
            return
        decay = ema_decay
        if args.ema_warmup:
            decay = tf.minimum(ema_decay, (1.0 + ema_count) / (10.0 + ema_count))
            ema_count.assign_add(1.0)
        for avg, weight in zip(ema, averaged):
            avg.assign(decay * avg + (1 - decay) * weight)
        if ema_gen is not None:
            ema_gen(z[: max(1, batch // 2)], training=True)

    penalised = make_step(r1_gamma * r1_every)
    regular = make_step(0.0) if r1_gamma > 0 and r1_every > 1 else penalised
    rng = np.random.default_rng(0)
    count = [0]

    def step():
        train_step = penalised if count[0] % r1_every == 0 else regular
        count[0] += 1
        labels = rng.integers(0, clusters, batch).astype(np.int32) if clusters else None
        return train_step(x_train[rng.integers(0, len(x_train), batch)], labels)

    d, g = step()
    float(d)
    first = time.perf_counter() - START
    for _ in range(args.warmup):
        step()
    float(step()[0])
    if args.serve:
        serve(step, first)
        return
    repeats = []
    for _ in range(args.repeats):
        repeats.append(timed(step, args.iterations))
    print(json.dumps({
        "ms_per_iter": float(np.median(repeats)),
        "repeats": repeats,
        "first_iter_s": first,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "tensorflow": tf.__version__,
        "preset": args.preset,
    }))


def timed(step, n):
    t0 = time.perf_counter()
    for _ in range(n):
        out = step()
    float(out[0])
    return (time.perf_counter() - t0) * 1000.0 / n


def serve(step, first):
    print(json.dumps({"ready": True, "first_iter_s": first, "tensorflow": tf.__version__}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if words[:1] == ["run"] and len(words) == 2 and words[1].isdigit() and int(words[1]) > 0:
            print(json.dumps({"ms_per_iter": timed(step, int(words[1]))}), flush=True)
        elif words == ["quit"]:
            break
        else:
            sys.exit(f"expected 'run N' or 'quit', found {line.strip()!r}")
    print(json.dumps({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}), flush=True)


if __name__ == "__main__":
    main()

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


def read_images(path):
    with gzip.open(path, "rb") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x803:
            sys.exit(f"{path}: wrong magic {magic:#x}")
        return np.frombuffer(f.read(), np.uint8).reshape(n, rows * cols).astype(np.float32) / 255.0


def mlp(sizes, activations, name):
    return tf.keras.Sequential(
        [tf.keras.layers.Dense(u, activation=a) for u, a in zip(sizes, activations)], name=name)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True, help="train-images-idx3-ubyte.gz")
    p.add_argument("--warmup", type=int, default=100)
    p.add_argument("--iterations", type=int, default=200, help="per repeat")
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--serve", action="store_true", help="repeats driven from stdin (see above)")
    p.add_argument("--preset", choices=["article", "stable"], default="article")
    p.add_argument("--learning-rate", type=float, default=2e-4)
    p.add_argument("--g-learning-rate", type=float, default=0.0, help="G's own rate; 0: --learning-rate")
    p.add_argument("--beta1", type=float, default=0.9)
    p.add_argument("--beta2", type=float, default=0.999)
    p.add_argument("--lr-decay-rate", type=float, default=1.0)
    p.add_argument("--lr-decay-steps", type=int, default=1000)
    p.add_argument("--r1-gamma", type=float, default=0.0)
    p.add_argument("--r1-every", type=int, default=1)
    p.add_argument("--ema-decay", type=float, default=0.0)
    p.add_argument("--updates", choices=["alternating", "simultaneous"], default="alternating")
    args = p.parse_args()

    x_train = read_images(args.data)
    leaky = lambda x: tf.nn.leaky_relu(x, 0.2)  # noqa: E731
    gen = mlp([128, 256, 784], [leaky, leaky, "sigmoid"], "generator")
    disc = mlp([256, 128, 1], [leaky, leaky, None], "discriminator")
    gen.build((None, 100))
    disc.build((None, 784))
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
    ema = [tf.Variable(v) for v in gen.trainable_variables] if ema_decay > 0 else []
    bce = tf.nn.sigmoid_cross_entropy_with_logits

    def make_step(penalty):
        """One iteration; penalty is the R1 weight it applies (0: none)."""
        return tf.function(lambda real: iteration(real, penalty))

    def iteration(real, penalty):
        z = tf.random.normal([128, 100])
        with tf.GradientTape() as tape, tf.GradientTape() as g_tape:
            fake = gen(z)
            with tf.GradientTape() as r1_tape:
                r1_tape.watch(real)
                real_logits = disc(real)
            fake_logits = disc(fake)
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
                fake_logits = disc(gen(z))
                g_loss = tf.reduce_mean(bce(tf.ones_like(fake_logits), fake_logits))
            g_grads = g_tape.gradient(g_loss, gen.trainable_variables)
        g_opt.apply_gradients(zip(g_grads, gen.trainable_variables))
        for average, weight in zip(ema, gen.trainable_variables):
            average.assign(ema_decay * average + (1 - ema_decay) * weight)
        return d_loss, g_loss

    penalised = make_step(r1_gamma * r1_every)
    regular = make_step(0.0) if r1_gamma > 0 and r1_every > 1 else penalised
    rng = np.random.default_rng(0)
    count = [0]

    def step():
        train_step = penalised if count[0] % r1_every == 0 else regular
        count[0] += 1
        return train_step(x_train[rng.integers(0, len(x_train), 128)])

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

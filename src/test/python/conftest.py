"""Fixtures: the built CLI, the committed models, and models freshly exported by a tiny Java run."""

import gzip
import os
import struct
import subprocess
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[3]
JAR = ROOT / "target" / "gan.jar"
COMMITTED = ROOT / "savedmodels"


def java(*args, cwd=ROOT):
    """Runs `java -jar target/gan.jar ARGS`, failing with its output if it exits non-zero."""
    if not JAR.is_file():
        pytest.fail(f"{JAR} is missing: build it first (mvn package)")
    result = subprocess.run(
        ["java", "-jar", str(JAR), *map(str, args)], cwd=cwd, capture_output=True, text=True
    )
    assert result.returncode == 0, f"gan {args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def write_idx(directory: Path, images_u8: np.ndarray, labels: np.ndarray):
    """Writes MNIST-style gzip IDX files (the names `train --data` looks for)."""
    directory.mkdir(parents=True, exist_ok=True)
    n = images_u8.shape[0]
    with gzip.open(directory / "train-images-idx3-ubyte.gz", "wb") as f:
        f.write(struct.pack(">IIII", 0x803, n, 28, 28))
        f.write(images_u8.astype(np.uint8).tobytes())
    with gzip.open(directory / "train-labels-idx1-ubyte.gz", "wb") as f:
        f.write(struct.pack(">II", 0x801, n))
        f.write(labels.astype(np.uint8).tobytes())


@pytest.fixture(scope="session")
def fresh_run(tmp_path_factory):
    """A 30-iteration Java run on synthetic bars; returns its run directory."""
    base = tmp_path_factory.mktemp("fresh")
    rng = np.random.default_rng(0)
    images = np.zeros((256, 28, 28), np.uint8)
    labels = rng.integers(0, 2, 256)
    for k in range(256):
        off = rng.integers(8, 20)
        if labels[k] == 0:
            images[k, off : off + 3, 4:24] = 255
        else:
            images[k, 4:24, off : off + 3] = 255
    write_idx(base / "data", images.reshape(256, 784), labels)
    run = base / "run"
    java("train", "--data", base / "data", "--iterations", 30, "--batch-size", 32,
         "--log-every", 10, "--sample-every", 15, "--checkpoint-every", 10, "--out", run)
    return run


MODEL_SETS = ["committed", "committed-article", "fresh"]


@pytest.fixture(params=MODEL_SETS)
def models(request, fresh_run):
    """(generator_dir, discriminator_dir) of the committed models (the stable preset's, then the
    article's), then of a fresh export."""
    if request.param == "committed":
        base = COMMITTED
    elif request.param == "committed-article":
        base = COMMITTED / "article"
    else:
        base = fresh_run / "savedmodels"
    gen, disc = base / "generator" / "1", base / "discriminator" / "1"
    assert (gen / "saved_model.pb").is_file(), gen
    assert (disc / "saved_model.pb").is_file(), disc
    return gen, disc


def run_docs_snippet(section, tmp_path):
    """Runs the first ```python block after the heading `section` of docs/python.md, from a directory
    holding `savedmodels/` (a link to the committed models); returns the finished process."""
    import re
    import subprocess
    import sys

    page = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    assert section in page, f"docs/python.md has the heading {section!r}"
    snippet = re.search(r"```python\n(.*?)```", page.split(section, 1)[1], re.S).group(1)
    (tmp_path / "savedmodels").symlink_to(COMMITTED)
    result = subprocess.run([sys.executable, "-c", snippet], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return result

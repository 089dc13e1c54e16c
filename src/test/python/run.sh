#!/usr/bin/env bash
# Runs the Python suite against the built jar and the exported models. Called by `mvn verify`
# (integration-test phase), after the Java tests and the jar. Creates .venv with tensorflow-cpu.
set -euo pipefail
cd "$(dirname "$0")/../../.."
VENV="${GAN_VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "python tests: creating $VENV"
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import tensorflow, pytest, numpy, tensorboard, tf2onnx, onnxruntime" >/dev/null 2>&1; then
  echo "python tests: installing src/test/python/requirements.txt into $VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -r src/test/python/requirements.txt
fi
export TF_CPP_MIN_LOG_LEVEL=2
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider src/test/python "$@"

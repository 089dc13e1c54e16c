#!/usr/bin/env bash
# The model server against TensorFlow in Python: `gan serve` on the shipped savedmodels, answers
# compared with tf.saved_model.load. Called by `mvn -f serve/pom.xml verify` (integration-test
# phase, after serve/target/gan-serve.jar is built). Uses the root's .venv (the root's
# `mvn install -Ppython` creates it), adding `requests` to it if missing; without it, skips loudly.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="$(cd .. && pwd)"
VENV="${GAN_VENV:-$root/.venv}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import tensorflow, pytest, numpy" >/dev/null 2>&1; then
  echo "serve python tests: SKIPPED: no $VENV with tensorflow (run 'mvn install -Ppython' in $root first)"
  exit 0
fi
if ! "$VENV/bin/python" -c "import requests" >/dev/null 2>&1; then
  echo "serve python tests: installing requests into $VENV"
  "$VENV/bin/python" -m pip install -q requests
fi
export TF_CPP_MIN_LOG_LEVEL=2
exec "$VENV/bin/python" -m pytest -q -p no:cacheprovider src/test/python "$@"

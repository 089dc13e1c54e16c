#!/usr/bin/env bash
# Throughput of `generate` on Spark against the single-JVM command line, on one machine:
#
#   spark/ci/throughput.sh [N]      (default N = 100000 samples of the shipped MNIST generator)
#
# A standalone cluster on 127.0.0.1 (two one-core workers, as cluster-test.sh) runs the job with
# 1 executor (spark.cores.max=1) and with 2; `bin/gan generate` runs the same count in one JVM.
# Each runner also generates a handful of samples, whose wall time is its fixed cost: JVM and
# executor start-up, shipping the job jar, loading TensorFlow and the model, writing the output's
# metadata. samples/s counts the whole wall time; "after start-up" subtracts the fixed cost.
# Outputs go to runs/spark-throughput (replaced on each run); the table goes to
# runs/spark-throughput/throughput.md. Compare figures only within one run of this script.
set -euo pipefail
WORK=spark-throughput
source "$(dirname "$0")/cluster.sh"
n="${1:-100000}"
start_cluster 2
echo "throughput: master and two workers up (pids ${pids[*]}); $n samples per run"

now() { date +%s.%N; }
timed() { # timed VAR COMMAND...: wall seconds of COMMAND into VAR
  local var="$1" t0 t1
  shift
  t0=$(now)
  "$@"
  t1=$(now)
  printf -v "$var" '%s' "$(awk "BEGIN { print $t1 - $t0 }")"
}
rows=()
for e in 1 2; do
  SUBMIT_OPTS="--conf spark.cores.max=$e"
  timed small submit "$master" "$work/small-$e.log" generate --model savedmodels/generator \
    --count $((2 * e)) --partitions $((2 * e)) --out "$work/small-$e"
  timed full submit "$master" "$work/full-$e.log" generate --model savedmodels/generator \
    --count "$n" --partitions $((4 * e)) --out "$work/full-$e"
  grep -q "^generate: wrote $n samples" "$work/full-$e.log" || { tail "$work/full-$e.log"; exit 1; }
  rows+=("spark-submit, $e executor(s) of 1 core|$full|$small")
done
SUBMIT_OPTS=""
timed small bin/gan generate --model savedmodels/generator --count 2 --out "$work/cli-small.npy"
timed full bin/gan generate --model savedmodels/generator --count "$n" --out "$work/cli-full.npy"
rows+=("bin/gan generate (one JVM)|$full|$small")

{
  echo "| runner | wall s for $n | samples/s | fixed cost s | samples/s after start-up |"
  echo "| --- | --- | --- | --- | --- |"
  for r in "${rows[@]}"; do
    IFS='|' read -r name full small <<<"$r"
    printf '| %s | %.1f | %.0f | %.1f | %.0f |\n' "$name" "$full" "$(awk "BEGIN { print $n / $full }")" \
      "$small" "$(awk "BEGIN { print $n / ($full - $small) }")"
  done
} | tee "$work/throughput.md"

#!/usr/bin/env bash
# The Spark jobs on a real standalone cluster on 127.0.0.1: a master and two workers (one core
# each) from the Spark runtime that PyPI's pyspark ships, both jobs submitted with spark-submit,
# their rows checked (count, ids, determinism against a local[1] run and against `bin/gan
# generate`/`score`), one worker killed while a job runs (the job must still write exactly N
# distinct ids), then the cluster stopped by its process ids.
#
# Needs: target/gan.jar (bin/gan) and spark/target/gan-spark.jar built (`mvn install` in the root,
# then `mvn -f spark/pom.xml verify`). Creates spark/.venv (pyspark, numpy, pyarrow) if missing.
# Ports: 7077 (master), 8080 (master UI), 8081 and 8082 (workers' UIs); SPARK_PORT and
# SPARK_UI_PORT move them. Work files go to runs/spark-cluster-test (replaced on each run).
# Takes about 4 minutes on a shared 2-core machine.
set -euo pipefail
WORK=spark-cluster-test
source "$(dirname "$0")/cluster.sh"

start=$SECONDS
start_cluster 2
echo "cluster-test: master and two workers up after $((SECONDS - start)) s (pids ${pids[*]})"

n=10000
seed=5
submit "$master" "$work/generate-cluster.log" generate --model savedmodels/generator --count $n \
  --seed $seed --partitions 6 --out "$work/cluster-gen" || { tail -30 "$work/generate-cluster.log"; exit 1; }
grep "^generate: wrote" "$work/generate-cluster.log"
submit "local[1]" "$work/generate-local.log" generate --model savedmodels/generator --count $n \
  --seed $seed --partitions 1 --out "$work/local-gen" || { tail -30 "$work/generate-local.log"; exit 1; }
bin/gan generate --model savedmodels/generator --count $n --seed $seed --out "$work/cli.npy"
check ids "$work/cluster-gen" $n
check same "$work/cluster-gen" "$work/local-gen"
check npy "$work/cluster-gen" "$work/cli.npy"

submit "$master" "$work/score-cluster.log" score --model savedmodels/discriminator \
  --data "$work/cluster-gen" --partitions 4 --out "$work/cluster-scores" || { tail -30 "$work/score-cluster.log"; exit 1; }
grep "^score: wrote" "$work/score-cluster.log"
bin/gan score --model savedmodels/discriminator --images "$work/cli.npy" --out "$work/cli-scores.npy"
check scores "$work/cluster-scores" "$work/cli-scores.npy"

# Bad input fails on the driver with the library's message, exit status 2, before any task.
set +e
submit "$master" "$work/bad.log" generate --model "$work/no-such-model" --count 5 --out "$work/never"
status=$?
set -e
grep -q "gan-spark generate: --model $work/no-such-model: expected a SavedModel directory" "$work/bad.log" \
  || { echo "cluster-test: the driver did not report the missing model"; tail "$work/bad.log"; exit 1; }
[ "$status" = 2 ] || { echo "cluster-test: expected exit status 2 for a missing model, found $status"; exit 1; }
! grep -q "Starting task" "$work/bad.log" || { echo "cluster-test: tasks ran for a missing model"; exit 1; }
echo "cluster-test: a missing model fails on the driver (status 2): $(grep 'gan-spark generate:' "$work/bad.log")"

# Kill worker 2 (and its executor) while a job runs: the job must still complete, every id once.
big=60000
submit "$master" "$work/generate-kill.log" generate --model savedmodels/generator --count $big \
  --seed $seed --partitions 20 --out "$work/kill-gen" &
job=$!
wait_for 120 "tasks finished on worker 2's executor" bash -c \
  "ls -d '$work'/worker2/app-*/* >/dev/null 2>&1 && [ \$(grep -c 'Finished task' '$work/generate-kill.log') -ge 3 ]"
executor_pids=$(pgrep -P "$worker2_pid" | tr '\n' ' ' || true)
echo "cluster-test: killing worker 2 (pid $worker2_pid) and its executor (pid $executor_pids) after $(grep -c 'Finished task' "$work/generate-kill.log") finished tasks"
kill -9 $executor_pids "$worker2_pid"
wait "$job" || { echo "cluster-test: the job failed after a worker was lost"; tail -30 "$work/generate-kill.log"; exit 1; }
grep -qE "worker lost|Lost executor" "$work/generate-kill.log" \
  || { echo "cluster-test: the driver never saw the executor go"; exit 1; }
attempts=$(grep -c "Starting task" "$work/generate-kill.log")
echo "cluster-test: the driver lost worker 2's executor; $attempts task attempts for 20 partitions"
check ids "$work/kill-gen" $big
check same "$work/cluster-gen" "$work/kill-gen"
echo "cluster-test: OK in $((SECONDS - start)) s"

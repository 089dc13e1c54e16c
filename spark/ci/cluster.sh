# Sourced by cluster-test.sh and throughput.sh: a Spark standalone cluster on 127.0.0.1 from the
# Spark runtime of PyPI's pyspark (in spark/.venv), started and stopped by process id.
# Defines: root, work (set WORK first), jar, master, check, submit, start_cluster N, stop_cluster.
# Ports: 7077 (master), 8080 (master UI), 8081+ (workers' UIs); SPARK_PORT and SPARK_UI_PORT move
# them.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root="$PWD"
venv="$root/spark/.venv"
pyspark_version="4.2.0" # the Spark version spark/pom.xml compiles against
port="${SPARK_PORT:-7077}"
ui="${SPARK_UI_PORT:-8080}"
work="$root/runs/$WORK"
jar="$root/spark/target/gan-spark.jar"
master="spark://127.0.0.1:$port"

for f in "$root/target/gan.jar" "$jar"; do
  [ -f "$f" ] || { echo "${WORK}: $f not found; build it first (mvn install; mvn -f spark/pom.xml verify)"; exit 1; }
done
if ! "$venv/bin/python" -c "import pyspark, numpy, pyarrow; assert pyspark.__version__ == '$pyspark_version'" 2>/dev/null; then
  echo "$WORK: installing pyspark==$pyspark_version, numpy and pyarrow into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pyspark==$pyspark_version" numpy pyarrow
fi
SPARK_HOME="$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
export SPARK_HOME SPARK_LOCAL_IP=127.0.0.1 SPARK_MASTER_HOST=127.0.0.1
export SPARK_LOG_DIR="$work/logs" SPARK_PID_DIR="$work/pids"
check() { "$venv/bin/python" "$root/spark/ci/check_rows.py" "$@"; }

rm -rf "$work"
mkdir -p "$work/logs"
pids=()
stop_cluster() {
  for pid in "${pids[@]}"; do
    # the process and the executors it started (its children)
    for child in $(pgrep -P "$pid" 2>/dev/null || true); do kill "$child" 2>/dev/null || true; done
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  done
  pids=()
}
trap stop_cluster EXIT

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local deadline=$((SECONDS + $1)) what="$2"
  shift 2
  until "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "$WORK: timed out waiting for $what"; exit 1; fi
    sleep 0.5
  done
}

start_cluster() { # start_cluster WORKERS: a master and WORKERS one-core workers
  "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port "$ui" >"$work/logs/master.log" 2>&1 &
  pids+=($!)
  wait_for 60 "the master" grep -qs "I have been elected leader" "$work/logs/master.log"
  for ((w = 1; w <= $1; w++)); do
    "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --cores 1 --memory 2g --webui-port $((ui + w)) --work-dir "$work/worker$w" \
      "$master" >"$work/logs/worker$w.log" 2>&1 &
    pids+=($!)
    eval "worker${w}_pid=$!"
  done
  wait_for 60 "$1 workers" bash -c "[ \$(grep -c 'Registering worker' '$work/logs/master.log') -ge $1 ]"
}

submit() { # submit MASTER LOG JOB-ARGS...: spark-submit the job jar, its driver log to LOG
  local m="$1" log="$2"
  shift 2
  "$SPARK_HOME/bin/spark-submit" --master "$m" --class io.github.tfgan.spark.GanSpark \
    --conf spark.executor.cores=1 --conf spark.executor.memory=1g --driver-memory 1g \
    --conf spark.ui.enabled=false ${SUBMIT_OPTS:-} "$jar" "$@" >"$log" 2>&1
}

#!/usr/bin/env bash
# Brings a three-node cluster up on this machine behind HAProxy, or down again.
#   examples/cluster/cluster.sh up      nodes on :8081-8083, HAProxy on :9080 (stats on :9000/stats)
#   examples/cluster/cluster.sh down
#   examples/cluster/cluster.sh restart-rolling   SIGTERM each node in turn and start it again
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run="$root/target/cluster"
mkdir -p "$run"

start_node() {
  local i=$1
  "$root/bin/krakend" run -c "$here/krakend.json" -p "808$i" >"$run/n$i.log" 2>&1 &
  echo $! >"$run/n$i.pid"
}

wait_balanced() {
  local i=$1
  for _ in $(seq 1 100); do
    [ "$(curl -s 'http://127.0.0.1:9000/stats;csv' | awk -F, -v s="n$i" '$1=="nodes" && $2==s {print $18}')" = UP ] && return 0
    sleep 0.1
  done
  echo "HAProxy did not take node $i back" >&2
  return 1
}

wait_up() {
  local i=$1
  for _ in $(seq 1 200); do
    curl -sf "http://127.0.0.1:808$i/__health" >/dev/null && return 0
    sleep 0.05
  done
  echo "node $i did not come up; see $run/n$i.log" >&2
  return 1
}

case "${1:-}" in
  up)
    command -v haproxy >/dev/null || { echo "install haproxy first (apt-get install -y haproxy)" >&2; exit 1; }
    for i in 1 2 3; do start_node "$i"; done
    for i in 1 2 3; do wait_up "$i"; done
    haproxy -f "$here/haproxy.cfg" -db >"$run/haproxy.log" 2>&1 &
    echo $! >"$run/haproxy.pid"
    for i in 1 2 3; do wait_balanced "$i"; done
    echo "cluster up: http://127.0.0.1:9080/hello/world (stats: http://127.0.0.1:9000/stats)"
    ;;
  restart-rolling)
    for i in 1 2 3; do
      kill -TERM "$(cat "$run/n$i.pid")"
      while kill -0 "$(cat "$run/n$i.pid")" 2>/dev/null; do sleep 0.1; done
      start_node "$i"
      wait_up "$i"
      wait_balanced "$i"   # before the next node goes, HAProxy must have this one back
    done
    ;;
  down)
    pids=()
    for f in "$run"/*.pid; do
      [ -f "$f" ] || continue
      pid=$(cat "$f")
      kill -TERM "$pid" 2>/dev/null && pids+=("$pid")
      rm -f "$f"
    done
    # nodes drain before they exit: wait for them (bounded)
    for pid in "${pids[@]}"; do
      for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    ;;
  *)
    echo "usage: $0 up|down|restart-rolling" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Brings a three-node cluster up on this machine behind HAProxy, or down again.
#   examples/cluster/cluster.sh up      nodes on :8081-8083 (metrics on :9091-9093), HAProxy on :9080 (stats on
#                                       :9000/stats), and, when `prometheus` is installed, Prometheus on :9090
#                                       scraping every node (prometheus.yml)
#   examples/cluster/cluster.sh down    stops all of them
#   examples/cluster/cluster.sh restart-rolling   SIGTERM each node in turn and start it again
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
run="$root/target/cluster"
mkdir -p "$run"

start_node() {
  local i=$1
  # one file for all nodes; on one host each needs its own listen and metrics port
  "$root/bin/krakend" run -c "$here/krakend.json" -p "808$i" --metrics-port "909$i" >"$run/n$i.log" 2>&1 &
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

wait_prometheus() {
  for _ in $(seq 1 300); do
    curl -sf http://127.0.0.1:9090/-/ready >/dev/null && return 0
    sleep 0.1
  done
  echo "Prometheus did not come up; see $run/prometheus.log" >&2
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
    if command -v prometheus >/dev/null; then
      prometheus --config.file="$here/prometheus.yml" --storage.tsdb.path="$run/prometheus" \
        --web.listen-address=127.0.0.1:9090 >"$run/prometheus.log" 2>&1 &
      echo $! >"$run/prometheus.pid"
      wait_prometheus
      echo "metrics: Prometheus on http://127.0.0.1:9090 scrapes the nodes on :9091-9093, e.g." \
        "sum(rate(http_server_request_duration_seconds_count[1m]))"
    else
      echo "metrics: each node on :9091-9093/metrics (install prometheus to have them scraped and added up)"
    fi
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
    # nodes drain before they exit, Prometheus closes its database: wait for them (bounded)
    for pid in "${pids[@]}"; do
      for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    ;;
  *)
    echo "usage: $0 up|down|restart-rolling" >&2
    echo "  up: 3 nodes on :8081-8083 (metrics :9091-9093), HAProxy on :9080 (stats :9000/stats), and Prometheus" >&2
    echo "      on :9090 scraping the nodes with $here/prometheus.yml when prometheus is installed" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# One command for the side-by-side benchmark: bench/run.sh   (about 12 minutes on 2 cores)
# Environment: BENCH_SECONDS (per round, default 3), BENCH_ROUNDS (default 3), BENCH_SMOKE=1 (a fast run that
# checks the harness works, for CI; its numbers mean nothing and are not written to bench/results/).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v gnuplot >/dev/null 2>&1 || need+=(gnuplot-nox)
command -v taskset >/dev/null 2>&1 || need+=(util-linux)
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v caddy >/dev/null 2>&1 || need+=(caddy)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
[ -f target/kgw.jar ] || ./mvnw -q -B -DskipTests package
exec python3 bench/bench.py "$@"

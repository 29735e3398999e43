#!/usr/bin/env bash
# The test command: installs what the integration tests drive for real (Debian's haproxy, prometheus, influxdb and
# redis-server), then
# runs the unit and integration tests. Safe to run again; it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")"
need=()
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
command -v influxd >/dev/null 2>&1 || need+=(influxdb)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi
exec ./mvnw -B -ntp verify "$@"

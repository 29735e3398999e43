#!/usr/bin/env bash
# The hardening attacks against one node on loopback (about 2 minutes): bench/attack.sh
# Writes bench/results/attacks.md; exits 1 if the node died or did not serve at once after an attack.
# ATTACK_QUICK=1: a tenth of the crowds, for a smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/kgw.jar ] || ./mvnw -q -B -DskipTests package
exec python3 bench/attack.py "$@"

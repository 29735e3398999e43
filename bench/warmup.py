#!/usr/bin/env python3
"""Warm-up curves of a cold node under different JVMs and flags, in one run (see bench/README.md).

    bench/warmup.py [name=ENV=VALUE[;ENV=VALUE...] ...]

Without arguments it compares the launcher's defaults with a few variants. Each variant starts a fresh node with
bin/krakend (the environment given added: JAVA_HOME picks the JVM, KGW_JVM_FLAGS adds flags to the launcher's),
puts 64 connections on the JSON endpoint of bench (b) from its first request, and records req/s in each second.
The launcher's one-off archive recording runs before the clock starts. Backend: one nginx, as in bench.py.
"""
import os, shutil, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

SECONDS = int(os.environ.get("WARMUP_SECONDS", "30"))
JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64"

DEFAULT_VARIANTS = [
    ("jdk17 launcher defaults", {}),
    ("jdk17 C1 only (TieredStopAtLevel=1)", {"KGW_JVM_FLAGS": "-XX:TieredStopAtLevel=1"}),
    ("jdk25 launcher defaults", {"JAVA_HOME": JDK25}),
]


def parse(arg):
    name, _, spec = arg.partition("=")
    env = {}
    for kv in filter(None, spec.split(";")):
        k, _, v = kv.partition("=")
        env[k] = v
    return name, env


def curve_of(tmp, name, env, log):
    cfg = os.path.join(tmp, "node.json")
    full = dict(os.environ, **env)
    if "JAVA_HOME" in env:
        full["PATH"] = os.path.join(env["JAVA_HOME"], "bin") + os.pathsep + os.environ["PATH"]
    launcher = os.path.join(bench.ROOT, "bin", "krakend")
    subprocess.run([launcher, "version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=full, check=True)
    t0 = time.time()
    proc = subprocess.Popen(bench.PIN_SERVERS + [launcher, "run", "-c", cfg], stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, env=full)
    try:
        bench.wait_ok("http://127.0.0.1:%d/__health" % bench.NODE_COLD, time.time() + 60, proc)
        ready = time.time() - t0
        curve = bench.warmup_curve("http://127.0.0.1:%d/json" % bench.NODE_COLD, SECONDS)
        rss = bench.rss_mb(proc.pid)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    return ready, curve, rss


def main():
    variants = [parse(a) for a in sys.argv[1:]] or DEFAULT_VARIANTS
    tmp = tempfile.mkdtemp(prefix="kgw-warmup-")
    os.chmod(tmp, 0o755)
    www = os.path.join(tmp, "www")
    os.makedirs(www)
    bench.payloads(www)
    with open(os.path.join(tmp, "backend.conf"), "w") as f:
        f.write(bench.backend_conf(tmp, www))
    import json
    with open(os.path.join(tmp, "node.json"), "w") as f:
        json.dump(bench.node_config(bench.NODE_COLD), f)
    log = open(os.path.join(tmp, "servers.log"), "w")
    backend = subprocess.Popen(bench.PIN_SERVERS + ["nginx", "-c", os.path.join(tmp, "backend.conf")], stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    results = []
    try:
        bench.wait_ok("http://127.0.0.1:%d/small.json" % bench.BACKEND, time.time() + 10)
        for name, env in variants:
            ready, curve, rss = curve_of(tmp, name, env, log)
            steady = sum(curve[-5:]) / min(5, len(curve))
            results.append((name, ready, curve, steady, rss))
            print("%-40s ready %.2f s, steady %.0f req/s, 90%% in second %s, RSS %.0f MB: %s" % (
                name, ready, steady, bench.time_to(curve, 0.9, steady), rss,
                " ".join("%.0f" % c for c in curve)), flush=True)
    finally:
        os.killpg(backend.pid, signal.SIGTERM)
        backend.wait(15)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)
    best = max(r[3] for r in results)
    print("\n| variant | ready s | steady req/s (last 5 s) | 90% of own steady, second | 90% of best steady, "
          "second | RSS MB | first 10 s, req/s |")
    print("|---|---|---|---|---|---|---|")
    for name, ready, curve, steady, rss in results:
        print("| %s | %.2f | %.0f | %s | %s | %.0f | %s |" % (
            name, ready, steady, bench.time_to(curve, 0.9, steady), bench.time_to(curve, 0.9, best), rss,
            " ".join("%.0f" % c for c in curve[:10])))


if __name__ == "__main__":
    main()

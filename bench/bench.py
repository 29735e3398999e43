#!/usr/bin/env python3
"""Side-by-side benchmark of the node against plain reverse proxies (see bench/README.md).

Everything runs on 127.0.0.1: one nginx serves static JSON files (the backend); nginx (the baseline), HAProxy
(a second C proxy) and Caddy (Go's net/http, the stack KrakenD is built on) proxy to it with upstream keep-alive;
the node runs with bin/krakend and its default JVM flags. wrk is pinned to core 0, the servers to core 1. For
each scenario and connection count: a warm-up of each side, then interleaved rounds (node, nginx, haproxy, caddy,
node, ...) so that drift hits all alike. Then a cold node's warm-up curve: req/s in each of its first 30 seconds.
"""
import datetime, json, os, platform, re, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "bench")
SMOKE = os.environ.get("BENCH_SMOKE") == "1"
SECONDS = int(os.environ.get("BENCH_SECONDS", "1" if SMOKE else "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "1" if SMOKE else "3"))
WARMUP = 1 if SMOKE else 2
ONLY = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))  # e.g. BENCH_ONLY=a,b while tuning
CONNECTIONS = [16, 64]
BACKEND, BASELINE, HAPROXY, CADDY, NODE, NODE10K, NODE_OBSERVED, NODE_COLD = 18001, 18002, 18003, 18004, 18080, 18081, 18082, 18083
# the peers measured beside the node, in each round's order; nginx is the one every ratio is taken against
PEERS = [p for p in os.environ.get("BENCH_PEERS", "nginx,haproxy,caddy").split(",") if p]
PEER_PORTS = {"nginx": BASELINE, "haproxy": HAPROXY, "caddy": CADDY}
WARMUP_CURVE_SECONDS = 5 if SMOKE else 30
METRICS, STATS = 18090, 18091  # the observed node's Prometheus and /__stats listeners
CORES = os.cpu_count() or 1
PIN_LOAD = ["taskset", "-c", "0"] if CORES > 1 else []
PIN_SERVERS = ["taskset", "-c", "1"] if CORES > 1 else []


def payloads(www):
    """0.5 KB object, 5 KB object with a nested array, 50 KB object: deterministic content."""
    small = {"id": 42, "name": "kgw", "active": True, "tags": ["a", "b"], "text": "x" * 400}
    medium = {"id": 7, "title": "order", "customer": {"id": 1, "name": "Ada", "city": "London"},
              "items": [{"sku": "sku-%03d" % i, "qty": i, "price": i * 1.5, "note": "n" * 40} for i in range(45)]}
    large = {"id": 9, "rows": [{"k": i, "v": "v" * 80, "flag": i % 2 == 0} for i in range(480)]}
    sizes = {}
    for name, obj in (("small", small), ("small2", dict(small, id=43)), ("medium", medium), ("large", large)):
        data = json.dumps(obj, separators=(",", ":")).encode()
        with open(os.path.join(www, name + ".json"), "wb") as f:
            f.write(data)
        sizes[name] = len(data)
    return sizes


def nginx_conf(tmp, name, server):
    """One nginx (one worker) per role, so the baseline proxy and the backend are separate processes,
    exactly as the node and the backend are: both paths pay the same hop between processes."""
    return """worker_processes 1;
daemon off;
pid %(tmp)s/%(name)s.pid;
error_log %(tmp)s/%(name)s-error.log;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 10000000;
  default_type application/json;
  %(server)s
}
""" % {"tmp": tmp, "name": name, "server": server}


def backend_conf(tmp, www):
    # /v1/ takes the observed node's OTLP/HTTP exports (an empty 200 is a valid empty export response)
    # /cached/ is the same files with a lifetime, for the node's HTTP cache (i)
    return nginx_conf(tmp, "backend", "server { listen 127.0.0.1:%d; root %s; location /v1/ { return 200; } "
                      "location /cached/ { alias %s/; add_header Cache-Control \"max-age=3600\"; } }" % (
                          BACKEND, www, www))


def proxy_conf(tmp):
    return nginx_conf(tmp, "proxy", """upstream backend { server 127.0.0.1:%d; keepalive 256; }
  server {
    listen 127.0.0.1:%d;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }""" % (BACKEND, BASELINE))


def haproxy_conf(tmp):
    """HAProxy's defaults (http-reuse safe keeps upstream connections alive), one thread, no logs."""
    return """global
  nbthread 1
  maxconn 8000
  pidfile %s/haproxy.pid
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend fe
  bind 127.0.0.1:%d
  default_backend be
backend be
  server backend 127.0.0.1:%d
""" % (tmp, HAPROXY, BACKEND)


def caddyfile():
    """Caddy's reverse_proxy with its defaults (keep-alive upstream); no admin API, no automatic HTTPS, no logs."""
    return """{
  admin off
  auto_https off
}
http://127.0.0.1:%d {
  bind 127.0.0.1
  reverse_proxy 127.0.0.1:%d
}
""" % (CADDY, BACKEND)


def start_peers(tmp, log, procs):
    """Starts the backend and the peers, adding each process to `procs` at once so a failure still stops them."""
    for conf in ("backend.conf", "proxy.conf"):
        procs.append(subprocess.Popen(PIN_SERVERS + ["nginx", "-c", os.path.join(tmp, conf)], stdout=log,
                                      stderr=subprocess.STDOUT, start_new_session=True))
    if "haproxy" in PEERS:
        with open(os.path.join(tmp, "haproxy.cfg"), "w") as f:
            f.write(haproxy_conf(tmp))
        procs.append(subprocess.Popen(PIN_SERVERS + ["haproxy", "-db", "-f", os.path.join(tmp, "haproxy.cfg")],
                                      stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
    if "caddy" in PEERS:
        with open(os.path.join(tmp, "Caddyfile"), "w") as f:
            f.write(caddyfile())
        env = dict(os.environ, XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp, HOME=tmp)
        procs.append(subprocess.Popen(PIN_SERVERS + ["caddy", "run", "--adapter", "caddyfile", "--config",
                                                     os.path.join(tmp, "Caddyfile")],
                                      stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env=env))
    for peer in PEERS:
        wait_ok("http://127.0.0.1:%d/small.json" % PEER_PORTS[peer], time.time() + 15)


def node_config(port, extra_endpoints=0, observed=False, jwks=None):
    host = ["http://127.0.0.1:%d" % BACKEND]
    endpoints = [
        {"endpoint": "/noop", "output_encoding": "no-op",
         "backend": [{"host": host, "url_pattern": "/small.json", "encoding": "no-op"}]},
        {"endpoint": "/json", "backend": [{"host": host, "url_pattern": "/small.json"}]},
        {"endpoint": "/merge", "backend": [{"host": host, "url_pattern": "/small.json", "group": "a"},
                                           {"host": host, "url_pattern": "/small2.json", "group": "b"}]},
        {"endpoint": "/filter", "backend": [{"host": host, "url_pattern": "/medium.json",
                                             "allow": ["id", "customer.name", "items"]}]},
        {"endpoint": "/large", "backend": [{"host": host, "url_pattern": "/large.json"}]},
    ]
    # (i): the JSON endpoint of (b) with its answer held by qos/http-cache (it never goes upstream once warm);
    # (j): the JSON endpoint of (b) behind a closed circuit breaker
    endpoints.append({"endpoint": "/cached", "backend": [{"host": host, "url_pattern": "/cached/small.json",
                      "extra_config": {"qos/http-cache": {"max_items": 1000, "max_size": 1 << 20}}}]})
    endpoints.append({"endpoint": "/breaker", "backend": [{"host": host, "url_pattern": "/small.json",
                      "extra_config": {"qos/circuit-breaker": {"interval": 60, "timeout": 10, "max_errors": 5}}}]})
    if jwks:
        # (h): the JSON endpoint of (b) behind an RS256 validator with a local key set
        endpoints.append({"endpoint": "/jwt", "backend": [{"host": host, "url_pattern": "/small.json"}],
                          "extra_config": {"auth/validator": {"alg": "RS256", "jwk_local_path": jwks,
                                                              "audience": ["api"], "issuer": "https://bench",
                                                              "roles": ["user"]}}})
    for i in range(extra_endpoints):
        endpoints.append({"endpoint": "/api/v1/resource%d/{id}" % i,
                          "backend": [{"host": host, "url_pattern": "/small.json"}]})
    # production logging, as nginx's access_log off: WARNING and above, so no access log
    extra = {"telemetry/logging": {"level": "WARNING"}}
    if observed:
        # what a production node reports: Prometheus, OTLP metrics, one trace in ten over OTLP, /__stats
        extra["telemetry/opentelemetry"] = {
            "trace_sample_rate": 0.1, "metric_reporting_period": 5,
            "exporters": {"prometheus": [{"name": "scrape", "port": METRICS}],
                          "otlp": [{"name": "collector", "host": "127.0.0.1", "port": BACKEND, "use_http": True}]}}
        extra["telemetry/metrics"] = {"listen_address": "127.0.0.1:%d" % STATS}
    return {"version": 3, "port": port, "timeout": "3s", "extra_config": extra, "endpoints": endpoints}


def wait_ok(url, deadline, proc=None):
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            raise SystemExit("process exited while starting: %s" % url)
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.005)
    raise SystemExit("not ready in time: %s" % url)


def start_node(cfg_path, port, log, probe="/json"):
    # the launcher's one-off class-data-sharing training must not count as start-up
    subprocess.run([os.path.join(ROOT, "bin", "krakend"), "version"], stdout=subprocess.DEVNULL, check=True)
    t0 = time.time()
    proc = subprocess.Popen(PIN_SERVERS + [os.path.join(ROOT, "bin", "krakend"), "run", "-c", cfg_path],
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    wait_ok("http://127.0.0.1:%d%s" % (port, probe), time.time() + 60, proc)
    return proc, time.time() - t0


def java_pid(proc):
    """bin/krakend execs java, so the launcher's pid is the JVM's."""
    return proc.pid


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wrk(url, conns, seconds, headers=()):
    hs = [a for h in headers for a in ("-H", h)]
    out = subprocess.run(PIN_LOAD + ["wrk", "-t1", "-c%d" % conns, "-d%ds" % seconds, "--timeout", "5s"] + hs +
                                    ["-s", os.path.join(HERE, "wrk-report.lua"), url],
                         capture_output=True, text=True, timeout=seconds + 30).stdout
    line = [l for l in out.splitlines() if l.startswith("{")]
    if not line:
        raise SystemExit("wrk gave no report for %s:\n%s" % (url, out))
    return json.loads(line[-1])


def measure(node_url, path, conns, pid, headers=()):
    """Interleaved rounds of the node and every peer proxying `path`; returns (node stats, {peer: stats}, cpu %)."""
    peer_urls = {p: "http://127.0.0.1:%d%s" % (PEER_PORTS[p], path) for p in PEERS}
    wrk(node_url, conns, WARMUP, headers)
    for url in peer_urls.values():
        wrk(url, conns, WARMUP)
    node_runs, peer_runs, cpu = [], {p: [] for p in PEERS}, []
    for _ in range(ROUNDS):
        c0, t0 = cpu_seconds(pid), time.time()
        node_runs.append(wrk(node_url, conns, SECONDS, headers))
        cpu.append(100 * (cpu_seconds(pid) - c0) / (time.time() - t0))
        for p, url in peer_urls.items():
            peer_runs[p].append(wrk(url, conns, SECONDS))
    return combine(node_runs), {p: combine(r) for p, r in peer_runs.items()}, sum(cpu) / len(cpu)


def row(key, label, conns, ns, peers, cpu):
    r = {"key": key, "label": label, "conns": conns, "node": ns, "base": peers["nginx"], "peers": peers, "cpu": cpu}
    print("%s %-36s c=%-3d node %8.0f req/s  %s" % (key, label, conns, ns["rps"], "  ".join(
        "%s %.0f (%.2fx)" % (p, s["rps"], ns["rps"] / s["rps"]) for p, s in peers.items())), flush=True)
    return r


def warmup_curve(url, seconds, conns=64):
    """req/s in each of the first `seconds` seconds of load, from the first request a cold node serves."""
    return [wrk(url, conns, 1)["rps"] for _ in range(seconds)]


def time_to(curve, share, steady):
    """Seconds of load until a second ran at `share` of `steady` req/s (None: never within the curve)."""
    for i, rps in enumerate(curve):
        if rps >= share * steady:
            return i + 1
    return None


def combine(runs):
    """Sum of requests over the rounds; latency percentiles as the median round's."""
    if not runs:
        return None
    total = sum(r["requests"] for r in runs)
    secs = sum(r["seconds"] for r in runs)
    mid = sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]
    return {"rps": total / secs, "p50_ms": mid["p50_ms"], "p99_ms": mid["p99_ms"], "p999_ms": mid["p999_ms"],
            "errors": sum(r["errors"] + r["non2xx"] for r in runs)}


def machine_notes():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    nginx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
    wrkv = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    peers = []
    if "haproxy" in PEERS:
        peers.append(subprocess.run(["haproxy", "-v"], capture_output=True, text=True).stdout.split(" - ")[0])
    if "caddy" in PEERS:
        peers.append("Caddy " + subprocess.run(["caddy", "version"], capture_output=True, text=True).stdout.strip())
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    return ["%d cores (%s), %.0f GiB, %s %s" % (CORES, cpu, mem, platform.system(), platform.release()),
            java, nginx] + peers + [wrkv.split(" [")[0],
            "JVM flags: bin/krakend defaults (JAVA_OPTS unset)",
            "rounds: %d x %d s per side, warm-up %d s; wrk pinned to core 0, servers to core 1" % (ROUNDS, SECONDS, WARMUP)]


def main():
    tmp = tempfile.mkdtemp(prefix="kgw-bench-")
    os.chmod(tmp, 0o755)  # nginx workers run as an unprivileged user
    www = os.path.join(tmp, "www")
    os.makedirs(www)
    sizes = payloads(www)
    with open(os.path.join(tmp, "backend.conf"), "w") as f:
        f.write(backend_conf(tmp, www))
    with open(os.path.join(tmp, "proxy.conf"), "w") as f:
        f.write(proxy_conf(tmp))
    subprocess.run(["java", "-cp", os.path.join(ROOT, "target", "kgw.jar"), os.path.join(HERE, "JwtFixture.java"),
                    tmp], check=True)
    with open(os.path.join(tmp, "token.txt")) as f:
        bearer = "Authorization: Bearer " + f.read().strip()
    for name, cfg in (("node.json", node_config(NODE, jwks=os.path.join(tmp, "jwks.json"))), ("node10k.json", node_config(NODE10K, 10_000)),
                      ("observed.json", node_config(NODE_OBSERVED, observed=True)),
                      ("cold.json", node_config(NODE_COLD))):
        cfg_port_fix = cfg
        with open(os.path.join(tmp, name), "w") as f:
            json.dump(cfg_port_fix, f)
    procs = []
    log = open(os.path.join(tmp, "servers.log"), "w")
    try:
        if "nginx" not in PEERS:
            raise SystemExit("BENCH_PEERS must name nginx: every ratio is taken against it")
        start_peers(tmp, log, procs)
        # (w) first, while nothing has run on this machine's JVM but the launcher's one-off CDS training:
        # a cold node under load from its first request, second by second
        curve = []
        if not ONLY or "w" in ONLY:
            cold, _ = start_node(os.path.join(tmp, "cold.json"), NODE_COLD, log, probe="/__health")
            curve = warmup_curve("http://127.0.0.1:%d/json" % NODE_COLD, WARMUP_CURVE_SECONDS)
            print("w warm-up curve, req/s per second from cold: %s" % " ".join("%.0f" % r for r in curve), flush=True)
            os.killpg(cold.pid, signal.SIGTERM)
            cold.wait(30)
        node, node_start = start_node(os.path.join(tmp, "node.json"), NODE, log)
        procs.append(node)
        pid = java_pid(node)
        n = "http://127.0.0.1:%d" % NODE
        # JIT warm-up of every path once, so the first scenario measured is not the one paying for it
        for path in ("/noop", "/json", "/merge", "/filter", "/large", "/cached", "/breaker"):
            wrk(n + path, 64, WARMUP)
        wrk(n + "/jwt", 64, WARMUP, [bearer])
        scenarios = [
            ("a", "no-op proxy, 0.5 KB", n + "/noop", "/small.json"),
            ("b", "JSON decode/encode, 0.5 KB", n + "/json", "/small.json"),
            ("c", "merge of 2 backends (group)", n + "/merge", "/small.json"),
            ("d", "allow filter on 5 KB", n + "/filter", "/medium.json"),
            ("e", "JSON, 50 KB object", n + "/large", "/large.json"),
            ("h", "JSON 0.5 KB, RS256 JWT (one token)", n + "/jwt", "/small.json"),
            ("i", "JSON 0.5 KB from the HTTP cache", n + "/cached", "/small.json"),
            ("j", "JSON 0.5 KB, closed circuit breaker", n + "/breaker", "/small.json"),
        ]
        rows = []
        for key, label, node_url, path in scenarios:
            if ONLY and key not in ONLY:
                continue
            for conns in CONNECTIONS:
                ns, peers, cpu = measure(node_url, path, conns, pid, [bearer] if key == "h" else ())
                rows.append(row(key, label, conns, ns, peers, cpu))
        rss = rss_mb(pid)
        os.killpg(node.pid, signal.SIGTERM)
        node.wait(30)
        procs.remove(node)
        # (g): the JSON endpoint of (b) on a node that reports everything
        if not ONLY or "g" in ONLY:
            observed, _ = start_node(os.path.join(tmp, "observed.json"), NODE_OBSERVED, log)
            procs.append(observed)
            url = "http://127.0.0.1:%d/json" % NODE_OBSERVED
            # telemetry brings much more code to compile (OpenTelemetry SDK, exporters): about 20 s of load before
            # the node runs at full speed, against 2 s for the others
            wrk(url, 64, WARMUP if SMOKE else 20)
            for conns in CONNECTIONS:
                ns, peers, cpu = measure(url, "/small.json", conns, java_pid(observed))
                rows.append(row("g", "JSON 0.5 KB, all telemetry on", conns, ns, peers, cpu))
            os.killpg(observed.pid, signal.SIGTERM)
            observed.wait(30)
            procs.remove(observed)
        if ONLY and "f" not in ONLY:
            print("start %.2f s, RSS %.0f MB" % (node_start, rss))
            return
        # (f): 10,000 endpoints, hitting one of them; compared with (b) on the 10-endpoint node
        node10k, start10k = start_node(os.path.join(tmp, "node10k.json"), NODE10K, log)
        procs.append(node10k)
        wrk("http://127.0.0.1:%d/api/v1/resource5000/1" % NODE10K, 64, WARMUP)
        for conns in CONNECTIONS:
            ns, peers, cpu = measure("http://127.0.0.1:%d/api/v1/resource5000/1" % NODE10K, "/small.json",
                                     conns, java_pid(node10k))
            rows.append(row("f", "10,000 endpoints, JSON 0.5 KB", conns, ns, peers, cpu))
        rss10k = rss_mb(java_pid(node10k))
        report(rows, {"start_s": node_start, "start10k_s": start10k, "rss_mb": rss, "rss10k_mb": rss10k,
                      "sizes": sizes, "warmup_curve": curve})
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(15)
            except Exception:
                pass
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


def report(rows, facts):
    date = datetime.date.today().isoformat()
    by = {(r["key"], r["conns"]): r for r in rows}
    others = [p for p in PEERS if p != "nginx"]
    lines = ["# Benchmark: node vs nginx, %s as reverse proxies (%s)" % (", ".join(others) or "no other peer", date), ""]
    lines += ["- " + n for n in machine_notes()]
    lines += ["- payloads: %s" % ", ".join("%s %d B" % kv for kv in facts["sizes"].items()), ""]
    lines += ["| scenario | conns | node req/s | " + " | ".join("%s req/s" % p for p in PEERS) + " | node/nginx | " +
              " | ".join("node/%s" % p for p in others) + " | node p50 / p99 / p99.9 ms | " +
              " | ".join("%s p99 ms" % p for p in PEERS) + " | node CPU % | errors |",
              "|---" * (6 + 2 * len(PEERS) + len(others)) + "|"]
    for r in rows:
        ns, peers = r["node"], r["peers"]
        lines.append("| (%s) %s | %d | %.0f | %s | **%.2f** | %s | %.2f / %.2f / %.2f | %s | %.0f | %d |" % (
            r["key"], r["label"], r["conns"], ns["rps"], " | ".join("%.0f" % peers[p]["rps"] for p in PEERS),
            ns["rps"] / peers["nginx"]["rps"], " | ".join("%.2f" % (ns["rps"] / peers[p]["rps"]) for p in others),
            ns["p50_ms"], ns["p99_ms"], ns["p999_ms"], " | ".join("%.2f" % peers[p]["p99_ms"] for p in PEERS),
            r["cpu"], ns["errors"] + sum(peers[p]["errors"] for p in PEERS)))
    curve = facts.get("warmup_curve") or []
    if curve:
        steady = by[("b", 64)]["node"]["rps"] if ("b", 64) in by else max(curve)
        t90 = time_to(curve, 0.9, steady)
        lines += ["", "Warm-up (w): a cold node (fresh JVM, the launcher's defaults) on the JSON endpoint of (b), 64 "
                  "connections, from its first request; req/s in each second:", "",
                  "| second | " + " | ".join(str(i + 1) for i in range(len(curve))) + " |",
                  "|---" * (len(curve) + 1) + "|",
                  "| req/s | " + " | ".join("%.0f" % c for c in curve) + " |", "",
                  "- 90%% of steady (b) @64 (%.0f req/s) reached in second %s (target <= 5)" % (
                      steady, t90 if t90 else "> %d" % len(curve))]
    lines += ["", "Derived targets:", ""]
    a64, b64, c64, f64 = by[("a", 64)], by[("b", 64)], by[("c", 64)], by[("f", 64)]
    lines.append("- (a) no-op vs nginx at 64 connections: %.2f x (target >= 0.8); p99 %.2f ms vs nginx %.2f ms "
                 "(target <= nginx + 1 ms)" % (a64["node"]["rps"] / a64["base"]["rps"], a64["node"]["p99_ms"],
                                                a64["base"]["p99_ms"]))
    lines.append("- (b) JSON vs nginx at 64 connections: %.2f x (target >= 0.7)" % (b64["node"]["rps"] / b64["base"]["rps"]))
    lines.append("- (c) merge vs the node's own (a) at 64 connections: %.2f x (target >= 0.6)" % (
        c64["node"]["rps"] / a64["node"]["rps"]))
    lines.append("- (f) 10,000 endpoints vs (b) 10 endpoints at 64 connections: %.2f x (target >= 0.95)" % (
        f64["node"]["rps"] / b64["node"]["rps"]))
    if ("h", 64) in by:
        h64 = by[("h", 64)]
        lines.append("- (h) RS256-validated JSON endpoint, one reused token, vs (b) at 64 connections: %.2f x "
                     "(target >= 0.85); fresh tokens: see JwtValidationBenchmark in bench/results/jmh-latest.txt" % (
                         h64["node"]["rps"] / b64["node"]["rps"]))
    if ("i", 64) in by:
        i64 = by[("i", 64)]
        lines.append("- (i) JSON endpoint served from qos/http-cache vs nginx proxying the same object at 64 "
                     "connections: %.2f x (target > 1); vs (b): %.2f x" % (i64["node"]["rps"] / i64["base"]["rps"],
                                                                        i64["node"]["rps"] / b64["node"]["rps"]))
    if ("j", 64) in by:
        j64, j16, b16 = by[("j", 64)], by[("j", 16)], by[("b", 16)]
        lines.append("- (j) closed circuit breaker vs (b): %.2f x at 16, %.2f x at 64 connections (target: within "
                     "noise)" % (j16["node"]["rps"] / b16["node"]["rps"], j64["node"]["rps"] / b64["node"]["rps"]))
    if ("g", 64) in by:
        g64 = by[("g", 64)]
        lines.append("- (g) all telemetry on (Prometheus, OTLP metrics, 10%% of requests traced, /__stats) vs (b) at 64 "
                     "connections: %.2f x; p99 %.2f ms vs %.2f ms" % (g64["node"]["rps"] / b64["node"]["rps"],
                                                                     g64["node"]["p99_ms"], b64["node"]["p99_ms"]))
    lines.append("- start to first successful request: %.2f s with the bench config (target <= 1 s), %.2f s with "
                 "10,000 endpoints (target <= 3 s)" % (facts["start_s"], facts["start10k_s"]))
    lines.append("- RSS after the runs: %.0f MB (target <= 160 MB); 10,000-endpoint node: %.0f MB" % (
        facts["rss_mb"], facts["rss10k_mb"]))
    text = "\n".join(lines) + "\n"
    print(text)
    if SMOKE:
        return
    out = os.path.join(HERE, "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, date + ".md"), "w") as f:
        f.write(text + "\n![chart](%s.png)\n" % date)
    with open(os.path.join(out, date + ".json"), "w") as f:
        json.dump({"rows": rows, "facts": facts, "machine": machine_notes()}, f, indent=1)
    shutil.copyfile(os.path.join(out, date + ".md"), os.path.join(out, "latest.md"))
    chart(rows, os.path.join(out, date + ".png"))


def chart(rows, png):
    data = png[:-4] + ".dat"
    with open(data, "w") as f:
        for r in rows:
            f.write('"(%s) c=%d" %.0f %s\n' % (r["key"], r["conns"], r["node"]["rps"],
                                                 " ".join("%.0f" % r["peers"][p]["rps"] for p in PEERS)))
    script = """set terminal pngcairo size 1100,500 noenhanced
set output '%s'
set title 'req/s: node vs reverse proxies (same run)'
set style data histograms
set style histogram cluster gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set xtics rotate by -30
set ylabel 'requests/s'
set grid ytics
plot '%s' using 2:xtic(1) title 'node', %s
""" % (png, data, ", ".join("'' using %d title '%s'" % (i + 3, p) for i, p in enumerate(PEERS)))
    subprocess.run(["gnuplot"], input=script, text=True, check=False)
    os.remove(data)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The hardening attacks, repeatable: bench/attack.sh (loopback only, bounded in time and size).

Starts a backend and one node (bin/krakend, the launcher's heap), then runs each attack while a probe client asks
GET /ok every 50 ms. For each attack it records what the attackers got, whether the probe kept being served, the
node's peak RSS and whether it is still alive. Writes the summary to bench/results/attacks.md (ATTACK_OUT to move
it) and exits 1 when the node died, or did not serve at once when an attack ended.
"""
import asyncio, http.server, json, os, resource, shutil, signal, socket, socketserver, subprocess, sys, tempfile
import threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUICK = os.environ.get("ATTACK_QUICK") == "1"  # smaller crowds, for CI's smoke


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Backend(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path.startswith("/big?n="):
            n = int(self.path[7:])
            body = b'{"d":"' + b"x" * (n - 8) + b'"}'
        else:
            body = b'{"ok":true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


class ThreadingServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 1024

    def handle_error(self, request, client_address):
        pass  # the node hangs up on answers it refuses: expected here


def rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        return 0
    return 0


class Probe:
    """A well-behaved client beside the attack: one GET /ok every 50 ms on a fresh connection."""

    def __init__(self, port, pid):
        self.port, self.pid = port, pid
        self.ok = self.failed = 0
        self.worst_ms = 0.0
        self.peak_rss = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()

    def _run(self):
        while not self._stop.is_set():
            start = time.monotonic()
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/ok" % self.port, timeout=5) as r:
                    r.read()
                    self.ok += r.status == 200
                    self.failed += r.status != 200
            except Exception:
                self.failed += 1
            self.worst_ms = max(self.worst_ms, (time.monotonic() - start) * 1000)
            self.peak_rss = max(self.peak_rss, rss_mb(self.pid))
            self._stop.wait(0.05)


async def http_exchange(port, raw, read_timeout=30):
    """Sends raw bytes, returns the status code (0 when the node closed without answering)."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return -1
    try:
        writer.write(raw)
        try:
            await writer.drain()
        except (ConnectionError, OSError):
            pass
        line = await asyncio.wait_for(reader.readline(), read_timeout)
        return int(line.split()[1]) if line.startswith(b"HTTP/") else 0
    except (ConnectionError, OSError, asyncio.TimeoutError, ValueError, IndexError):
        return 0
    finally:
        writer.close()


async def big_body(port, declared):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    size = 30 << 20
    try:
        if declared:
            writer.write(b"POST /post HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n" % size)
        else:
            writer.write(b"POST /post HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"x" * 65536
        sent = 0
        try:
            while sent < size:
                writer.write(chunk if declared else b"10000\r\n" + chunk + b"\r\n")
                await writer.drain()
                sent += len(chunk)
                if reader.at_eof() or len(reader._buffer):  # the node answered already
                    break
        except (ConnectionError, OSError):
            pass
        try:
            line = await asyncio.wait_for(reader.readline(), 10)
            return int(line.split()[1]) if line.startswith(b"HTTP/") else 0
        except (ConnectionError, OSError, asyncio.TimeoutError, ValueError, IndexError):
            return 0
    finally:
        writer.close()


def counts(statuses):
    out = {}
    for s in statuses:
        key = {-1: "refused", 0: "closed"}.get(s, str(s))
        out[key] = out.get(key, 0) + 1
    return ", ".join("%s × %d" % (k, v) for k, v in sorted(out.items()))


async def attack_bodies(port, declared):
    return counts(await asyncio.gather(*[big_body(port, declared) for _ in range(8)]))


async def attack_gets(port, path, n):
    raw = ("GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % path).encode()
    return counts(await asyncio.gather(*[http_exchange(port, raw) for _ in range(n)]))


async def attack_idle(port, n, hold):
    socks = []
    for _ in range(n):
        try:
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", port))
            socks.append(s)
        except OSError:
            break
    await asyncio.sleep(hold)
    alive = 0
    for s in socks:
        try:
            alive += s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
        except BlockingIOError:
            alive += 1  # still open, nothing to read
        except OSError:
            pass
        s.close()
    return "%d opened, %d still open after %d s" % (len(socks), alive, hold)


async def attack_slowloris(port, n, seconds):
    conns = []
    for _ in range(n):
        try:
            conns.append(await asyncio.open_connection("127.0.0.1", port))
        except OSError:
            break
    head = b"GET /ok HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100000
    open_ = len(conns)
    for i in range(seconds):
        for r, w in conns:
            if w.is_closing():
                continue
            try:
                w.write(head[i:i + 1])
                await w.drain()
            except (ConnectionError, OSError):
                w.close()
        await asyncio.sleep(1)
    still = 0
    for r, w in conns:
        if not w.is_closing() and not r.at_eof():
            still += 1
        w.close()
    return "%d sockets sending one header byte a second; %d still held after %d s" % (open_, still, seconds)


async def attack_crowd(port, n):
    raw = b"GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    return counts(await asyncio.gather(*[http_exchange(port, raw) for _ in range(n)]))


def attack_config(tmp):
    big = os.path.join(tmp, "huge.json")
    with open(big, "w") as f:
        f.write('{"version": 3, "endpoints": [')
        for i in range(560000):
            f.write('%s{"endpoint": "/e%d", "backend": [{"host": ["http://127.0.0.1:1"], "url_pattern": "/x"}]}'
                    % ("," if i else "", i))
        f.write("]}")
    mb = os.path.getsize(big) >> 20
    p = subprocess.run([os.path.join(ROOT, "bin", "krakend"), "check", "-c", big], capture_output=True, text=True,
                       timeout=120)
    lines = (p.stdout + p.stderr).strip().splitlines()
    said = next((l for l in lines if "ERROR" in l), lines[0] if lines else "")
    said = said.replace(tmp, "…")
    return "a %d MB file: exit %d, `%s`" % (mb, p.returncode, said[:160].replace("|", "\\|"))


def served_after(port):
    """Three GET /ok in a row answered 200 within a second of the attack's end."""
    deadline = time.monotonic() + 1
    ok = 0
    while ok < 3 and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen("http://127.0.0.1:%d/ok" % port, timeout=1) as r:
                ok = ok + 1 if r.status == 200 else 0
        except Exception:
            ok = 0
    return ok == 3


def main():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # the node inherits it too
    tmp = tempfile.mkdtemp(prefix="kgw-attack-")
    bport, port = free_port(), free_port()
    backend = ThreadingServer(("127.0.0.1", bport), Backend)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    b = "http://127.0.0.1:%d" % bport
    big = lambda n, g: {"host": [b], "url_pattern": "/big?n=%d" % n, "group": g}
    cfg = {"version": 3, "port": port, "timeout": "10s", "endpoints": [
        {"endpoint": "/ok", "backend": [{"host": [b], "url_pattern": "/ok"}]},
        {"endpoint": "/post", "method": "POST", "backend": [{"host": [b], "url_pattern": "/ok"}]},
        {"endpoint": "/big", "backend": [big(10 << 20, "g")]},
        {"endpoint": "/four", "backend": [big(5 << 20, "g%d" % i) for i in range(4)]},
    ]}
    path = os.path.join(tmp, "krakend.json")
    with open(path, "w") as f:
        json.dump(cfg, f)
    log = open(os.path.join(tmp, "node.log"), "w")
    node = subprocess.Popen([os.path.join(ROOT, "bin", "krakend"), "run", "-c", path], stdout=log,
                            stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/__health" % port, timeout=2).read()
            break
        except Exception:
            if node.poll() is not None or time.monotonic() > deadline:
                print(open(log.name).read()[-2000:])
                sys.exit("the node did not start")
            time.sleep(0.1)
    pid = node.pid  # the launcher execs the JVM
    scale = 0.1 if QUICK else 1.0
    attacks = [
        ("30 MB JSON POST, declared length (×8)", lambda: attack_bodies(port, True)),
        ("30 MB JSON POST, chunked (×8)", lambda: attack_bodies(port, False)),
        ("10 MB backend answer (×16 at once)", lambda: attack_gets(port, "/big", 16)),
        ("four parallel 5 MB backend answers (×16 at once)", lambda: attack_gets(port, "/four", 16)),
        ("%d idle connections that never send a byte" % int(8000 * scale),
         lambda: attack_idle(port, int(8000 * scale), 15 if not QUICK else 3)),
        ("%d slowloris sockets" % int(1000 * scale),
         lambda: attack_slowloris(port, int(1000 * scale), 15 if not QUICK else 3)),
        ("%d concurrent small requests" % int(10000 * scale), lambda: attack_crowd(port, int(10000 * scale))),
    ]
    rows, bad = [], False
    for name, run in attacks:
        with Probe(port, pid) as probe:
            start = time.monotonic()
            got = asyncio.run(run())
            secs = time.monotonic() - start
            time.sleep(0.5)
        alive = node.poll() is None
        after = served_after(port)
        # a flood past max_connections refuses new connections, the probe's too: what must hold is that the
        # node lives and serves again at once when the flood ends
        bad |= not alive or not after
        rows.append((name, got, "%d ok, %d failed, worst %.0f ms" % (probe.ok, probe.failed, probe.worst_ms),
                     probe.peak_rss, ("yes" if alive else "**no**") + (", serving" if after else ", **not serving**"),
                     secs))
        print("%-50s %s | probe %d/%d | rss %d MB | alive %s" % (name, got, probe.ok, probe.ok + probe.failed,
                                                                 probe.peak_rss, alive), flush=True)
        if not alive:
            break
    config_row = attack_config(tmp)
    print("config:", config_row)
    node.send_signal(signal.SIGTERM)
    try:
        node.wait(30)
    except subprocess.TimeoutExpired:
        node.kill()
    backend.shutdown()
    out = os.environ.get("ATTACK_OUT", os.path.join(ROOT, "bench", "results", "attacks.md"))
    lines = ["# Attacks on one node", "",
             "`bench/attack.sh` on loopback, %s. One node with the launcher's defaults (128 MB heap, the bounds "
             "of docs/limits.md); a probe client asks `GET /ok` every 50 ms during each attack." % time.strftime(
                 "%Y-%m-%d"), "",
             "| attack | what the attackers got | probe (during the attack) | peak RSS | node alive, serving after | seconds |",
             "|---|---|---|---|---|---|"]
    for name, got, pr, rss, alive, secs in rows:
        lines.append("| %s | %s | %s | %d MB | %s | %.1f |" % (name, got, pr, rss, alive, secs))
    lines += ["", "Config file: " + config_row, ""]
    if not QUICK or "ATTACK_OUT" in os.environ:
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w") as f:
            f.write("\n".join(lines))
        print("written:", os.path.relpath(out, ROOT))
    if not bad:
        shutil.rmtree(tmp, ignore_errors=True)
    else:
        print("node log kept:", os.path.join(tmp, "node.log"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

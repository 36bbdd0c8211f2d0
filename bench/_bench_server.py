"""The service as a benchmark contender: a uvicorn subprocess on loopback and plain HTTP clients.

The server is started as a user starts it (`python -m service serve`, through bench/serve.py,
which adds only the benchmark-only fixed decoding length) with BRIEF_* settings in its
environment; the clients use keep-alive `http.client` connections, one per
client thread, so the numbers include HTTP, JSON, validation, segmentation and the batcher.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY_TIMEOUT_S = 120.0


@dataclass
class Server:
    """A running service process."""

    port: int
    process: subprocess.Popen[bytes]
    ready_s: float  # from process start to /readyz saying translation is available

    def rss_mb(self) -> tuple[float, float]:
        """(current, peak) resident memory of the server process, MB (10^6 bytes)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kb = {k: int(v.split()[0]) for k, v in re.findall(r"(VmRSS|VmHWM):\s+(.+)", status)}
        return kb["VmRSS"] * 1024 / 1e6, kb["VmHWM"] * 1024 / 1e6

    def metrics(self) -> dict[str, float]:
        """The translation counters from /metrics (tokens, seconds in translate_batch, calls)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request("GET", "/metrics")
        text = conn.getresponse().read().decode()
        conn.close()
        wanted = ("tokens", "seconds", "model_calls", "cache_hits", "cache_misses")
        out: dict[str, float] = {}
        for name in wanted:
            m = re.search(rf"^supplybrief_translation_{name}(?:_total)?\s+(\S+)$", text, re.M)
            out[name] = float(m.group(1)) if m else float("nan")
        return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@contextmanager
def serve(model_dir: Path, settings: dict[str, str], extra_env: dict[str, str] | None = None
          ) -> Iterator[Server]:
    """Start the service with BRIEF_MODEL_DIR and `settings`; stop it afterwards. The key
    `fixed_decoding_ratio` is the benchmark knob of bench/serve.py, not a setting."""
    settings = dict(settings)
    ratio = settings.pop("fixed_decoding_ratio", "0")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEF_")}
    env.update(extra_env or {})
    env.update({"BRIEF_MODEL_DIR": str(model_dir), "BRIEF_LOG_LEVEL": "WARNING"})
    env.update({f"BRIEF_{k.upper()}": v for k, v in settings.items()})
    port = _free_port()
    cmd = [sys.executable, str(ROOT / "bench" / "serve.py"), "--host", "127.0.0.1",
           "--port", str(port), "--fixed-decoding-ratio", ratio]
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        ready_s = _wait_ready(port, process, started)
        yield Server(port, process, ready_s)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(port: int, process: subprocess.Popen[bytes], started: float) -> float:
    while time.perf_counter() - started < READY_TIMEOUT_S:
        if process.poll() is not None:
            raise RuntimeError(f"the service exited with {process.returncode} before it was ready")
        try:
            status, body = _get(port, "/readyz")
            if status == 200 and json.loads(body)["translation"]["available"]:
                return time.perf_counter() - started
            if status == 200:
                raise RuntimeError(f"the service started without a model: {body.decode()[:300]}")
        except (ConnectionError, OSError):
            pass
        time.sleep(0.01)
    raise RuntimeError("the service was not ready in time")


class Busy(RuntimeError):
    """The service refused a request with 503 (busy or overloaded): counted, not hidden."""


class Client:
    """One keep-alive connection sending POST /v1/translate."""

    def __init__(self, port: int) -> None:
        self._conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

    def translate(self, texts: str | list[str], language: str = "auto") -> list[str]:
        """Translations of `texts`; raises on any non-200 answer (a benchmark must not hide one)."""
        body = json.dumps({"text": texts, "source_language": language})
        headers = {"Content-Type": "application/json"}
        try:
            self._conn.request("POST", "/v1/translate", body, headers)
            response = self._conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # uvicorn closes keep-alive connections idle for 5 s (other contenders' turns).
            self._conn.close()
            self._conn.request("POST", "/v1/translate", body, headers)
            response = self._conn.getresponse()
        data = response.read()
        if response.status == 503:
            raise Busy(f"/v1/translate answered 503: {data[:300]!r}")
        if response.status != 200:
            raise RuntimeError(f"/v1/translate answered {response.status}: {data[:300]!r}")
        return list(json.loads(data)["translations"])

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()


def run_concurrent(port: int, singles: list[tuple[str, str]], clients: int,
                   refused: list[int] | None = None) -> float:
    """`clients` threads, each sending one sentence per request until all are sent; wall s.
    A 503 aborts the run, unless `refused` is given: then 503s are counted in refused[0] and
    the client goes on with its next sentence (as a client that gives up would)."""
    lock = threading.Lock()
    cursor = iter(range(len(singles)))
    errors: list[BaseException] = []

    def work() -> None:
        client = Client(port)
        try:
            while True:
                with lock:
                    i = next(cursor, None)
                if i is None:
                    return
                text, language = singles[i]
                try:
                    client.translate(text, language)
                except Busy:
                    if refused is None:
                        raise
                    with lock:
                        refused[0] += 1
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            client.close()

    threads = [threading.Thread(target=work) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return time.perf_counter() - started

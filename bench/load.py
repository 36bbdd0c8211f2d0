"""Bounded load test: N closed-loop asyncio+httpx clients against uvicorn on loopback.

Starts `python -m service serve` on 127.0.0.1 (a free port) with the random-weight transformer-big
model from `bench/build_big_model.py` when `bench/models/ct2-big-int8/` exists, else with the tiny
test model (built into a temporary folder), then runs `--clients` clients for `--duration`
seconds, each sending one request at a time, a mix of POST /v1/brief and POST /v1/translate built
from the FLORES dev sentences and the seed articles. A client told 503 + Retry-After waits as told
(capped by --max-backoff). Prints requests/s, p50/p95/p99 latency, the answers by status, and the
server's resident memory after start-up, after warm-up, and its floor and peak over the
measured phase (sampled every 2 s).

Random weights never emit </s>, so the server gets a fixed decoding ratio of 1.2: every model
call decodes a real model's output length instead of the maximum. Other settings via --env.

Targets (exit status 1 when missed): no 5xx other than 503, every 503 one of the documented
refusals (`overloaded`, `busy`, with Retry-After), no client timeouts, memory growth under 10%.

    python bench/load.py                       # 32 clients, 2 minutes (make bench-load)
    python bench/load.py --duration 20         # shorter
    python bench/load.py --env BRIEF_TRANSLATE_MAX_WAIT_S=5   # a setting for the server
    python bench/load.py --url http://127.0.0.1:8000   # an already running server (loopback only)
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
FIXED_DECODING_RATIO = 1.2  # see the module docstring
BIG_MODEL = ROOT / "bench" / "models" / "ct2-big-int8"
FLORES = ROOT / "bench" / "data" / "flores"
SEEDS = ROOT / "seeds"
LANGS = {"nob": "nb", "nno": "nn", "swe": "sv", "dan": "da"}


@dataclass
class Results:
    """Every answer of the measured phase."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: dict[str, Counter[str]] = field(default_factory=dict)
    bad_503: list[str] = field(default_factory=list)
    rss_series: list[int] = field(default_factory=list)

    def add(self, endpoint: str, status: str, seconds: float) -> None:
        self.latencies.setdefault(endpoint, []).append(seconds)
        self.statuses.setdefault(endpoint, Counter())[status] += 1
        if status == "200":  # refusals are fast; the served requests' latency is shown apart
            self.latencies.setdefault(endpoint + " 200", []).append(seconds)


def _articles(rng: random.Random) -> list[tuple[str, str]]:
    """(language, text) pairs: seed articles and FLORES sentences grouped into short articles."""
    out = [("nb", (SEEDS / "seed_nb.txt").read_text("utf-8"))]
    out.append(("sv", (SEEDS / "seed_sv.txt").read_text("utf-8")))
    for code, lang in LANGS.items():
        lines = (FLORES / f"flores200-dev.{code}_Latn").read_text("utf-8").splitlines()
        for start in range(0, 400, 8):
            sentences = lines[start : start + 8]
            # 2-4 paragraphs of 2-4 sentences: the size of a short news item.
            paragraphs, i = [], 0
            while i < len(sentences):
                n = rng.randint(2, 4)
                paragraphs.append(" ".join(sentences[i : i + n]))
                i += n
            out.append((lang, "\n\n".join(paragraphs)))
    return out


def _request(
    rng: random.Random, articles: list[tuple[str, str]], brief_share: float
) -> tuple[str, dict[str, Any]]:
    lang, text = rng.choice(articles)
    source = lang if rng.random() < 0.5 else "auto"
    if rng.random() < brief_share:
        return "/v1/brief", {"text": text, "source_language": source, "title": None}
    if rng.random() < 0.3:  # a batch of paragraphs, as a CMS plug-in sends them
        return "/v1/translate", {"text": text.split("\n\n"), "source_language": source}
    return "/v1/translate", {"text": text, "source_language": source}


def rss_kib(pid: int) -> int:
    """Resident set size of `pid` and its children, in KiB (Linux /proc)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    sys.exit(f"refusing {url}: this load test only targets loopback addresses")


def _model_dir(tmp: Path) -> tuple[Path, str]:
    if (BIG_MODEL / "model.bin").exists():
        return BIG_MODEL, "random-weight transformer-big (bench/models/ct2-big-int8)"
    sys.path.insert(0, str(ROOT / "tests"))
    from tiny_model import build_tiny_model  # the tests' own builder; seconds to run

    return build_tiny_model(tmp / "tiny"), "tiny test model (bench/models/ not built)"


def start_server(
    model_dir: Path, port: int, env_extra: dict[str, str], log_file: Any
) -> subprocess.Popen[bytes]:
    """uvicorn via the service's own entry point (bench/serve.py: `python -m service serve` plus
    the fixed decoding length), on 127.0.0.1 only. Logs go to a file: a pipe nobody reads would
    fill up and stall the server mid-run."""
    env = {**os.environ, "BRIEF_MODEL_DIR": str(model_dir), **env_extra}
    cmd = [sys.executable, str(ROOT / "bench" / "serve.py"), "--host", "127.0.0.1",
           "--port", str(port), "--fixed-decoding-ratio", str(FIXED_DECODING_RATIO)]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)


async def wait_ready(client: httpx.AsyncClient, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if (await client.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("server did not become ready")


async def _client_loop(
    client: httpx.AsyncClient,
    rng: random.Random,
    articles: list[tuple[str, str]],
    stop_at: float,
    args: argparse.Namespace,
    results: Results | None,
) -> None:
    while time.monotonic() < stop_at:
        path, body = _request(rng, articles, args.brief_share)
        started = time.perf_counter()
        retry_after = 0.0
        try:
            r = await client.post(path, json=body)
            status = str(r.status_code)
            if r.status_code == 503:
                retry_after = float(r.headers.get("Retry-After", "0") or 0)
                kind = (
                    r.json().get("type", "")
                    if r.headers.get("content-type", "").endswith("json")
                    else ""
                )
                # The two documented refusals: the translator's admission by work (overloaded)
                # and the concurrent-briefing slots (busy), both with Retry-After.
                expected = kind.endswith(("/overloaded", "/busy"))
                if results is not None and (not retry_after or not expected):
                    results.bad_503.append(f"{path}: type={kind!r} Retry-After={retry_after}")
        except httpx.TimeoutException:
            status = "timeout"
        except httpx.TransportError as exc:
            status = f"transport:{type(exc).__name__}"
        if results is not None:
            results.add(path, status, time.perf_counter() - started)
        if retry_after:  # a well-behaved client backs off as told (capped, to keep load on)
            await asyncio.sleep(min(retry_after, args.max_backoff))


async def run_load(args: argparse.Namespace, base_url: str, pid: int | None) -> int:
    """Warm up, measure, print the report; return the process exit status."""
    rng = random.Random(args.seed)
    articles = _articles(rng)
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    timeout = httpx.Timeout(args.timeout)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout) as client:
        await wait_ready(client, args.ready_timeout)
        rss_loaded = rss_kib(pid) if pid else 0
        rngs = [random.Random(args.seed + i) for i in range(args.clients)]
        warm_until = time.monotonic() + args.warmup
        await asyncio.gather(
            *(_client_loop(client, r, articles, warm_until, args, None) for r in rngs)
        )
        rss_start = rss_kib(pid) if pid else 0
        results = Results()
        began = time.monotonic()
        sampler = asyncio.create_task(_sample_rss(pid, results.rss_series)) if pid else None
        await asyncio.gather(
            *(_client_loop(client, r, articles, began + args.duration, args, results) for r in rngs)
        )
        elapsed = time.monotonic() - began
        if sampler is not None:
            sampler.cancel()
        rss_end = rss_kib(pid) if pid else 0
    return report(args, results, elapsed, (rss_loaded, rss_start, rss_end))


async def _sample_rss(pid: int, series: list[int], every: float = 2.0) -> None:
    # A series, not just two points: a plateau (allocator warm-up) reads differently from a leak.
    while True:
        series.append(rss_kib(pid))
        await asyncio.sleep(every)


def _pct(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _report_memory(rss: tuple[int, int, int], series: list[int]) -> float:
    """Print RSS figures; return the growth over the measured phase in percent.

    RSS swings by hundreds of MiB with the size of the batch in the model when it is sampled;
    those peaks are transient and bounded by the batch limits. What a leak raises is the floor
    between batches, so the growth compares the lowest sample of the second half of the measured
    phase with the lowest of the first half. Peaks are printed too.
    """
    loaded, start, end = rss
    if not start:
        return float("nan")
    print(
        f"server RSS: {loaded / 1024:.0f} MiB after start-up, {start / 1024:.0f} MiB after "
        f"warm-up, {end / 1024:.0f} MiB at end"
    )
    samples = [start, *series, end]
    half = len(samples) // 2
    first, second = samples[:half], samples[half:]
    growth = (min(second) - min(first)) / min(first) * 100
    print(
        f"server RSS over the measured phase ({len(samples)} samples, MiB): floor "
        f"{min(first) / 1024:.0f} -> {min(second) / 1024:.0f} ({growth:+.1f}%), peak "
        f"{max(first) / 1024:.0f} -> {max(second) / 1024:.0f}"
    )
    return growth


def report(
    args: argparse.Namespace, results: Results, elapsed: float, rss: tuple[int, int, int]
) -> int:
    """Print the figures and check the targets."""
    everything = [x for k, v in results.latencies.items() if not k.endswith(" 200") for x in v]
    total = Counter[str]()
    for counts in results.statuses.values():
        total.update(counts)
    print(
        f"\n{args.clients} clients, {elapsed:.0f} s measured after {args.warmup:.0f} s warm-up; "
        f"model: {args.model_label}"
    )
    print(f"requests: {len(everything)}  ->  {len(everything) / elapsed:.1f} req/s")
    print(f"{'answers':<19}{'n':>7}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}  statuses")
    for path in sorted(results.latencies) + ["all"]:
        lat = everything if path == "all" else results.latencies[path]
        counts = total if path == "all" else results.statuses.get(path)
        ms = "".join(f"{1000 * _pct(lat, q):>10.0f}" for q in (50, 95, 99))
        shown = "" if counts is None else str(dict(sorted(counts.items())))
        print(f"{path:<19}{len(lat):>7}{ms}  {shown}")
    growth = _report_memory(rss, results.rss_series)
    failures = []
    errors = {
        s: n for s, n in total.items() if s.startswith("5") and s != "503" or not s[0].isdigit()
    }
    if errors:
        failures.append(f"server errors / timeouts / transport errors: {errors}")
    if results.bad_503:
        failures.append(f"503s that are not the queue limit: {results.bad_503[:3]}")
    if growth >= 10:
        failures.append(f"memory grew {growth:.1f}% (target < 10%)")
    print("targets: " + ("all met" if not failures else "MISSED: " + "; ".join(failures)))
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--duration", type=float, default=120.0, help="measured seconds")
    ap.add_argument("--warmup", type=float, default=30.0, help="seconds before measuring")
    ap.add_argument("--brief-share", type=float, default=0.5, help="share of /v1/brief requests")
    ap.add_argument("--timeout", type=float, default=120.0, help="per-request timeout, seconds")
    ap.add_argument("--max-backoff", type=float, default=1.0, help="cap on honoured Retry-After")
    ap.add_argument("--ready-timeout", type=float, default=180.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--url", help="measure a running server instead (loopback only; no RSS)")
    ap.add_argument("--model-dir", type=Path, help="model for the started server")
    ap.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="BRIEF_X=V",
        help="extra setting for the started server (repeatable)",
    )
    args = ap.parse_args()
    if args.url:
        _check_loopback(args.url)
        args.model_label = "whatever the server at --url loaded"
        return asyncio.run(run_load(args, args.url, None))
    with tempfile.TemporaryDirectory() as tmp:
        if args.model_dir:
            model_dir, args.model_label = args.model_dir, str(args.model_dir)
        else:
            model_dir, args.model_label = _model_dir(Path(tmp))
        port = _free_port()
        # Random weights never emit </s>, so every sentence would decode to the maximum length;
        # the engine's benchmark setting makes each call decode a real model's output length.
        env_extra = dict(item.split("=", 1) for item in args.env)
        log_path = Path(tmp) / "server.log"
        with log_path.open("wb") as log_file:
            server = start_server(model_dir, port, env_extra, log_file)
        try:
            return asyncio.run(run_load(args, f"http://127.0.0.1:{port}", server.pid))
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            if server.returncode not in (0, -15):
                tail = log_path.read_bytes()[-3000:].decode(errors="replace")
                print(f"server exited with {server.returncode}; log tail:\n{tail}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())

"""`bench_translate.py --tune`: the measurements behind the service's speed defaults.

Each question is answered by contenders that take turns (bench/_bench_interleave.py), so the
background load of a shared machine hits every option alike:

* threads: inter_threads x intra_threads = 1x2 vs 2x1 on 2 cores (one client, 16 clients,
  article latency, memory);
* micro-batch window: 0 / 5 / 20 ms under 16 concurrent single-sentence clients;
* length bucketing: inputs sorted by length before batching vs in arrival order (floor);
* LRU cache: an article's latency the first time and when it comes again;
* beam size: floor throughput at beam 1, 2 and 4.
"""

from __future__ import annotations

import argparse
import statistics
import time
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any

from _bench_contenders import Floor, Timing
from _bench_data import Line, articles, chunks, useful_tokens
from _bench_interleave import PAUSE_S, Step, interleave
from _bench_server import Client, run_concurrent, serve

from service.config import Settings


def _rate(lines: list[Line], t: Timing, ratio: float) -> str:
    tokens = useful_tokens(lines, ratio)
    return f"{len(lines) / t.seconds:6.2f} sent/s {tokens / t.seconds:7.1f} tok/s"


def _burst(port: int, singles: list[tuple[str, str]], clients: int) -> int:
    run_concurrent(port, singles, clients)
    return 0


def _bursts(port: int, lines: list[Line], clients: int) -> list[Step]:
    size = 4 * clients
    rounds = [[(ln.text, "auto") for ln in lines[i : i + size]] for i in range(0, len(lines), size)]
    return [partial(_burst, port, r, clients) for r in rounds]


def _post(client: Client, texts: list[str] | str) -> Step:
    return lambda: (client.translate(texts), 0)[1]


def threads(model: Path, base: dict[str, str], lines: list[Line], a: argparse.Namespace) -> None:
    """inter x intra on 2 cores: one client, 16 clients, article latency, memory."""
    configs = {"1x2": ("1", "2"), "2x1": ("2", "1")}
    with ExitStack() as stack:
        srv = {k: stack.enter_context(serve(model, {**base, "beam_size": "1", "inter_threads": i,
                                                    "intra_threads": j}))
               for k, (i, j) in configs.items()}
        cli = {k: Client(s.port) for k, s in srv.items()}
        requests = [[ln.text for ln in c.lines] for c in chunks(lines, a.chunk)]
        one = interleave({k: [_post(cli[k], r) for r in requests] for k in configs})
        many = interleave({k: _bursts(srv[k].port, lines, a.clients) for k in configs})
        lat = interleave({k: [_post(cli[k], t) for t, _ in articles(4)] for k in configs})
        for k in configs:
            print(f"  {k}: 1 client {_rate(lines, one[k], a.ratio)} | {a.clients} clients "
                  f"{_rate(lines, many[k], a.ratio)} | article {lat[k].seconds / 4:5.2f} s mean | "
                  f"RSS {srv[k].rss_mb()[0]:.0f} MB (peak {srv[k].rss_mb()[1]:.0f})")


def window(model: Path, base: dict[str, str], lines: list[Line], a: argparse.Namespace) -> None:
    """Micro-batch wait before an idle translator starts: 0, 5 and 20 ms."""
    waits = ("0", "5", "20")
    with ExitStack() as stack:
        srv = {w: stack.enter_context(serve(model, {**base, "beam_size": "1",
                                                    "batch_window_ms": w})) for w in waits}
        before = {w: srv[w].metrics()["model_calls"] for w in waits}
        t = interleave({w: _bursts(srv[w].port, lines, a.clients) for w in waits})
        for w in waits:
            calls = srv[w].metrics()["model_calls"] - before[w]
            print(f"  window {w:>2} ms: {_rate(lines, t[w], a.ratio)}  "
                  f"({len(lines) / calls:.1f} requests per model call)")


def bucketing(floor: Floor, lines: list[Line], a: argparse.Namespace) -> None:
    """Chunks of inputs of similar length vs in arrival order (each call decodes its longest)."""
    t = interleave({
        "sorted by length": [partial(floor.call, c, 1, a.ratio) for c in chunks(lines, a.chunk)],
        "arrival order": [partial(floor.call, c, 1, a.ratio)
                          for c in chunks(lines, a.chunk, bucket=False)],
    })
    for name, timing in t.items():
        print(f"  {name:17}: {_rate(lines, timing, a.ratio)} "
              f"(decoded {timing.decoded_tokens} tokens)")


def beams(floor: Floor, lines: list[Line], a: argparse.Namespace) -> None:
    """Throughput cost of the beam size (quality is not measurable with random weights)."""
    work = chunks(lines, a.chunk)
    t = interleave({str(b): [partial(floor.call, c, b, a.ratio) for c in work] for b in (1, 2, 4)})
    for b, timing in t.items():
        print(f"  beam {b}: {_rate(lines, timing, a.ratio)} "
              f"({t['1'].seconds / timing.seconds:.2f} x beam 1's speed)")


def cache(model: Path, base: dict[str, str], a: argparse.Namespace) -> None:
    """An article the first time and again (the cache holds its sentences)."""
    with serve(model, {**base, "beam_size": "2", "translation_cache_size": "10000"}) as srv:
        client = Client(srv.port)
        first: list[float] = []
        again: list[float] = []
        for text, _lang in articles(4):
            for out in (first, again):
                time.sleep(PAUSE_S)
                started = time.perf_counter()
                client.translate(text)
                out.append(time.perf_counter() - started)
        m = srv.metrics()
        print(f"  article, first time {statistics.mean(first):.2f} s, again "
              f"{1000 * statistics.mean(again):.1f} ms (cache hits {m['cache_hits']:.0f}, "
              f"misses {m['cache_misses']:.0f})")


def run_tune(a: argparse.Namespace, model: Path, lines: list[Line], s: Settings) -> None:
    """Every tuning question in turn, each printed as soon as it is answered."""
    base = {"fixed_decoding_ratio": str(a.ratio), "translation_cache_size": "0",
            "rate_limit_per_minute": "0"}
    print(f"\n[threads] {len(lines)} inputs, greedy")
    threads(model, base, lines, a)
    print(f"\n[micro-batch window] {len(lines)} single-sentence requests, {a.clients} clients")
    window(model, base, lines, a)
    decode: dict[str, Any] = {"max_batch_size": s.max_batch_tokens,
                              "no_repeat_ngram_size": s.no_repeat_ngram_size}
    floor = Floor(model, s.inter_threads, s.intra_threads, decode)
    print(f"\n[length bucketing] floor, {len(lines)} inputs, {a.chunk} a call, greedy")
    bucketing(floor, lines, a)
    print(f"\n[beam size] floor, {min(len(lines), 64)} inputs")
    beams(floor, lines[:64], a)
    floor.close()
    print("\n[LRU cache] 4 articles of ~2,000 characters, each sent twice, beam 2")
    cache(model, base, a)

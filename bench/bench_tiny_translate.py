"""Sentences per second of the service's translation path with the tiny test model.

Builds the tests' tiny random-weight model in a temporary directory, loads it through the real
engine (segmentation, cache off, micro-batcher, translate_batch, loop guard, detokenisation) and
translates FLORES dev sentences three ways:

* one request carrying N sentences (one translate_batch call);
* N single-sentence requests one after another;
* the same N requests from C concurrent clients (cross-request micro-batching).

A random-weight model never emits </s>, so each call decodes to its max_decoding_length; the run
uses ratio 1.2 and margin 0 (1.2 x the longest source in the call), the issue-5 convention.
These numbers measure the pipeline's overhead and batching, not the real model's speed.

With a model this small the per-call overhead dominates, and on a busy 2-core machine
intra_threads=2 (OpenMP) can be ten times slower than 1; compare --intra-threads 1 and 2.

Usage: python bench/bench_tiny_translate.py [--sentences 256] [--clients 16] [--intra-threads 1]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.config import Settings  # noqa: E402
from service.translation.engine import TranslationEngine, load_engine  # noqa: E402
from tests.tiny_model import build_tiny_model  # noqa: E402

FLORES = ROOT / "bench" / "data" / "flores"


def _lines(n: int) -> list[str]:
    nb = (FLORES / "flores200-dev.nob_Latn").read_text(encoding="utf-8").splitlines()
    sv = (FLORES / "flores200-dev.swe_Latn").read_text(encoding="utf-8").splitlines()
    mixed = [x for pair in zip(nb, sv, strict=True) for x in pair]
    return mixed[:n]


async def _timed(
    engine: TranslationEngine, label: str, n: int, run: Callable[[], Awaitable[object]]
) -> float:
    tokens = engine.stats()["target_tokens"]
    started = time.perf_counter()
    await run()
    seconds = time.perf_counter() - started
    tokens = engine.stats()["target_tokens"] - tokens
    print(
        f"{label:<44} {n / seconds:7.1f} sentences/s {tokens / seconds:8.0f} target tokens/s"
        f"  ({seconds:5.2f} s)"
    )
    return n / seconds


async def _bench(engine: TranslationEngine, lines: list[str], clients: int) -> None:
    async def one_request() -> object:
        return await engine.translate(lines, "nb")

    async def sequential() -> object:
        return [await engine.translate([line], "nb") for line in lines]

    async def concurrent() -> object:
        queue = list(lines)

        async def client() -> None:
            while queue:
                await engine.translate([queue.pop()], "nb")

        return await asyncio.gather(*(client() for _ in range(clients)))

    await engine.translate(lines[:4], "nb")  # warm-up
    n = len(lines)
    await _timed(engine, f"one request, {n} sentences", n, one_request)
    alone = await _timed(engine, f"{n} single-sentence requests, one client", n, sequential)
    calls = engine.stats()["model_calls"]
    together = await _timed(
        engine, f"{n} single-sentence requests, {clients} clients", n, concurrent
    )
    merged = engine.stats()["model_calls"] - calls
    print(f"micro-batching: {together / alone:.2f}x one-at-a-time ({merged} model calls for {n})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=256)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--intra-threads", type=int, default=Settings().intra_threads)
    parser.add_argument("--inter-threads", type=int, default=Settings().inter_threads)
    parser.add_argument("--beam-size", type=int, default=Settings().beam_size)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = build_tiny_model(Path(tmp) / "tiny")
        settings = Settings(
            model_dir=model_dir,
            translation_cache_size=0,
            decoding_length_ratio=1.2,
            decoding_length_margin=0,
            intra_threads=args.intra_threads,
            inter_threads=args.inter_threads,
            beam_size=args.beam_size,
        )
        engine = load_engine(settings)
        assert engine is not None
        print(
            f"tiny model (2+2 layers, d 64), {settings.compute_type}, beam {settings.beam_size}, "
            f"inter {settings.inter_threads} x intra {settings.intra_threads}, "
            f"window {settings.batch_window_ms} ms"
        )
        try:
            asyncio.run(_bench(engine, _lines(args.sentences), args.clients))
        finally:
            engine.close()


if __name__ == "__main__":
    main()

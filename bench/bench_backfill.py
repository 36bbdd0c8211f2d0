"""Back-fill speed on this machine: `--engine local` vs `--engine ray`, as articles/s and a ratio.

    python bench/bench_backfill.py                 # 16 development articles per engine
    python bench/bench_backfill.py --rounds 2      # twice, the second round in reverse order
    python bench/bench_backfill.py --articles 8 --tiny

Uses the random-weight transformer-big from `bench/build_big_model.py` (built first if missing),
or with --tiny the tests' tiny model. Random weights never emit </s>, so every model call decodes
exactly ceil(1.2 x its longest source) tokens (TranslationOptions.fixed_decoding_ratio, as
bench/load.py does): the work of a real model. The sentence cache is off, so no article is
helped by an earlier one.

Each engine runs in its own process (`--one ENGINE`), through the same functions the CLI runs.
The rate is articles / seconds from the first article read to the last written: it includes
loading the model (once in local, once per actor in Ray) but not starting Ray, which a cluster
does once for many archives. Ray runs twice: with its default plan (one single-threaded
translator per CPU) and like-for-like with local (one translator with both CPUs' threads).
On a shared machine the load drifts during a run; with --rounds 2 the second round runs the
engines in reverse order and the summary gives each engine's mean rate, so drift favours none.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.backfill.local import Sink, run_local  # noqa: E402
from service.backfill.output import ShardWriter  # noqa: E402
from service.backfill.progress import Counts, Progress  # noqa: E402
from service.backfill.records import discover  # noqa: E402
from service.config import Settings  # noqa: E402
from service.translation.options import TranslationOptions  # noqa: E402

BIG_MODEL = ROOT / "bench" / "models" / "ct2-big-int8"
FIXED_DECODING_RATIO = 1.2


def _articles(count: int, path: Path) -> None:
    # Every k-th development article: all four languages, short and long ones.
    files = sorted((ROOT / "seeds" / "articles").glob("*.txt"))
    step = max(1, len(files) // count)
    with path.open("w", encoding="utf-8") as out:
        for file in files[::step][:count]:
            title, _, body = file.read_text("utf-8").partition("\n")
            record = {"id": file.stem, "title": title.strip(), "text": body.strip()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _one(engine: str, src: Path, model: Path, actors: int | None, cpus: float | None) -> None:
    """Run one engine in this process; print one JSON line with its timing."""
    settings = Settings(model_dir=model, translation_cache_size=0)
    options = replace(
        TranslationOptions.from_settings(settings), fixed_decoding_ratio=FIXED_DECODING_RATIO
    )
    with tempfile.TemporaryDirectory() as out:
        counts = Counts()
        sink = Sink(ShardWriter(Path(out)), Progress(counts, interval_s=30.0))
        files = discover(str(src))
        plan = ""
        if engine == "ray":
            import ray

            from service.backfill.ray_engine import run_ray

            ray.init(num_cpus=os.cpu_count(), include_dashboard=False, logging_level="WARNING")
            started = time.monotonic()
            how = run_ray(
                files,
                settings,
                frozenset(),
                sink,
                actors=actors,
                cpus_per_actor=cpus,
                translation=options,
            )
            plan = f"{how.actors} actor(s) x {how.cpus_per_actor:.3g} CPU, {how.intra_threads} thr"
        else:
            started = time.monotonic()
            asyncio.run(run_local(files, settings, frozenset(), sink, options))
            plan = f"1 process, {options.intra_threads} threads"
        seconds = time.monotonic() - started
        sink.close()
    result = {"engine": engine, "plan": plan, "articles": counts.done, "errors": counts.errors}
    print(json.dumps({**result, "seconds": round(seconds, 1)}))


def _run(args: list[str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"{args}: failed\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=16)
    ap.add_argument("--tiny", action="store_true", help="the tests' tiny model instead")
    ap.add_argument("--rounds", type=int, default=1, help="rounds, alternately reversed")
    ap.add_argument("--one", choices=("local", "ray"), help=argparse.SUPPRESS)
    ap.add_argument("--in", dest="src", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--actors", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--cpus-per-actor", type=float, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        _one(a.one, a.src, a.model, a.actors, a.cpus_per_actor)
        return
    with tempfile.TemporaryDirectory() as tmp:
        if a.tiny:
            from tests.tiny_model import build_tiny_model

            model, name = build_tiny_model(Path(tmp) / "tiny"), "tiny test model"
        else:
            if not (BIG_MODEL / "model.bin").is_file():
                subprocess.run(
                    [sys.executable, str(ROOT / "bench" / "build_big_model.py"), "--skip-hf"],
                    check=True,
                )
            model, name = BIG_MODEL, "random-weight transformer-big int8"
        src = Path(tmp) / "articles.jsonl"
        _articles(a.articles, src)
        common = ["--in", str(src), "--model", str(model)]
        print(
            f"{a.articles} articles, {name}, fixed decoding ratio {FIXED_DECODING_RATIO}, "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
        )
        configs = [
            ["--one", "local", *common],
            ["--one", "ray", *common],
            ["--one", "ray", *common, "--actors", "1", "--cpus-per-actor", "1.7"],
        ]
        rates: list[list[float]] = [[] for _ in configs]
        plans: list[str] = ["" for _ in configs]
        print(f"{'round':5} {'engine':6} {'plan':34} {'articles':>8} {'s':>7} {'art/s':>7}")
        for round_no in range(a.rounds):
            order = list(range(len(configs)))
            for i in order if round_no % 2 == 0 else order[::-1]:
                r = _run(configs[i])
                rate = float(str(r["articles"])) / float(str(r["seconds"]))
                rates[i].append(rate)
                plans[i] = f"{r['engine']} {r['plan']}"
                print(
                    f"{round_no + 1:5} {r['engine']!s:6} {r['plan']!s:34} {r['articles']!s:>8} "
                    f"{r['seconds']!s:>7} {rate:7.3f}",
                    flush=True,
                )
    local_rate = sum(rates[0]) / len(rates[0])
    print(f"{'mean over rounds':47} {'art/s':>7} {'vs local':>8}")
    for plan, values in zip(plans, rates, strict=True):
        mean = sum(values) / len(values)
        print(f"{plan:47} {mean:7.3f} {mean / local_rate:8.2f}")


if __name__ == "__main__":
    main()

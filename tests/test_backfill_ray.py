"""The Ray engine on a real local Ray with 2 CPUs: the same output as the batch CLI on the
development articles, and a run killed mid-way then rerun writes each id exactly once.

One Ray for the whole module (it takes about 10 s to start). Skips where Ray is not installed
(`pip install -e '.[test,ray]'`, which `make test` does), except under CI=true, where it fails.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.backfill_helpers import (
    BAD_LINES,
    ROOT,
    backfill_records,
    batch_records,
    dev_articles,
    run_backfill,
    run_batch_cli,
    seed_articles,
    shards,
    write_jsonl,
)
from tests.conftest import tiny_settings

NO_RAY = "Ray is not installed: pip install -e '.[test,ray]' (make test does)"


@pytest.fixture(scope="module")
def ray_address() -> Iterator[str]:
    """A local Ray with 2 CPUs; its GCS address, for a CLI run in another process to join."""
    try:
        import ray
    except ModuleNotFoundError:
        if os.environ.get("CI") == "true":
            pytest.fail(NO_RAY)
        pytest.skip(NO_RAY)
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING)
    try:
        yield str(ray.get_runtime_context().gcs_address)
    finally:
        ray.shutdown()


def test_ray_engine_gives_the_batch_cli_output_on_development_articles(
    ray_address: str, tiny_model_dir: Path, tmp_path: Path
) -> None:
    # Every fourth development article (all four languages, some without claims, some integer
    # ids): each article is briefed twice here, by the CLI and through Ray, and on all 92 this was
    # the slowest test of the suite (about 2 minutes) without showing anything more.
    articles = dev_articles()[::4]
    rows: list[Any] = [*articles[:10], *BAD_LINES, articles[3], *articles[10:]]
    src = write_jsonl(tmp_path / "dev.jsonl", rows)
    # No sentence cache: with it a sentence seen in an earlier article keeps that article's
    # translation, and a random-weight model (which decodes every sentence to the length limit
    # of its call) then makes the output depend on the order articles happen to finish in.
    settings = tiny_settings(tiny_model_dir, translation_cache_size=0)
    assert run_batch_cli(src, tmp_path / "batch.jsonl", settings) == 0
    started = time.monotonic()
    # One translator with half a CPU leaves the rest to analysis, the slow part with this model.
    code = run_backfill(src, tmp_path / "out", settings, engine="ray", actors=1, cpus_per_actor=0.5)
    assert code == 0
    ray_seconds = time.monotonic() - started
    expected = batch_records(tmp_path / "batch.jsonl")
    got = backfill_records(tmp_path / "out")
    assert got.keys() == expected.keys()
    for key, record in expected.items():  # article by article: claims, summary, translation, ...
        assert got[key] == record, key
    briefed = [r for r in expected.values() if "brief" in r]
    failed = [r["error"]["detail"] for r in expected.values() if "error" in r][:3]
    assert len(briefed) == len(articles), f"not every article was briefed: {failed}"
    assert all(r["brief"]["translation"] is not None for r in briefed)
    assert sum(len(r["brief"]["claims"]) for r in briefed) > len(articles)  # claims, not empties
    assert len(expected) - len(briefed) == len(BAD_LINES)
    print(f"ray engine: {len(articles)} articles in {ray_seconds:.1f} s")


def _cli(src: Path, out: Path, address: str) -> list[str]:
    return [
        *(sys.executable, "-m", "service", "backfill", "--in", str(src), "--out", str(out)),
        *("--engine", "ray", "--address", address, "--shard-rows", "5", "--no-progress"),
    ]


def _keys(out: Path) -> Counter[str]:
    return Counter(r["key"] for r in shards(out, "briefs") + shards(out, "errors"))


def test_ray_run_killed_mid_way_then_rerun_writes_each_id_exactly_once(
    ray_address: str, tiny_model_dir: Path, tmp_path: Path
) -> None:
    n = 60  # the kill comes after 3 shards of 5 rows; the rerun does the rest
    src, out = tmp_path / "articles.jsonl", tmp_path / "out"
    rows: list[Any] = seed_articles(n)
    rows.insert(30, b'{"id": "broken", "text": "no closing quote}')  # an error row, keyed by line
    write_jsonl(src, rows)
    env = {
        **os.environ,
        "BRIEF_MODEL_DIR": str(tiny_model_dir),
        "BRIEF_DECODING_LENGTH_RATIO": "1.0",
        "PYTHONPATH": str(ROOT),
    }
    # Its own process group: the driver is killed, and nothing it started outlives the test.
    proc = subprocess.Popen(
        _cli(src, out, ray_address),
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list(out.rglob("part-*.parquet"))) >= 3:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = _keys(out)
    if proc.returncode != -signal.SIGKILL or sum(written.values()) >= n + 1:
        pytest.fail(f"the run ended before it could be killed ({len(written)} rows); raise n")
    assert sum(written.values()) >= 10 and set(written.values()) == {1}

    done = subprocess.run(
        _cli(src, out, ray_address), cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"{sum(written.values())} records already in" in done.stderr
    keys = _keys(out)
    assert set(keys.values()) == {1}  # nothing twice
    assert set(keys) == {f'"art-{i}"' for i in range(n)} | {f"{src}:31"}  # nothing lost
    assert not list(out.rglob(".tmp-*"))

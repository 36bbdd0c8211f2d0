"""The back-fill without Ray: inputs, the local engine against the batch CLI, resuming, progress.

The Ray engine's own tests (equality on the development articles, a kill mid-run) are in
tests/test_backfill_ray.py; both engines share everything tested here.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from service.backfill.output import ShardWriter, done_keys
from service.backfill.plan import Plan, plan
from service.backfill.progress import Counts, Progress
from service.backfill.records import NoInput, discover
from service.config import Settings
from tests.backfill_helpers import (
    BAD_LINES,
    HAS_STORE,
    backfill_records,
    batch_records,
    dev_articles,
    run_backfill,
    run_batch_cli,
    shards,
    write_jsonl,
)
from tests.conftest import tiny_settings


def _no_model(tmp_path: Path) -> Settings:
    return Settings(model_dir=tmp_path / "no-model")


def test_local_engine_gives_the_batch_cli_output_record_by_record(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    articles = dev_articles()[:8]
    rows: list[object] = [*articles[:4], *BAD_LINES, articles[0], *articles[4:]]  # + a duplicate
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    settings = tiny_settings(tiny_model_dir)
    assert run_batch_cli(src, tmp_path / "batch.jsonl", settings) == 0
    assert run_backfill(src, tmp_path / "out", settings) == 0
    expected = batch_records(tmp_path / "batch.jsonl")
    assert backfill_records(tmp_path / "out") == expected
    assert len(expected) == 8 + len(BAD_LINES)  # the duplicate is briefed once
    # The malformed lines, as the batch CLI reports them: by line number when there is no id.
    statuses = {k: r["error"]["status"] for k, r in expected.items() if "error" in r}
    assert statuses["line:5"] == 400 and statuses["line:7"] == 422 and statuses["line:9"] == 422
    assert statuses['"no-text"'] == 422 and statuses['"blank"'] == 422


def test_errors_shard_says_why_and_keeps_the_article_context(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "en", "text": "The government sends air defence.", "url": "https://x.invalid/1"},
            b'{"id": 1, "text": ',
        ],
    )
    assert run_backfill(src, tmp_path / "out", _no_model(tmp_path)) == 0
    errors = {r["key"]: r for r in shards(tmp_path / "out", "errors")}
    assert set(errors) == {'"en"', f"{src}:2"}
    english = errors['"en"']
    assert english["status"] == 422 and english["type"].endswith("/unsupported-language")
    assert english["reason"].startswith("The text looks like 'en'")
    assert english["url"] == "https://x.invalid/1" and english["source"] == str(src)
    assert json.loads(english["error"])["detail"] == english["reason"]
    broken = errors[f"{src}:2"]
    assert broken["id"] is None and broken["line"] == 2 and broken["status"] == 400
    assert broken["reason"].startswith("line 2: not JSON")


def test_directory_of_jsonl_and_parquet_shards_and_a_glob(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    (archive / "2024").mkdir(parents=True)
    write_jsonl(archive / "a.jsonl", [{"id": "a1", "text": "Hello there, friends.", "url": "u1"}])
    write_jsonl(archive / "2024" / "b.jsonl", [{"id": 7, "text": "Good morning to you all."}])
    table = pa.table(
        {
            "id": pa.array(["p1", "7"]),  # the string "7" is another article than the number 7
            "text": pa.array(["Nice weather today.", None]),
            "outlet": pa.array(["NRK", "VG"]),
            "published": pa.array([dt.date(2024, 5, 17), None], pa.date32()),
        }
    )
    pq.write_table(table, archive / "2024" / "c.parquet")
    (archive / "notes.txt").write_text("not an input")
    assert [p.name for p in discover(str(archive))] == ["b.jsonl", "c.parquet", "a.jsonl"]
    assert [p.name for p in discover(str(archive / "**" / "*.parquet"))] == ["c.parquet"]
    with pytest.raises(NoInput):
        discover(str(tmp_path / "nothing-*.jsonl"))

    out = tmp_path / "out"
    assert run_backfill(str(archive), out, _no_model(tmp_path)) == 0
    rows = {r["key"]: r for r in shards(out, "errors") + shards(out, "briefs")}
    assert set(rows) == {'"a1"', "7", '"p1"', '"7"'}
    assert rows['"p1"']["published"] == "2024-05-17" and rows['"p1"']["outlet"] == "NRK"
    assert rows['"p1"']["source"].endswith("c.parquet") and rows['"p1"']["line"] == 1
    assert rows['"a1"']["url"] == "u1"
    missing_text = rows['"7"']  # Parquet row 2: null text, validated like a JSONL line
    assert missing_text["status"] == 422 and missing_text["line"] == 2


def test_rerun_skips_what_is_in_dir_and_drops_unfinished_shards(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows: list[object] = [{"id": i, "text": f"Text number {i}."} for i in range(7)]
    write_jsonl(src, rows)
    out, settings = tmp_path / "out", _no_model(tmp_path)
    assert run_backfill(src, out, settings, shard_rows=3) == 0
    files = sorted(p.name for p in out.rglob("*.parquet"))
    assert len(files) == 3  # 3 + 3 + 1 rows
    (out / "errors" / ".tmp-part-killed.parquet").write_bytes(b"half a shard")
    assert run_backfill(src, out, settings, shard_rows=3) == 0
    assert sorted(p.name for p in out.rglob("*.parquet")) == files  # nothing new, debris gone
    assert not list(out.rglob(".tmp-*"))
    write_jsonl(src, [*rows, {"id": 7, "text": "One more."}, {"id": 8, "text": "And another."}])
    assert run_backfill(src, out, settings, shard_rows=3) == 0
    keys = Counter(r["key"] for r in shards(out, "briefs") + shards(out, "errors"))
    assert keys == Counter({str(i): 1 for i in range(9)})
    assert done_keys(out) == (frozenset(str(i) for i in range(9)), 0)


def test_shard_writer_flushes_by_age(tmp_path: Path) -> None:
    writer = ShardWriter(tmp_path, shard_rows=100, flush_seconds=0.0)
    writer.add({"key": '"a"', "id": "a", "brief": "{}", "error": None})
    assert writer.shards == 1  # a slow run loses little to a kill
    assert pq.read_table(tmp_path / "briefs").column("key").to_pylist() == ['"a"']


def test_store_in_a_build_without_the_store_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if HAS_STORE:
        pytest.skip("this build has the claim store: tests/test_backfill_store.py covers --store")
    found = importlib.util.find_spec("service.store")
    if found is not None:  # e.g. an editable install of another checkout of the project
        pytest.skip(f"a service.store from elsewhere is importable here: {found.origin}")
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "x"}])
    code = run_backfill(src, tmp_path / "out", _no_model(tmp_path), store="sqlite:///x.db")
    assert code == 2 and "this build has no claim store" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # refused before anything was done


def test_progress_line_has_the_count_and_the_rate() -> None:
    stream = io.StringIO()
    progress = Progress(Counts(briefs=30, errors=2), stream=stream)
    progress.started -= 16.0  # as if it had run for 16 s
    progress.tick(force=True)
    line = stream.getvalue()
    assert line.startswith("backfill: 32 done (30 briefed, 2 errors) in 16 s, 2.00 articles/s")


@pytest.mark.parametrize(
    ("cpus", "actors", "per_actor", "expected"),
    [
        (2, None, None, Plan(2, 0.85)),  # one translator per CPU, 0.3 CPU kept for the tasks
        (16, None, None, Plan(16, 0.98125)),
        (16, None, 4, Plan(3, 4)),
        (16, 5, None, Plan(5, 3.14)),
        (1, None, None, Plan(1, 0.7)),
    ],
)
def test_ray_plan_fills_in_actors_and_cpus(
    cpus: float, actors: int | None, per_actor: float | None, expected: Plan
) -> None:
    got = plan(cpus, actors, per_actor)
    assert got.actors == expected.actors and got.fits(cpus)
    assert got.cpus_per_actor == pytest.approx(expected.cpus_per_actor)
    assert got.intra_threads == max(1, round(expected.cpus_per_actor))


def test_command_line_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = _no_model(tmp_path)
    assert run_backfill(tmp_path / "none.jsonl", tmp_path / "out", settings) == 2
    assert "no JSONL or Parquet input" in capsys.readouterr().err
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "x"}])
    assert run_backfill(src, tmp_path / "out", settings, actors=2) == 2
    assert "--actors: only with --engine ray" in capsys.readouterr().err

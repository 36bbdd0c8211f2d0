"""Batch mode: every article briefed exactly once across crashes; bad lines reported, not fatal."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from service.batch import recover_output, run_batch
from service.errors import Problem

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _write_jsonl(path: Path, rows: list[Any]) -> None:
    path.write_bytes(
        b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in rows)
    )


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


async def _fake_brief(
    text: str, source_language: str, title: str | None, published: dt.date | None = None
) -> dict[str, Any]:
    # Stands in for the briefing in the unit tests: they test the bookkeeping, not the briefs.
    if not text.strip():
        raise Problem(422, "empty-text", "text is empty")
    return {"chars": len(text), "source_language": source_language, "title": title}


def _run(in_path: Path, out_path: Path, fn: Any = _fake_brief) -> Any:
    return asyncio.run(run_batch(in_path, out_path, fn, progress=False))


def test_every_line_gets_one_record_in_input_order(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, [{"id": i, "text": f"tekst {i}", "title": "T"} for i in range(5)])
    stats = _run(src, out)
    records = _records(out)
    assert [r["id"] for r in records] == list(range(5))
    assert records[3]["brief"] == {"chars": 7, "source_language": "auto", "title": "T"}
    assert stats.briefs == 5 and stats.errors == 0


def test_malformed_lines_are_reported_once_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(
        src,
        [
            {"id": "a", "text": "en"},
            b'{"id": "b", "text": ',  # truncated JSON
            b'{"id": "c", "text": "\xff\xfe"}',  # invalid UTF-8
            b"[1, 2]",  # not an object
            {"id": "d"},  # no text
            {"id": "e", "text": 5},  # wrong type, but an id to report it under
            {"id": True, "text": "x"},  # a boolean is not an id
            {"id": "f", "text": "   "},  # refused by the briefing (empty), like the API does
            b"",  # blank lines are not articles
            {"id": "g", "text": "to"},
        ],
    )
    stats = _run(src, out)
    records = _records(out)
    assert [r["id"] for r in records if "brief" in r] == ["a", "g"]
    errors = [r for r in records if "error" in r]
    # Lines without a usable id are identified by their line number.
    assert [(r["id"], r.get("line"), r["error"]["status"]) for r in errors] == [
        (None, 2, 400),
        (None, 3, 400),
        (None, 4, 422),
        ("d", None, 422),
        ("e", None, 422),
        (None, 7, 422),
        ("f", None, 422),
    ]
    assert all(r["error"]["type"].startswith("https://") and r["error"]["detail"] for r in errors)
    assert stats.malformed == 6 and stats.errors == 1
    assert capsys.readouterr().err.count("malformed input") == 6
    # A second run finds every line done, malformed ones included: nothing is written twice.
    size = out.stat().st_size
    again = _run(src, out)
    assert out.stat().st_size == size and again.already_done == 9


def test_duplicate_ids_are_briefed_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, [{"id": 1, "text": "a"}, {"id": "1", "text": "b"}, {"id": 1, "text": "c"}])
    stats = _run(src, out)
    assert [r["id"] for r in _records(out)] == [1, "1"]  # the number and the string differ
    assert stats.duplicates == 1 and "duplicate id" in capsys.readouterr().err


def test_crash_mid_run_then_resume_writes_each_id_once(tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, [{"id": i, "text": "x" * (i + 1)} for i in range(20)])
    calls = Counter[int]()

    async def crashing(text: str, lang: str, title: str | None, published: dt.date | None) -> Any:
        calls[len(text) - 1] += 1
        if sum(calls.values()) == 8:
            raise KeyboardInterrupt  # the process dies between two articles
        return await _fake_brief(text, lang, title, published)

    with pytest.raises(KeyboardInterrupt):
        _run(src, out, crashing)
    assert len(_records(out)) == 7
    _run(src, out, crashing)
    assert sorted(r["id"] for r in _records(out)) == list(range(20))
    assert calls[7] == 2 and all(calls[i] == 1 for i in range(20) if i != 7)


def test_torn_last_line_is_cut_and_that_article_redone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, [{"id": i, "text": "abc"} for i in range(4)])
    _run(src, out)
    whole = out.read_bytes()
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:10])  # killed while writing record 3
    keys, dropped = recover_output(out)
    assert keys == {"0", "1"} and dropped == 10
    assert out.read_bytes() == b"".join(lines[:2])  # the torn bytes are gone
    out.write_bytes(b"".join(lines[:2]) + lines[2][:10])
    _run(src, out)  # the run itself recovers the same way
    assert out.read_bytes() == whole
    assert "torn last line (10 bytes)" in capsys.readouterr().err


# --- the real CLI, killed with SIGKILL half-way --------------------------------------------------


def _articles(n: int) -> list[dict[str, Any]]:
    nb = (SEEDS / "seed_nb.txt").read_text("utf-8").split("\n\n")
    sv = (SEEDS / "seed_sv.txt").read_text("utf-8").split("\n\n")
    rows: list[dict[str, Any]] = []
    for i in range(n):
        paras = nb if i % 2 else sv
        # Two paragraphs of a seed article, rotated, so the articles differ.
        text = "\n\n".join(paras[(i + k) % len(paras)] for k in range(2))
        rows.append({"id": f"art-{i}", "text": text, "title": None if i % 3 else f"Tittel {i}"})
    return rows


def _cli(src: Path, out: Path, tmp_path: Path) -> list[str]:
    return [sys.executable, "-m", "service", "brief", "--in", str(src), "--out", str(out)]


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "BRIEF_MODEL_DIR": str(tmp_path / "no-model"), "PYTHONPATH": str(ROOT)}


def test_sigkill_half_way_then_rerun_briefs_each_article_exactly_once(tmp_path: Path) -> None:
    n = 300
    src, out = tmp_path / "articles.jsonl", tmp_path / "briefs.jsonl"
    rows: list[Any] = _articles(n)
    rows.insert(100, b'{"id": "broken", "text": "no closing quote}')  # reported, not fatal
    _write_jsonl(src, rows)

    proc = subprocess.Popen(
        _cli(src, out, tmp_path),
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 60:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = out.read_bytes().count(b"\n")
    if proc.returncode != -signal.SIGKILL or written >= n + 1:
        pytest.fail(f"the run ended before it could be killed ({written} lines); raise n")
    assert written >= 60

    done = subprocess.run(
        _cli(src, out, tmp_path),
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    records = _records(out)
    ids = Counter(r["id"] for r in records if r["id"] is not None)
    assert set(ids) == {f"art-{i}" for i in range(n)} and set(ids.values()) == {1}
    malformed = [r for r in records if r["id"] is None]
    assert len(malformed) == 1 and malformed[0]["line"] == 101
    assert all("brief" in r for r in records if r["id"] is not None)
    assert "already in" in done.stderr

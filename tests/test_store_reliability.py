"""The store under concurrent writers and crashes, on SQLite and PostgreSQL: eight HTTP clients
and a batch run storing into one database at once lose no write and make no duplicate; a batch
run killed half-way and run again with --store stores each article exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from service.app import create_app
from service.config import Settings
from service.store import connect
from service.store.identity import content_hash
from service.store.models import Article, Claim
from tests.live_server import serve
from tests.store_support import ROOT, SCRIPT_ENV, SEEDS, Scripted, ScriptedExtractor

CLIENTS = 8
PARAGRAPHS = (SEEDS / "seed_nb.txt").read_text(encoding="utf-8").split("\n\n")


def _text(i: int) -> str:
    # A headline of its own, so every article is a different text; two seed paragraphs, rotated.
    body = "\n\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(2))
    return f"Sak {i}: Nord-Korea sender granater til Russland\n\n{body}"


def _script(texts: list[str]) -> ScriptedExtractor:
    return ScriptedExtractor(
        {
            t: [
                Scripted("North Korea", "Russia", f"shells, lot {i}", "asserted"),
                Scripted("Iran", "Russia", f"drones, lot {i}", "denied", "Iran"),
            ]
            for i, t in enumerate(texts)
        }
    )


def _counts(url: str) -> tuple[Counter[str], int, list[tuple[str | None, int, bool]]]:
    """(articles per content hash, claims, (url, revision, current) of every article)."""
    from sqlalchemy import func, select

    store = connect(url)
    try:
        with store.read() as s:
            hashes = Counter(s.scalars(select(Article.content_hash)))
            claims = int(s.scalar(select(func.count()).select_from(Claim)) or 0)
            rows = [
                tuple(r)
                for r in s.execute(select(Article.url, Article.revision, Article.is_current))
            ]
    finally:
        store.close()
    return hashes, claims, rows  # type: ignore[return-value]


def _cli(args: list[str], env: dict[str, str]) -> list[str]:
    return [sys.executable, "-m", "tests.scripted_cli", "brief", *args, "--store", "--no-progress"]


def _env(store_url: str, script: Path, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "BRIEF_STORE_URL": store_url,
        "BRIEF_MODEL_DIR": str(tmp_path / "no-model"),
        "PYTHONPATH": str(ROOT),
        SCRIPT_ENV: str(script),
    }


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_eight_clients_and_a_batch_run_lose_nothing_and_duplicate_nothing(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [_text(i) for i in range(200)]
    script = _script(texts)
    script.install(monkeypatch)  # the server runs in this process
    script_file = tmp_path / "claims.json"
    script.save(script_file)
    # HTTP: each client its own ten (0-79), and all eight post the same ten (80-89) at once;
    # 120-127 are eight new texts of one URL, one per client. The batch: 60-119 and 128-199, so
    # 60-89 are stored by both at once, the rest by the batch alone.
    batch_in, batch_out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    batch_ids = [*range(60, 120), *range(128, 200)]
    _write_jsonl(batch_in, [{"id": i, "text": texts[i], "outlet": "NTB"} for i in batch_ids])
    settings = Settings(
        model_dir=tmp_path / "no-model", store_url=store_url, max_concurrent_briefs=16
    )
    answers: dict[int, list[int]] = {}

    def client(n: int, base: str) -> None:
        mine = [*range(n * 10, n * 10 + 10), *range(80, 90), 120 + n]
        with httpx.Client(base_url=base, timeout=120) as http:
            for i in mine:
                url = "https://www.vg.no/live/1" if i >= 120 else None
                r = http.post("/v1/brief", json={"text": texts[i], "store": True, "url": url})
                assert r.status_code == 200, r.text
                answers.setdefault(i, []).append(r.json()["article_id"])

    with serve(create_app(settings)) as base:
        batch = subprocess.Popen(
            _cli(["--in", str(batch_in), "--out", str(batch_out)], {}),
            cwd=ROOT,
            env=_env(store_url, script_file, tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        # The clients start once the batch is storing, so the two really write at once.
        while batch.poll() is None and not (batch_out.exists() and batch_out.stat().st_size):
            time.sleep(0.01)
        assert batch.poll() is None, "the batch ended before the clients started"
        with ThreadPoolExecutor(CLIENTS) as pool:
            for future in [pool.submit(client, n, base) for n in range(CLIENTS)]:
                future.result()
        _, err = batch.communicate(timeout=300)
        assert batch.returncode == 0, err.decode()
        # Every answer names the article of its own text, and one text is one article.
        with httpx.Client(base_url=base) as http:
            for i, ids in answers.items():
                assert len(set(ids)) == 1, (i, ids)
                assert http.get(f"/v1/articles/{ids[0]}").json()["text"] == texts[i]
            current = http.get("/v1/claims", params={"limit": 1}).json()["total"]
    records = _records(batch_out)
    assert sorted(r["id"] for r in records) == batch_ids
    for r in records:
        if r["id"] in answers:
            assert r["brief"]["article_id"] == answers[r["id"]][0]

    hashes, claims, rows = _counts(store_url)
    assert set(hashes) == {content_hash(t) for t in texts} and set(hashes.values()) == {1}
    assert claims == 2 * len(texts)
    live = sorted((rev, cur) for url, rev, cur in rows if url == "https://www.vg.no/live/1")
    # Eight revisions of one URL, numbered 1-8, exactly one of them current: the last one.
    assert [rev for rev, _ in live] == list(range(1, 9))
    assert [cur for _, cur in live] == [False] * 7 + [True]
    assert current == 2 * (len(texts) - 7)


def test_a_killed_batch_run_rerun_with_store_stores_each_article_once(
    store_url: str, tmp_path: Path
) -> None:
    n = 300
    texts = [_text(i) for i in range(n)]
    script_file = tmp_path / "claims.json"
    _script(texts).save(script_file)
    src, out = tmp_path / "articles.jsonl", tmp_path / "briefs.jsonl"
    _write_jsonl(
        src,
        [{"id": f"a{i}", "text": t, "url": f"https://e24.no/{i}", "published": "2024-05-0"
          + str(1 + i % 9)} for i, t in enumerate(texts)],
    )  # fmt: skip
    env = _env(store_url, script_file, tmp_path)
    command = _cli(["--in", str(src), "--out", str(out)], env)
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 60:
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = out.read_bytes().count(b"\n")
    if proc.returncode != -signal.SIGKILL or written >= n:
        pytest.fail(f"the run ended before it could be killed ({written} lines); raise n")
    stored_before, _, _ = _counts(store_url)
    assert written <= sum(stored_before.values()) <= written + 1  # at most one stored unwritten

    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    records = _records(out)
    assert Counter(r["id"] for r in records) == Counter(f"a{i}" for i in range(n))
    article_ids = [r["brief"]["article_id"] for r in records]
    hashes, claims, rows = _counts(store_url)
    assert len(set(article_ids)) == n == sum(hashes.values()) == len(hashes)
    assert claims == 2 * n
    assert sorted(url for url, _, _ in rows) == sorted(f"https://e24.no/{i}" for i in range(n))
    assert all(rev == 1 and cur for _, rev, cur in rows)

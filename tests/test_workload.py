"""Bounded CPU work per briefing: a budget (413 over-budget) and a bound on concurrent briefings
(503 busy with Retry-After), through real HTTP on the ASGI app."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from service.app import create_app
from service.config import Settings
from service.workload import Budget, OverBudget, Slots
from tests.conftest import SEEDS

ARTICLE = (SEEDS / "seed_nb.txt").read_text(encoding="utf-8")


def _problem(r: Any, status: int, kind: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert body["type"].endswith("/" + kind)
    return body


def test_budget_counts_this_threads_cpu_time() -> None:
    budget = Budget(0.05)
    budget.check("start")  # nothing used yet
    time.sleep(0.1)  # sleeping is no CPU time
    budget.check("after sleeping")
    deadline = time.perf_counter() + 5
    while time.perf_counter() < deadline:
        try:
            budget.check("spinning")
        except OverBudget as over:
            assert over.stage == "spinning" and over.budget_s == 0.05
            break
    else:
        raise AssertionError("a CPU-bound loop never went over a 50 ms budget")


def test_slots_refuse_past_the_limit_and_free_on_exit() -> None:
    slots = Slots(1)
    with slots.hold():
        try:
            with slots.hold():
                raise AssertionError("a second holder got in")
        except Exception as exc:  # Busy
            assert getattr(exc, "retry_after", 0) >= 1
    with slots.hold():  # free again
        assert slots.in_use == 1


def test_brief_over_its_cpu_budget_is_413(tmp_path: Path) -> None:
    # Thirty copies of a real article: seconds of analysis, far over a half-second budget,
    # while the article itself fits in it.
    text = "\n\n".join([ARTICLE] * 30)
    settings = Settings(model_dir=tmp_path / "none", brief_cpu_budget_s=0.5)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        assert client.post("/v1/brief", json={"text": ARTICLE}).status_code == 200
        started = time.perf_counter()
        r = client.post("/v1/brief", json={"text": text})
        elapsed = time.perf_counter() - started
        body = _problem(r, 413, "over-budget")
        assert "0.5 s" in body["detail"]
        # The budget stops the work within one unit of it, not after the whole analysis.
        assert elapsed < 3


def test_briefings_past_the_concurrency_bound_get_503_with_retry_after(tmp_path: Path) -> None:
    settings = Settings(model_dir=tmp_path / "none", max_concurrent_briefs=1)
    heavy = "\n\n".join([ARTICLE] * 20)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        results: list[int] = []

        def post_heavy() -> None:
            results.append(client.post("/v1/brief", json={"text": heavy}).status_code)

        thread = threading.Thread(target=post_heavy)
        thread.start()
        slots = client.app.state.brief_slots  # type: ignore[attr-defined]
        deadline = time.monotonic() + 10
        while slots.in_use == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        assert slots.in_use == 1, "the heavy briefing never started"
        r = client.post("/v1/brief", json={"text": ARTICLE[:300]})
        thread.join(120)
    _problem(r, 503, "busy")
    assert int(r.headers["retry-after"]) >= 1
    assert results == [200]

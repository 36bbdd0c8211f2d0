"""The engine with a tiny real CTranslate2 model: order, paragraphs, splitting, cache, batching."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.translation.batcher import CallCost, CostFit, MicroBatcher
from service.translation.engine import QueueFull, TranslationEngine
from service.translation.segment import split_text
from tests.conftest import tiny_engine
from tests.tiny_model import NB, SV, spy_on


def make_engine(model_dir: Path, **overrides: Any) -> TranslationEngine:
    engine = tiny_engine(model_dir, **overrides)
    assert engine is not None
    return engine


@pytest.fixture()
def engine(tiny_model_dir: Path) -> Iterator[TranslationEngine]:
    e = make_engine(tiny_model_dir, translation_cache_size=0)
    yield e
    e.close()


def test_load_reports_model_and_translates(engine: TranslationEngine) -> None:
    assert engine.model_info["name"] == "tiny-opus-mt"
    assert engine.model_info["compute_type"] == "int8"
    out = asyncio.run(engine.translate([NB[0]], "nb"))
    assert len(out) == 1 and out[0].strip()


def test_load_engine_without_model_returns_none_and_logs_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("INFO", logger="service.translation")
    assert tiny_engine(tmp_path / "nothing") is None
    lines = [r for r in caplog.records if r.name.startswith("service.translation")]
    assert len(lines) == 1
    assert "python -m models install" in lines[0].getMessage()


def test_broken_model_dir_returns_none(tmp_path: Path) -> None:
    for name in ("model.bin", "source.spm", "target.spm"):
        (tmp_path / name).write_bytes(b"not a model")
    assert tiny_engine(tmp_path) is None


def test_batch_order_is_kept(engine: TranslationEngine) -> None:
    texts = [NB[1], SV[2], NB[3], SV[4]]
    forward = asyncio.run(engine.translate(texts, "nb"))
    backward = asyncio.run(engine.translate(texts[::-1], "nb"))
    assert len(set(forward)) == 4  # the tiny model's outputs differ per input
    assert backward == forward[::-1]


def test_paragraph_breaks_and_blank_lines_come_back_exactly(engine: TranslationEngine) -> None:
    text = f"  {NB[5]}\n\n{NB[6]} {NB[7]}\n \n\n– {NB[8]}\n"
    [out] = asyncio.run(engine.translate([text], "nb"))
    src_seps = [s.text for s in split_text(text) if not s.translate]
    assert out.startswith("  ") and out.endswith("\n")
    assert out.count("\n\n") == text.count("\n\n")
    for sep in ("\n\n", "\n \n\n"):
        assert sep in out
    assert len(out.split("\n\n")) == len(text.split("\n\n"))
    assert src_seps == ["  ", "\n\n", " ", "\n \n\n", "\n"]


def test_every_sentence_of_a_long_text_reaches_the_model_in_one_call(tiny_model_dir: Path) -> None:
    engine = make_engine(tiny_model_dir, translation_cache_size=0, max_sentence_tokens=40)
    spy = spy_on(engine)
    long_sentence = ", ".join(NB[10:14]).replace(".", "")  # one sentence far over 40 tokens
    text = "\n\n".join([" ".join(NB[20:25]), long_sentence, " ".join(SV[30:33])])
    try:
        [out] = asyncio.run(engine.translate([text], "nb"))
    finally:
        engine.close()
    assert len(spy.calls) == 1
    sent = spy.calls[0]
    assert all(s[-1] == "</s>" for s in sent)
    assert all(len(s) - 1 <= 40 for s in sent)  # split, never truncated
    # Every character of every sentence went to the model: the pieces' text adds up to the input.
    pieces = "".join("".join(s[:-1]) for s in sent).replace("\u2581", "")
    expected = "".join(t.text for t in split_text(text) if t.translate).replace(" ", "")
    assert sorted(pieces) == sorted(expected)
    assert len(sent) >= 5 + 3 + 2  # the long sentence became several pieces
    assert out.count("\n\n") == 2


def test_cache_hit_skips_the_model(tiny_model_dir: Path) -> None:
    engine = make_engine(tiny_model_dir, translation_cache_size=100)
    spy = spy_on(engine)
    try:
        first = asyncio.run(engine.translate([f"{NB[40]} {NB[41]}"], "nb"))
        again = asyncio.run(engine.translate([NB[41], NB[40]], "nb"))
        stats = engine.stats()
    finally:
        engine.close()
    assert len(spy.calls) == 1
    assert stats["cache_hits"] == 2 and stats["cache_entries"] == 2
    assert first[0] == f"{again[1]} {again[0]}"


def test_cache_size_zero_disables_it(tiny_model_dir: Path) -> None:
    engine = make_engine(tiny_model_dir, translation_cache_size=0)
    spy = spy_on(engine)
    try:
        for _ in range(2):
            asyncio.run(engine.translate([NB[42]], "nb"))
    finally:
        engine.close()
    assert len(spy.calls) == 2


def test_concurrent_requests_merge_into_one_model_call(tiny_model_dir: Path) -> None:
    engine = make_engine(tiny_model_dir, translation_cache_size=0, batch_window_ms=50)
    spy = spy_on(engine)

    async def many() -> list[list[str]]:
        return await asyncio.gather(*(engine.translate([NB[50 + i]], "nb") for i in range(8)))

    try:
        merged = asyncio.run(many())
        # The same eight as one request. (A random-weight model never stops by itself, so its
        # outputs depend on the call's longest sentence; same set, same call limit.)
        together = asyncio.run(engine.translate([NB[50 + i] for i in range(8)], "nb"))
    finally:
        engine.close()
    assert len(spy.calls) == 2
    sentences = sum(s.translate for i in range(8) for s in split_text(NB[50 + i]))
    assert len(spy.calls[0]) == sentences  # the first call carried all eight requests
    assert [m[0] for m in merged] == together  # and each got its own translation back


def test_admission_is_by_work_ahead_and_retry_after_comes_from_the_estimate() -> None:
    """A request is refused only when the work queued ahead of it, at the measured cost per
    unit, would keep it waiting past max_wait_s; Retry-After is the excess, rounded up."""
    gate = threading.Event()

    def run(items: list[str]) -> list[str]:
        gate.wait(10)
        return [i.upper() for i in items]

    batcher: MicroBatcher[str, str] = MicroBatcher(
        run, weight=len, window_s=0, max_wait_s=5.0, max_items=256
    )

    async def scenario() -> tuple[list[list[str]], QueueFull, float]:
        gate.set()
        assert await batcher.submit(["warm"]) == ["WARM"]  # one timed call: a cost estimate
        gate.clear()
        batcher.cost = CallCost(0.0, 1.0)  # pin the estimate: 1 s per unit of work
        running = asyncio.create_task(batcher.submit(["aa"]))  # inside the (blocked) call
        await asyncio.sleep(0.05)
        queued = [asyncio.create_task(batcher.submit(["bbb"]))]  # 2 s ahead: admitted
        await asyncio.sleep(0.01)
        wait = batcher.estimated_wait()  # what is left of 2 units running, plus 3 queued
        queued.append(asyncio.create_task(batcher.submit(["cccc"])))  # just under 5 s: admitted
        await asyncio.sleep(0.01)
        with pytest.raises(QueueFull) as refused:  # about 2 + 3 + 4 = 9 s ahead: refused
            await batcher.submit(["d"])
        gate.set()
        return [await running, *[await q for q in queued]], refused.value, wait

    try:
        done, refused, wait = asyncio.run(scenario())
    finally:
        gate.set()
        batcher.close()
    assert done == [["AA"], ["BBB"], ["CCCC"]]
    assert 4.8 < wait < 5.0
    assert refused.retry_after == 4  # ceil(about 8.9 s ahead - 5 s allowed)


def test_cost_fit_separates_the_fixed_part_of_a_call_from_the_part_per_unit() -> None:
    """Calls of different sizes give both parts; calls of one size afterwards keep their ratio and
    only rescale; with one size only, all the cost is per unit (the cautious reading)."""
    fit = CostFit()
    for work in (20, 200, 30, 400, 25):
        cost = fit.add(work, 0.5 + 0.002 * work)
    assert cost is not None
    assert cost.per_call == pytest.approx(0.5) and cost.per_unit == pytest.approx(0.002)
    for _ in range(40):  # the calls are all of one size now: the shape is kept
        cost = fit.add(30, 0.5 + 0.002 * 30)
    assert cost is not None
    assert cost.per_call == pytest.approx(0.5) and cost.per_unit == pytest.approx(0.002)
    for _ in range(40):  # the machine got twice as slow: the scale follows, a fixed part stays
        cost = fit.add(30, 2 * (0.5 + 0.002 * 30))
    assert cost is not None
    assert cost.seconds(30, 1) == pytest.approx(1.12) and cost.per_call > 0.5
    alone = CostFit()
    for _ in range(3):
        only = alone.add(30, 0.6)
    assert only == CallCost(0.0, pytest.approx(0.02))
    assert only.seconds(300, 2) == pytest.approx(6.0)


def test_a_burst_of_single_sentences_after_calibration_is_admitted() -> None:
    """32 single-sentence requests arriving at once go out in one or two calls, whose fixed part
    is paid once: with the fixed part known from calibration they are all admitted. Calibrated on
    a lone sentence only, all its 0.115 s counts per unit, and the same burst is partly refused."""
    def run(items: list[str]) -> list[str]:
        time.sleep(0.1 + 0.0005 * sum(len(i) for i in items))  # a fixed part and a part per unit
        return [i.upper() for i in items]

    def burst(samples: list[list[str]]) -> tuple[int, int, CallCost | None]:
        batcher: MicroBatcher[str, str] = MicroBatcher(
            run, weight=len, window_s=0, max_wait_s=1.5, max_items=256
        )
        batcher.calibrate(samples)
        calibrated = batcher.cost

        async def send() -> list[list[str] | BaseException]:
            return await asyncio.gather(
                *(batcher.submit([f"{i:02d}" * 15]) for i in range(32)), return_exceptions=True
            )

        try:
            answers = asyncio.run(send())
        finally:
            batcher.close()
        served = [a for i, a in enumerate(answers) if a == [f"{i:02d}" * 15]]
        refused = [a for a in answers if isinstance(a, QueueFull)]
        assert len(served) + len(refused) == 32
        return len(refused), batcher.calls, calibrated

    refused, calls, cost = burst([["w" * 30], ["a" * 30], [c * 30 for c in "bcdefghi"]])
    assert cost is not None and cost.per_call > 0.05  # the fixed part is seen
    assert (refused, calls <= 3) == (0, True)
    refused, _calls, cost = burst([["w" * 30], ["a" * 30]])
    assert cost is not None and cost.per_call == 0.0
    assert refused > 0


def test_sixteen_concurrent_single_sentences_are_all_served(tiny_model_dir: Path) -> None:
    """Light load is served, not refused: the work of 16 sentences is far below the wait."""
    engine = make_engine(tiny_model_dir, translation_cache_size=0)

    async def scenario() -> list[list[str]]:
        await engine.translate([NB[80]], "nb")  # a measured cost, so admission is active
        return await asyncio.gather(*(engine.translate([NB[81 + i]], "nb") for i in range(16)))

    try:
        results = asyncio.run(scenario())
    finally:
        engine.close()
    assert len(results) == 16 and all(r[0] for r in results)


def test_text_with_nothing_to_translate_passes_through(engine: TranslationEngine) -> None:
    texts = ["   ", "\n\n", "\x00", "🙂 *** –", "\u200b"]
    assert asyncio.run(engine.translate(texts, "nb")) == texts

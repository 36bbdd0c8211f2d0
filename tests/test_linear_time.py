"""Every stage is linear in the text: adversarial inputs at 2k, 20k and 150k characters.

Each input is built to stress one mechanism (long coordinations, nested reported speech,
repeated triggers, quotes, brackets, one word per line, no spaces at all). The whole analysis of a
briefing (detection, segmentation, parsing, claims, summary) plus its Markdown and HTML renderings
is timed at each size; the test compares ratios between sizes, never absolute times, so a slow or
busy machine does not fail it, while any quadratic step (a 56x jump from 20k to 150k) does.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest

from service.briefing import build_brief
from service.rendering import render_html, render_markdown
from service.schemas.brief import BriefResponse

SIZES = (2_000, 20_000, 150_000)
# Allowed growth over the size ratio: generous for timer noise and caches warming up, far below
# what a quadratic step gives (7.5 x 7.5 = 56 from 20k to 150k).
SLACK = 3.0

COUNTRIES = ["Norge", "Sverige", "Danmark", "Finland", "Tyskland", "Polen", "Nederland", "Canada"]


def _repeat(unit: str, size: int, sep: str = " ") -> str:
    return (sep.join([unit] * (size // (len(unit) + len(sep)) + 1)))[:size]


def _list(size: int) -> str:
    head = "Disse landene sender våpen til Ukraina: "
    return head + _repeat(", ".join(COUNTRIES), size - len(head), ", ") + "."


def _nested_speech(size: int) -> str:
    return _repeat("Forsvarsministeren sier at NRK melder at", size - 40) + " Norge sender droner."


def _triggers(size: int) -> str:
    return "Iran " + _repeat("sender leverer selger", size - 30) + " droner til Russland."


def _quotes(size: int) -> str:
    return _repeat("«Vi sender våpen til Ukraina», sa han. – Vi leverer mer,", size)


def _brackets(size: int) -> str:
    depth = size // 40
    return "Norge (" * depth + "sender våpen til Ukraina" + ")" * depth


def _word_per_line(size: int) -> str:
    return _repeat("Norge\nsender\nvåpen\ntil\nUkraina", size, "\n")


def _no_spaces(size: int) -> str:
    return _repeat("NorgesendervåpentilUkraina", size, "")


def _country_lines(size: int) -> str:
    return _repeat("\n".join(f"{c} sender våpen til Ukraina" for c in COUNTRIES), size, "\n")


CASES: dict[str, Callable[[int], str]] = {
    "long coordination": _list,
    "nested reported speech": _nested_speech,
    "repeated triggers": _triggers,
    "quotes": _quotes,
    "brackets": _brackets,
    "one word per line": _word_per_line,
    "no spaces": _no_spaces,
    "newline-separated claims": _country_lines,
}


def _cost(text: str) -> float:
    """Seconds for the analysis and both renderings (best of two runs below 100,000
    characters, where timer noise matters; one above)."""
    best = float("inf")
    for _ in range(2 if len(text) < 100_000 else 1):
        started = time.perf_counter()
        brief = BriefResponse.of(asyncio.run(build_brief(text, "nb", None, None)))
        render_markdown(brief)
        render_html(brief, None, text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("name", list(CASES))
def test_cost_grows_no_faster_than_the_text(name: str) -> None:
    texts = [CASES[name](size)[:size] for size in SIZES]
    # The generators fill each size to within a unit; brackets nest to a size of their own.
    sized = all(s - 50 <= len(t) <= s for t, s in zip(texts, SIZES, strict=True))
    assert sized or name == "brackets"
    _cost(texts[0])  # warm up: pipelines and caches load once, outside the timing
    costs = [_cost(t) for t in texts]
    for (small, big), (t_small, t_big) in zip(
        zip(SIZES, SIZES[1:], strict=False), zip(costs, costs[1:], strict=False), strict=True
    ):
        allowed = SLACK * big / small
        assert t_big / max(t_small, 1e-3) <= allowed, (
            f"{name}: {small} -> {big} characters took {t_small:.3f} -> {t_big:.3f} s "
            f"({t_big / t_small:.1f}x; linear allows {allowed:.1f}x)"
        )

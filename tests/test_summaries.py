"""The briefing summary on 26 development articles with hand-written reference summaries
(tests/summaries.json, by an analyst who did not see the code): every supplier-recipient pair the
claims name is in it, every count, value and designation the claims carry is in it, and it stays
within the word limit. `scripts/summaries.py` prints generated and reference side by side."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from service.briefing import build_brief
from service.summary import MAX_WORDS, english

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
REFERENCES: dict[str, dict[str, object]] = json.loads((HERE / "summaries.json").read_text("utf-8"))


def test_references_are_within_the_limit_too() -> None:
    assert len(REFERENCES) >= 20
    assert all(len(str(r["reference"]).split()) <= MAX_WORDS for r in REFERENCES.values())


@pytest.mark.parametrize("key", sorted(REFERENCES))
def test_summary_says_every_pair_and_every_number(key: str) -> None:
    brief = asyncio.run(build_brief((SEEDS / key).read_text("utf-8"), "auto"))
    summary = brief.summary
    assert len(summary.split()) <= MAX_WORDS
    if not brief.claims:
        assert summary.startswith("No supply claims were found")
    for claim in brief.claims:
        assert claim.supplier in summary and claim.recipient in summary, (claim, summary)
        if claim.quantity:
            assert english.count(claim.quantity) in summary, (claim.quantity, summary)
        if claim.value:
            assert english.money(claim.value) in summary, (claim.value, summary)
        for designation in claim.designations:
            assert designation in summary, (designation, summary)

"""Capability tests in the manner of CheckList: for each linguistic capability and language, items
written from the annotation guideline (tests/capabilities.jsonl) with their exact facts.

Every item asserts equality of the fact sets, never a subset. The items the extractor still gets
wrong are listed in tests/capabilities_known_failures.txt; they run as strict xfails, so a fix
that makes one pass fails the run until it is taken off the list, and a new failure on any other
item fails it at once. `bench/bench_capabilities.py` prints the pass rates per capability.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from service.claims import extract_claims

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "bench"))

from claims_names import normalise  # noqa: E402

ITEMS = [json.loads(line) for line in (HERE / "capabilities.jsonl").read_text("utf-8").splitlines()]
KNOWN = {
    line.split("#")[0].strip()
    for line in (HERE / "capabilities_known_failures.txt").read_text("utf-8").splitlines()
    if line.split("#")[0].strip()
}


def facts(claims: list[dict[str, Any]], hedge: bool) -> set[tuple[str, ...]]:
    return {
        (normalise(c["supplier"]), normalise(c["recipient"]), c["stance"])
        + ((str(bool(c.get("hedged"))),) if hedge else ())
        for c in claims
    }


def _param(item: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason="known failure")] if item["id"] in KNOWN else []
    return pytest.param(item, id=item["id"], marks=marks)


def test_known_failures_name_real_items() -> None:
    assert KNOWN <= {item["id"] for item in ITEMS}


@pytest.mark.parametrize("item", [_param(i) for i in ITEMS])
def test_capability(item: dict[str, Any]) -> None:
    hedge = item["capability"] == "hedge_scope"
    got = [
        {"supplier": c.supplier, "recipient": c.recipient, "stance": c.stance,
         "hedged": c.hedged}
        for c in extract_claims(item["text"], item["lang"])
    ]
    assert facts(got, hedge) == facts(item["claims"], hedge)

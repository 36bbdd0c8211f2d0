"""Capability pass rates (CheckList style): for each capability and language, the share of
test items whose facts the extractor gets exactly right, and what it got wrong.

    .venv/bin/python bench/bench_capabilities.py [--errors] [--capability ID] [--lang XX]

Items are tests/capabilities.jsonl (written from the annotation guideline, never from the
extractor). A fact is (supplier, recipient, stance), plus `hedged` for the hedge capability;
names go through the scorer's own table (bench/claims_names.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claims_names import normalise  # noqa: E402

ITEMS = ROOT / "tests" / "capabilities.jsonl"
Fact = tuple[str, ...]


def load() -> list[dict[str, object]]:
    return [json.loads(line) for line in ITEMS.read_text(encoding="utf-8").splitlines() if line]


def expected(item: dict[str, object]) -> set[Fact]:
    hedge = item["capability"] == "hedge_scope"
    return {
        (normalise(c["supplier"]), normalise(c["recipient"]), c["stance"])
        + ((str(bool(c.get("hedged"))),) if hedge else ())
        for c in item["claims"]  # type: ignore[union-attr]
    }


def predicted(item: dict[str, object]) -> set[Fact]:
    from service.claims import extract_claims

    hedge = item["capability"] == "hedge_scope"
    return {
        (normalise(c.supplier), normalise(c.recipient), c.stance)
        + ((str(c.hedged),) if hedge else ())
        for c in extract_claims(str(item["text"]), str(item["lang"]))
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--capability")
    parser.add_argument("--lang")
    args = parser.parse_args()
    passed: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for item in load():
        cap, lang = str(item["capability"]), str(item["lang"])
        if (args.capability and cap != args.capability) or (args.lang and lang != args.lang):
            continue
        want, got = expected(item), predicted(item)
        cell = passed[(cap, lang)]
        cell[0] += want == got
        cell[1] += 1
        if args.errors and want != got:
            print(f"{item['id']}: {item['text']!r}\n   want {sorted(want)}\n   got  {sorted(got)}")
    langs = sorted({lang for _, lang in passed})
    print(f"{'capability':28} " + " ".join(f"{x:>7}" for x in [*langs, "all"]))
    for cap in sorted({c for c, _ in passed}):
        cells = [passed[(cap, lang)] for lang in langs]
        total = [sum(c[0] for c in cells), sum(c[1] for c in cells)]
        print(f"{cap:28} " + " ".join(f"{c[0]:>3}/{c[1]:<3}" for c in [*cells, total]))


if __name__ == "__main__":
    main()

"""The curated lexicon files parse and keep their schema (read by path: no loader code needed)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

LEXICON = Path(__file__).resolve().parent.parent / "service" / "claims" / "lexicon"
LANGS = {"nb", "nn", "sv", "da"}
# UD UPOS of the head; AUX (modals), DET/PRON ("ingen") and CCONJ ("verken") extend the base set.
POS = {"VERB", "NOUN", "ADV", "ADJ", "PART", "ADP", "AUX", "DET", "PRON", "CCONJ"}
CLASSES = {
    "GIVE", "FUND", "SUPPLY_WITH", "RECEIVE", "REQUEST", "REFUSE", "DENY", "ADMIT", "PLAN",
    "FUTURE", "PURCHASE", "ORDER",
    "CONSIDER", "CALL", "SPEECH", "BELIEF", "HEDGE", "NEGATION", "TRANSFER_NOUN", "ORDER_NOUN",
    "REQUEST_NOUN", "REFUSAL_NOUN", "DENIAL_NOUN", "SUPPLIER_NOUN",
}  # fmt: skip
CATEGORIES = {
    "weapon", "munition", "missile", "drone", "aircraft", "vehicle", "vessel", "air_defence",
    "artillery", "sensor", "dual_use", "troops", "military_generic", "civil",
}  # fmt: skip
TRIGGER_HEADER = ["lang", "lemma", "pos", "class", "note"]
ITEM_HEADER = ["lang", "lemma", "english", "category", "suffix", "note"]


def read(name: str, header: list[str]) -> list[dict[str, str]]:
    """Rows of one TSV; '#' lines are comments. Fails on a bad header or column count."""
    text = (LEXICON / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert lines[0].split("\t") == header, f"{name}: header {lines[0]!r}"
    rows = []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}: data line {n} has {len(cells)} columns"
        assert all(c == c.strip() for c in cells), f"{name}: stray whitespace on data line {n}"
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


@pytest.fixture(scope="module")
def triggers() -> list[dict[str, str]]:
    return read("triggers.tsv", TRIGGER_HEADER)


@pytest.fixture(scope="module")
def items() -> list[dict[str, str]]:
    return read("items.tsv", ITEM_HEADER)


def test_trigger_values(triggers: list[dict[str, str]]) -> None:
    for r in triggers:
        assert r["lang"] in LANGS and r["pos"] in POS and r["class"] in CLASSES, r
        assert r["lemma"] and r["lemma"] == r["lemma"].lower(), r
        assert "  " not in r["lemma"], r


def test_trigger_rows_unique(triggers: list[dict[str, str]]) -> None:
    keys = Counter((r["lang"], r["lemma"], r["pos"], r["class"]) for r in triggers)
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_class_in_every_language(triggers: list[dict[str, str]]) -> None:
    present = {(r["lang"], r["class"]) for r in triggers}
    missing = sorted((lang, c) for lang in LANGS for c in CLASSES if (lang, c) not in present)
    assert missing == []


def test_item_values(items: list[dict[str, str]]) -> None:
    for r in items:
        assert r["lang"] in LANGS and r["category"] in CATEGORIES, r
        assert r["suffix"] in {"yes", "no"} and r["english"], r
        assert r["lemma"] and r["lemma"] == r["lemma"].lower(), r


def test_item_rows_unique(items: list[dict[str, str]]) -> None:
    keys = Counter((r["lang"], r["lemma"]) for r in items)
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_category_in_nb_and_sv(items: list[dict[str, str]]) -> None:
    present = {(r["lang"], r["category"]) for r in items}
    missing = sorted((lang, c) for lang in ("nb", "sv") for c in CATEGORIES
                     if (lang, c) not in present)  # fmt: skip
    assert missing == []

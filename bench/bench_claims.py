"""Fact-level precision, recall and F1 of the claim extractor over every annotated article.

    .venv/bin/python bench/bench_claims.py [--set dev|heldout|both] [--errors] [--gold FILE]

`--set dev` (default) scores seeds/claims.json; `--set heldout` scores seeds/heldout/claims.json,
the second annotator's set that is used for measurement only; `--set both` prints the two
separately ("dev" and "held-out"), never pooled.

A fact is one (supplier, recipient, stance) in one article; repeats count once on both sides.
Matching rule: supplier and recipient are compared after `canonical_name` (parentheticals,
a leading "the", punctuation and case dropped; aliases and native forms mapped to the
gazetteer's English name: "Wagner Group (Russia)" == "Wagner Group", "US" == "United States");
with stance, the stance must also be equal. The keyword baseline from the issue predicts
(first country, second country, asserted) for every sentence with a supply verb and two
different country names.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.claims import extract_claims  # noqa: E402
from service.claims.actors import canonical_name, find_actors, kind_of  # noqa: E402
from service.claims.lexicon import get_lexicon  # noqa: E402
from service.claims.text import split_units, tokenize  # noqa: E402

Fact = tuple[str, str, str, str]  # article, supplier, recipient, stance
DEV = ROOT / "seeds" / "claims.json"
HELDOUT = ROOT / "seeds" / "heldout" / "claims.json"


def load_gold(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def facts(article: str, claims: Iterable[tuple[str, str, str]], stance: bool) -> set[Fact]:
    return {
        (article, canonical_name(s), canonical_name(r), st if stance else "*")
        for s, r, st in claims
    }


def baseline(text: str, language: str) -> list[tuple[str, str, str]]:
    """A supply verb and two country names in one sentence -> first supplies second."""
    lex = get_lexicon(language)
    out = []
    for unit in split_units(text):
        tokens = tokenize(unit.text)
        if not any(
            lex.tags(t.low) & {"give", "give_plan", "supply_with", "receive"} for t in tokens
        ):
            continue
        names = list(
            dict.fromkeys(a.name for a in find_actors(tokens) if kind_of(a.name) == "country")
        )
        if len(names) >= 2:
            out.append((names[0], names[1], "asserted"))
    return out


def prf(pred: set[Fact], gold: set[Fact]) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else (1.0 if not gold else 0.0)
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(gold_path: Path, label: str, show_errors: bool) -> None:
    """Print the per-language table (and optionally the misses/extras) for one gold file."""
    gold_data = load_gold(gold_path)
    rows: dict[str, dict[str, tuple[set[Fact], set[Fact]]]] = {}
    errors: list[str] = []
    for article, entry in sorted(gold_data.items()):
        path = gold_path.parent / article
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        language = str(entry["language"])
        entries: list[dict[str, str]] = entry["claims"]  # type: ignore[assignment]
        gold_claims = [(c["supplier"], c["recipient"], c["stance"]) for c in entries]
        ours = [(c.supplier, c.recipient, c.stance) for c in extract_claims(text, language)]
        base = baseline(text, language)
        for lang in (language, "all"):
            bucket = rows.setdefault(lang, {})
            for key, pred, stance in (
                ("stance", ours, True),
                ("no-stance", ours, False),
                ("baseline", base, True),
                ("baseline-ns", base, False),
            ):
                p_all, g_all = bucket.get(key, (set(), set()))
                bucket[key] = (
                    p_all | facts(article, pred, stance),
                    g_all | facts(article, gold_claims, stance),
                )
        if show_errors:
            g, p = facts(article, gold_claims, True), facts(article, ours, True)
            for f in sorted(g - p):
                errors.append(f"MISS  {article}: {f[1]} -> {f[2]} [{f[3]}]")
            for f in sorted(p - g):
                errors.append(f"EXTRA {article}: {f[1]} -> {f[2]} [{f[3]}]")
    print(f"== {label}: {gold_path.parent.name}/{gold_path.name}")
    print(
        f"{'lang':5} {'articles':>8} | {'P':>5} {'R':>5} {'F1':>5} | {'P-ns':>5} {'R-ns':>5} "
        f"{'F1-ns':>5} | {'base P':>6} {'R':>5} {'F1':>5} | {'base F1-ns':>10}"
    )
    for lang in sorted(rows, key=lambda x: (x == "all", x)):
        b = rows[lang]
        n = len(
            {f[0] for f in b["stance"][1] | b["stance"][0]}
            | {
                a
                for a, e in gold_data.items()
                if e["language"] == lang or lang == "all"
                if (gold_path.parent / a).is_file()
            }
        )
        s, ns, bl, blns = (prf(*b[k]) for k in ("stance", "no-stance", "baseline", "baseline-ns"))
        print(
            f"{lang:5} {n:>8} | {s[0]:5.2f} {s[1]:5.2f} {s[2]:5.2f} | {ns[0]:5.2f} {ns[1]:5.2f} "
            f"{ns[2]:5.2f} | {bl[0]:6.2f} {bl[1]:5.2f} {bl[2]:5.2f} | {blns[2]:10.2f}"
        )
    for line in errors:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=None, help="score one gold file only")
    parser.add_argument(
        "--set",
        choices=("dev", "heldout", "both"),
        default="dev",
        help="dev = seeds/claims.json; heldout = seeds/heldout/claims.json (measurement only, "
        "never used to write rules); both = each reported separately",
    )
    parser.add_argument("--errors", action="store_true", help="list missed and extra facts")
    args = parser.parse_args()
    if args.gold is not None:
        report(args.gold, "gold", args.errors)
        return
    # The two sets are never pooled: the held-out figure must stay a separate measurement.
    if args.set in ("dev", "both"):
        report(DEV, "dev", args.errors)
    if args.set in ("heldout", "both"):
        if HELDOUT.is_file():
            report(HELDOUT, "held-out", args.errors)
        else:
            print(f"== held-out: {HELDOUT.relative_to(ROOT)} not found")


if __name__ == "__main__":
    main()

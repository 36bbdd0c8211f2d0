"""Fact-level precision, recall and F1 of the claim extractor, per language, on annotated sets.

    .venv/bin/python bench/bench_claims.py [--set dev|heldout|heldout2|both|all] [--baseline REF]
                                           [--errors]

`dev` scores seeds/claims.json (the development articles, read while writing rules). `heldout`
and `heldout2` score seeds/heldout/ and seeds/heldout2/ (each written before a round of rule work
by annotators who never read the extractor; measurement only: `--errors` is refused for them).
`both` is dev and heldout, `all` adds heldout2. The sets are never pooled.
`--baseline REF` also scores the extractor as it was at git revision REF (checked out into a
temporary worktree and run in its own process), so a table shows before and after side by side.

A fact is one (supplier, recipient, stance) in one article; repeats count once on both sides.
Names on both sides go through the scorer's own table (bench/claims_names.py), never through the
extractor's gazetteer. Columns: P/R/F1 with stance; the same without stance (pairs); the share of
found pairs whose stance set is right ("stance ok"); F1 with `refused` read as `denied` (the old
guideline's reading); and the claims given on articles whose gold has none ("on empty").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claims_names import normalise  # noqa: E402

SETS = {
    "dev": ROOT / "seeds" / "claims.json",
    "heldout": ROOT / "seeds" / "heldout" / "claims.json",
    "heldout2": ROOT / "seeds" / "heldout2" / "claims.json",
}
GROUPS = {"both": ["dev", "heldout"], "all": ["dev", "heldout", "heldout2"]}
Triple = tuple[str, str, str]  # supplier, recipient, stance
# Runs in the baseline's worktree: prints {article: [[supplier, recipient, stance], ...]}.
_PREDICT = """
import json, sys
from service.claims import extract_claims
jobs = json.load(sys.stdin)
out = {k: [[c.supplier, c.recipient, c.stance] for c in extract_claims(t, l)] for k, t, l in jobs}
print(json.dumps(out))
"""


@dataclass
class Tally:
    pred: set[tuple[str, ...]] = field(default_factory=set)
    gold: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, pred: Iterable[tuple[str, ...]], gold: Iterable[tuple[str, ...]]) -> None:
        self.pred |= set(pred)
        self.gold |= set(gold)

    def prf(self) -> tuple[float, float, float]:
        tp = len(self.pred & self.gold)
        p = tp / len(self.pred) if self.pred else (1.0 if not self.gold else 0.0)
        r = tp / len(self.gold) if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Row:
    articles: int = 0
    facts: Tally = field(default_factory=Tally)
    pairs: Tally = field(default_factory=Tally)
    merged: Tally = field(default_factory=Tally)  # refused read as denied
    found_pairs: int = 0
    stance_ok: int = 0
    empty_articles: int = 0
    on_empty: int = 0


def load(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def jobs(path: Path, languages: set[str] | None = None) -> list[tuple[str, str, str]]:
    """(article key, text, language) for every annotated article of a gold file (of
    `languages` only, if given)."""
    return [
        (key, (path.parent / key).read_text(encoding="utf-8"), str(entry["language"]))
        for key, entry in sorted(load(path).items())
        if languages is None or entry["language"] in languages
    ]


def predict_here(work: list[tuple[str, str, str]]) -> dict[str, list[Triple]]:
    from service.claims import extract_claims

    return {
        key: [(c.supplier, c.recipient, c.stance) for c in extract_claims(text, language)]
        for key, text, language in work
    }


def predict_at(ref: str, work: list[tuple[str, str, str]]) -> dict[str, list[Triple]]:
    """The extractor of git revision `ref`, in a temporary worktree and its own process."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), ref], cwd=ROOT,
                       check=True)
        try:
            done = subprocess.run([sys.executable, "-c", _PREDICT], cwd=tree,
                                  input=json.dumps(work), capture_output=True, text=True,
                                  check=True, env={"PYTHONPATH": str(tree), "PATH": ""})
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT,
                           check=True)
    out: dict[str, list[list[str]]] = json.loads(done.stdout)
    return {k: [(s, r, st) for s, r, st in v] for k, v in out.items()}


def _facts(key: str, claims: Iterable[Triple], stance: bool, merge: bool = False
           ) -> set[tuple[str, ...]]:
    def st(s: str) -> str:
        return "denied" if merge and s == "refused" else s

    return {(key, normalise(s), normalise(r), st(x) if stance else "*") for s, r, x in claims}


def score(path: Path, predicted: dict[str, list[Triple]], errors: bool = False
          ) -> dict[str, Row]:
    """Rows per language and "all" over the predicted articles; with `errors`, print the misses
    and extras."""
    rows: dict[str, Row] = {}
    for key, entry in sorted(load(path).items()):
        if key not in predicted:
            continue
        gold: list[Triple] = [(c["supplier"], c["recipient"], c["stance"])
                              for c in entry["claims"]]  # type: ignore[attr-defined]
        ours = predicted.get(key, [])
        for lang in (str(entry["language"]), "all"):
            row = rows.setdefault(lang, Row())
            row.articles += 1
            row.facts.add(_facts(key, ours, True), _facts(key, gold, True))
            row.pairs.add(_facts(key, ours, False), _facts(key, gold, False))
            row.merged.add(_facts(key, ours, True, True), _facts(key, gold, True, True))
            gold_pairs = _facts(key, gold, False)
            for pair in _facts(key, ours, False) & gold_pairs:
                row.found_pairs += 1
                stances = {f[3] for f in _facts(key, gold, True) if f[1:3] == pair[1:3]}
                mine = {f[3] for f in _facts(key, ours, True) if f[1:3] == pair[1:3]}
                row.stance_ok += stances == mine
            if not gold:
                row.empty_articles += 1
                row.on_empty += len(_facts(key, ours, True))
        if errors:
            g, p = _facts(key, gold, True), _facts(key, ours, True)
            for f in sorted(g - p):
                print(f"MISS  {key}: {f[1]} -> {f[2]} [{f[3]}]")
            for f in sorted(p - g):
                print(f"EXTRA {key}: {f[1]} -> {f[2]} [{f[3]}]")
    return rows


def table(label: str, rows: dict[str, Row]) -> list[str]:
    out = [f"== {label}",
           f"{'lang':5} {'art':>4} | {'P':>5} {'R':>5} {'F1':>5} | {'P-pair':>6} {'R-pair':>6} "
           f"{'F1-pair':>7} | {'stance ok':>9} | {'F1 r=d':>6} | {'on empty':>8}"]
    for lang in sorted(rows, key=lambda x: (x == "all", x)):
        r = rows[lang]
        f, pr, m = r.facts.prf(), r.pairs.prf(), r.merged.prf()
        ok = r.stance_ok / r.found_pairs if r.found_pairs else 1.0
        out.append(f"{lang:5} {r.articles:>4} | {f[0]:5.2f} {f[1]:5.2f} {f[2]:5.2f} | "
                   f"{pr[0]:6.2f} {pr[1]:6.2f} {pr[2]:7.2f} | {ok:9.2f} | {m[2]:6.2f} | "
                   f"{r.on_empty:>3} in {r.empty_articles:<2}")
    return out


def summary(rows: dict[str, Row]) -> dict[str, dict[str, float]]:
    """Per language: f1, f1_pair, p, r (for tests and --json)."""
    return {lang: {"p": r.facts.prf()[0], "r": r.facts.prf()[1], "f1": r.facts.prf()[2],
                   "f1_pair": r.pairs.prf()[2], "on_empty": r.on_empty}
            for lang, r in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=(*SETS, *GROUPS), default="dev")
    parser.add_argument("--baseline", metavar="REF", help="also score the extractor at git REF")
    parser.add_argument("--errors", action="store_true", help="list misses and extras (dev only)")
    parser.add_argument("--json", type=Path, help="write the per-language figures here")
    parser.add_argument("--lang", action="append", help="only this language (repeatable)")
    args = parser.parse_args()
    if args.errors and args.set != "dev":
        parser.error("--errors lists development errors only: the held-out set is not read")
    names = GROUPS.get(args.set, [args.set])
    results: dict[str, object] = {}
    for name in names:
        work = jobs(SETS[name], set(args.lang) if args.lang else None)
        rows = score(SETS[name], predict_here(work), args.errors)
        print("\n".join(table(f"{name}: this tree", rows)))
        results[name] = summary(rows)
        if args.baseline:
            base = score(SETS[name], predict_at(args.baseline, work))
            print("\n".join(table(f"{name}: at {args.baseline}", base)))
            results[f"{name}@{args.baseline}"] = summary(base)
        print()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

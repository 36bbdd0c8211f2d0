"""Validate an annotation file (default seeds/claims.json) against the article files beside it.

Run from anywhere: `python seeds/check_claims.py [CLAIMS_JSON]`; keys are paths relative to the
directory of CLAIMS_JSON (seeds/heldout2/claims.json checks seeds/heldout2/*.txt). Exits non-zero and lists every problem found;
prints a per-language summary (articles, articles without claims, claims, distinct facts) when clean.
Only the standard library is used so it runs before the project is installed.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

SEEDS = Path(__file__).resolve().parent
STANCES = {"asserted", "denied", "admitted", "planned", "requested", "refused"}
LANGUAGES = {"nb", "nn", "sv", "da"}
FIELDS = {"supplier": str, "recipient": str, "items": str, "stance": str, "source": str, "hedged": bool}
# Length window for the hand-written test articles (the two real seeds are exempt).
MIN_CHARS, MAX_CHARS = 1000, 3000


def check(data: dict, base: Path = SEEDS) -> list[str]:
    """Return a list of human-readable problems; empty when the annotations are consistent.

    `base` is the directory the keys are relative to. Every article but the two real seeds is one
    entry per fact and within the length window.
    """
    problems: list[str] = []
    written = (lambda key: key.startswith("articles/")) if base == SEEDS else (lambda key: True)
    for key, entry in data.items():
        if key.startswith("_"):
            continue
        path = base / key
        if not path.is_file():
            problems.append(f"{key}: file does not exist")
            continue
        text = path.read_text(encoding="utf-8")
        if written(key) and not MIN_CHARS <= len(text) <= MAX_CHARS:
            problems.append(f"{key}: {len(text)} characters, outside {MIN_CHARS}-{MAX_CHARS}")
        if entry.get("language") not in LANGUAGES:
            problems.append(f"{key}: language {entry.get('language')!r} not in {sorted(LANGUAGES)}")
        claims = entry.get("claims")
        if not isinstance(claims, list):
            problems.append(f"{key}: 'claims' must be a list")
            continue
        facts: Counter[tuple[str, str, str]] = Counter()
        for i, claim in enumerate(claims):
            for field, kind in FIELDS.items():
                if not isinstance(claim.get(field), kind):
                    problems.append(f"{key} claim {i}: '{field}' missing or not {kind.__name__}")
            if set(claim) - set(FIELDS):
                problems.append(f"{key} claim {i}: unknown fields {sorted(set(claim) - set(FIELDS))}")
            if claim.get("stance") not in STANCES:
                problems.append(f"{key} claim {i}: stance {claim.get('stance')!r} not allowed")
            if claim.get("supplier") == claim.get("recipient"):
                problems.append(f"{key} claim {i}: supplier equals recipient")
            facts[(claim.get("supplier"), claim.get("recipient"), claim.get("stance"))] += 1
        # The newer articles keep one entry per fact; the original seed list is left as it was.
        if written(key):
            problems += [f"{key}: fact {f} listed {n} times" for f, n in facts.items() if n > 1]
    annotated = {k for k in data if not k.startswith("_")}
    folder = base / "articles" if base == SEEDS else base
    for path in sorted(folder.glob("*.txt")):
        key = path.relative_to(base).as_posix()
        if key not in annotated:
            problems.append(f"{key}: not annotated")
    return problems


def summary(data: dict) -> str:
    """Per-language counts of articles, claim-free articles, claims and distinct facts."""
    rows: dict[str, Counter[str]] = {}
    for key, entry in data.items():
        if key.startswith("_"):
            continue
        row = rows.setdefault(entry["language"], Counter())
        claims = entry["claims"]
        row["articles"] += 1
        row["no_claims"] += not claims
        row["claims"] += len(claims)
        row["facts"] += len({(c["supplier"], c["recipient"], c["stance"]) for c in claims})
    lines = [f"{'lang':4}  articles  no_claims  claims  facts"]
    for lang in sorted(rows):
        r = rows[lang]
        lines.append(f"{lang:4}  {r['articles']:8}  {r['no_claims']:9}  {r['claims']:6}  {r['facts']:5}")
    return "\n".join(lines)


def main() -> int:
    target = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else SEEDS / "claims.json"
    data = json.loads(target.read_text(encoding="utf-8"))
    problems = check(data, target.parent)
    for problem in problems:
        print("ERROR", problem)
    if problems:
        return 1
    print(summary(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())

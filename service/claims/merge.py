"""Merge repeats of one claim: one (supplier, recipient, stance), the strongest evidence kept."""

from __future__ import annotations

from service.claims.types import Claim

GENERIC = frozenset({"support for the war effort", "aid", "military aid", "weapons", "equipment"})


def _score(c: Claim) -> tuple[int, int, int, int, int, int]:
    # Most specific items first, then a named source, then unhedged, then more items, then earlier.
    specific = sum(1 for t in c.item_terms if t not in GENERIC)
    return (
        c.strength,
        specific > 0,
        c.source is not None,
        not c.hedged,
        specific,
        -c.evidence.start,
    )


def merge(claims: list[Claim]) -> list[Claim]:
    """Collapse claims with the same (supplier, recipient, stance); keep the best-evidenced one,
    count the mentions, and return them in order of first appearance."""
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for c in claims:
        groups.setdefault((c.supplier, c.recipient, c.stance), []).append(c)
    out: list[tuple[int, Claim]] = []
    for members in groups.values():
        best = max(members, key=_score)
        best.mentions = len({m.evidence.start for m in members})
        first = min(m.evidence.start for m in members)
        out.append((first, best))
    out.sort(key=lambda pair: pair[0])
    return [c for _, c in out]

"""Merge repeats of one claim: one (supplier, recipient, stance) per article.

The best-evidenced mention gives the evidence and the source; every mention's goods,
designations, counts and sources are kept ("ballistic missiles" said in the second mention is not
lost), so a briefing can say all of it.
"""

from __future__ import annotations

from service.claims.types import Claim

GENERIC = frozenset({"military support", "weapons", "equipment", "systems", "materiel"})


def _score(c: Claim) -> tuple[int, int, int, int, int, int]:
    # Most specific goods first, then a named source, then unhedged, then more goods, then earlier.
    specific = sum(1 for t in c.item_terms if t not in GENERIC)
    return (
        c.strength,
        specific > 0,
        c.source is not None,
        not c.hedged,
        specific,
        -c.evidence.start,
    )


def join(words: list[str]) -> str:
    """ "drones, missiles and shells"; a generic word another one covers is dropped."""
    words = list(dict.fromkeys(w for w in words if w))
    specific = [w for w in words if w not in GENERIC]
    words = specific or words
    words = [w for w in words if not any(o != w and o.endswith(" " + w) for o in words)]
    # "F-16 aircraft" and "F-16 fighter jets": one system, said once (the longer rendering).
    longest: dict[str, str] = {}
    for w in words:
        system = _system(w)
        if system and len(w) > len(longest.get(system, "")):
            longest[system] = w
    words = list(dict.fromkeys(longest.get(_system(w) or "", w) for w in words))
    if not words:
        return "military support"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _system(words: str) -> str | None:
    """The designation a rendering starts with ("F-16" in "F-16 aircraft"), if any."""
    first = words.split()[0]
    return first if any(ch.isdigit() or ch.isupper() for ch in first) else None


def merge(claims: list[Claim]) -> list[Claim]:
    """Collapse claims with the same (supplier, recipient, stance), in order of first mention."""
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for c in claims:
        groups.setdefault((c.supplier, c.recipient, c.stance), []).append(c)
    out: list[tuple[int, Claim]] = []
    for members in groups.values():
        best = max(members, key=_score)
        ordered = sorted(members, key=lambda m: m.evidence.start)
        best.mentions = len({m.evidence.start for m in members})
        best.item_terms = list(dict.fromkeys(t for m in ordered for t in m.item_terms))
        best.items = join(best.item_terms) if best.item_terms else best.items
        best.designations = list(dict.fromkeys(d for m in ordered for d in m.designations))
        best.categories = list(dict.fromkeys(k for m in ordered for k in m.categories))
        best.quantities = [q for m in ordered for q in ([m.quantity] if m.quantity else [])]
        best.quantity = best.quantity or next(iter(best.quantities), None)
        best.value = best.value or next((m.value for m in ordered if m.value), None)
        if best.when is None:
            timed = next((m for m in ordered if m.when), None)
            if timed is not None:
                best.when, best.when_iso = timed.when, timed.when_iso
        best.sources = list(dict.fromkeys(m.source for m in ordered if m.source))
        best.hedged = all(m.hedged for m in members)  # one plain statement is enough
        out.append((ordered[0].evidence.start, best))
    out.sort(key=lambda pair: pair[0])
    return [c for _, c in out]

"""Where each claim's evidence lies in the source text, as pieces a template can mark up.

Overlapping spans (several claims from one sentence) are cut at every boundary, and each piece
carries every claim covering it; the first one gives its colour. No HTML is made here: the
templates escape and mark up the pieces.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.claims.types import STANCES
from service.schemas.brief import ClaimOut


@dataclass(frozen=True)
class Piece:
    """A run of source text and the claims (1-based numbers) whose evidence covers it."""

    text: str
    claims: tuple[int, ...] = ()
    stance: str = "unknown"
    anchors: tuple[int, ...] = ()  # claims whose evidence starts here (for the table's links)
    ends: bool = False  # some covering claim's evidence ends here: show the claim numbers
    tip: str = ""


def stance_class(stance: str) -> str:
    """The CSS stance name; anything unexpected is drawn as "unknown"."""
    return stance if stance in STANCES else "unknown"


def valid_span(claim: ClaimOut, text: str) -> tuple[int, int] | None:
    """The evidence span when it indexes `text`; None for offsets into another field."""
    ev = claim.evidence
    if ev.field != "text" or not 0 <= ev.start < ev.end <= len(text):
        return None
    return ev.start, ev.end


def pieces(text: str, claims: Sequence[ClaimOut]) -> list[Piece]:
    """`text` cut at every evidence boundary; concatenating the pieces gives `text` back."""
    spans = [(n, s) for n, c in enumerate(claims, 1) if (s := valid_span(c, text))]
    cuts = sorted({0, len(text)} | {p for _, (a, b) in spans for p in (a, b)})
    out: list[Piece] = []
    opened: set[int] = set()
    # Spans are few (one per claim), so the scan per piece stays small in practice; the number of
    # pieces is at most twice the number of claims plus one.
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = tuple(n for n, (s, e) in spans if s <= a and b <= e)
        if not covering:
            out.append(Piece(text[a:b]))
            continue
        first = claims[covering[0] - 1]
        tip = "; ".join(
            f"claim {n}: {claims[n - 1].supplier} → {claims[n - 1].recipient}, "
            f"{claims[n - 1].stance}"
            for n in covering
        )
        anchors = tuple(n for n in covering if n not in opened)
        opened.update(covering)
        ends = any(e == b for n, (_, e) in spans if n in covering)
        out.append(Piece(text[a:b], covering, stance_class(first.stance), anchors, ends, tip))
    return out

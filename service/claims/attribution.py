"""Who makes a claim: the subject of the verb that reports it, "ifølge X", a trailing "sier X",
or the speaker of a quoted paragraph; "han" resolves to the last person named."""

from __future__ import annotations

from service.claims import stance as st
from service.claims.analysis import Sentence
from service.claims.references import Discourse
from service.claims.roles import Slot, clause_start, passive, preposition

# "er anklaget", "är misstänkt", "var skulda": a participle after "be" names the accused, not
# the accuser; the subject is not the source (the -s passive is caught by `passive`).
_BE = frozenset("er var är vore blitt vorte vært varit blevet været".split())


def _stative(s: Sentence, cue: int) -> bool:
    low = s.tokens[cue].low
    participle = low.endswith(("t", "d", "a"))  # not the present "anklager", "anklagar"
    prev = {s.tokens[k].low for k in range(max(0, cue - 3), cue)}
    return participle and bool(prev & _BE)


def source_of(s: Sentence, v: int, g: int | None, d: Discourse, slots: list[Slot]) -> str | None:
    """Who makes the claim stated at token v (governed by cue g), or None for the article."""
    cue = st.outer_source_cue(s, g) if g is not None else None
    if cue is not None and (passive(s, clause_start(s, cue)[0], cue) or _stative(s, cue)):
        # "anklagats för att...": the accusers are not named unless "av X" follows.
        agent = next(
            (
                sl
                for sl in slots
                if cue < sl.index < cue + 4 and preposition(s, sl.index) == "agent"
            ),
            None,
        )
        return " and ".join(agent.names) if agent else st.according(s)
    if cue is not None:
        lo, hi = st.speaker_span(s, cue)
        named = speaker(s, lo, hi, d, slots)
        if named:
            return named
    return st.according(s) or trailing(s, v, d, slots) or d.quote_speaker(s.unit.paragraph)


def trailing(s: Sentence, v: int, d: Discourse, slots: list[Slot]) -> str | None:
    k = st.trailing_sayer(s, v)
    if k is None:
        return None
    return speaker(s, k + 1, min(len(s.tokens), k + 9), d, slots)


def speaker(s: Sentence, lo: int, hi: int, d: Discourse, slots: list[Slot]) -> str | None:
    for k in range(lo, hi):
        if s.has(k, "anaphor_person") and s.tokens[k].low in ("han", "hun", "hon", "ho"):
            return d.last_person_name()
    text = st.np_text(s, lo, hi)
    if text:
        return text
    for sl in slots:
        if lo <= sl.index < hi:
            return " and ".join(sl.names)
    return None

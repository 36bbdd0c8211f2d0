"""Contracts between two parties: "Kongsberg har inngått en kontrakt med Nederland om NASAMS".

A contract or agreement noun with a "med"/"with" partner names both parties but not who delivers.
An arms maker on one side and a state or group on the other is read as the maker supplying;
between two states the contract's content decides ("om kjøp av": the subject buys, "om salg
av": the subject sells); anything else gives no frame, and so does a contract for delivery
"til" a third party (the paying state is then found by the supply verb). A signed contract is
not yet a delivery, so the frame is planned.
"""

from __future__ import annotations

import re

from service.claims.actors import kind_of
from service.claims.analysis import Sentence
from service.claims.frames import NOUN, Frame, names
from service.claims.roles import Slot, clause_end, clause_start, group_at, preposition

_BUY = re.compile(r"(?:inn)?kjøp\w*|(?:in)?köp\w*|anskaff\w*|innkjøp\w*|purchase\w*|indkøb\w*")
_SELL = re.compile(r"salg\w*|försäljning\w*|sal|eksport\w*|export\w*|leveranse\w*|leverans\w*")
# A joint purchase has a third-party seller the sentence does not name as the partner.
_JOINT = frozenset("felles gemensam gemensamt gemensamma fælles joint".split())


def _companies(group: list[str]) -> bool:
    return bool(group) and all(kind_of(n) == "company" for n in group)


def contract_frames(s: Sentence, slots: list[Slot], done: set[int]) -> list[Frame]:
    """Planned supply frames for "X ... kontrakt/avtale/order med Y (om ...)" clauses."""
    frames: list[Frame] = []
    for t in range(len(s.tokens)):
        if not s.has(t, "contract"):
            continue
        cs, _ = clause_start(s, t)
        if cs in done:
            continue
        ce = clause_end(s, t)
        partner = [
            sl
            for sl in slots
            if t < sl.index < min(ce, t + 5) and preposition(s, sl.index) == "with"
        ]
        subj = [sl for sl in slots if cs <= sl.index < t and preposition(s, sl.index) is None]
        if not partner or not subj:
            continue
        if any(t < sl.index and preposition(s, sl.index) == "to" for sl in slots):
            # "avtale med Nammo om ammunisjon som skal leverast til Ukraina": the state pays
            # for a delivery to a third party, which the supply verb itself reports.
            continue
        first = names(group_at(slots, s, subj[-1].index))
        second = names(group_at(slots, s, partner[0].index))
        words = [tok.low for tok in s.tokens[t + 1 : ce]]
        if _JOINT & set(words) or _JOINT & {tok.low for tok in s.tokens[cs:t]}:
            continue
        if _companies(second) and not _companies(first):
            suppliers, recipients = second, first
        elif _companies(first) and not _companies(second):
            suppliers, recipients = first, second
        elif any(_BUY.fullmatch(w) for w in words):
            suppliers, recipients = second, first
        elif any(_SELL.fullmatch(w) for w in words):
            suppliers, recipients = first, second
        else:
            continue
        items = [(it.english, it.strength) for it in s.items if cs <= it.index < ce]
        frames.append(Frame(t, NOUN, suppliers, recipients, items, cs, planned_verb=True))
    return frames

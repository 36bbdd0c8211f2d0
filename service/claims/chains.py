"""Supply chains inside one sentence: "A finansierer, B produserer og C mottar granatene".

Each verb then names only one role: the payer has no recipient, the receiver no supplier, the
maker is neither a giver nor a receiver. The guideline counts the paying state as a supplier and
lists a company that delivers beside it, so the receiver gets every payer (and the company that
makes the goods) as its suppliers, and each payer gets the receiver. Nothing is linked unless
both ends are actors named in the sentence: a receiver with no payer is left to the fallbacks.
"""

from __future__ import annotations

from service.claims.actors import kind_of
from service.claims.analysis import Sentence
from service.claims.frames import GIVE, RECEIVE, USE, WITH, Frame, names
from service.claims.roles import Slot, clause_start, subject


def _makers(s: Sentence, slots: list[Slot]) -> list[str]:
    """Companies that are the subject of a production verb ("Rheinmetall produserer dem")."""
    out: list[str] = []
    for k in range(len(s.tokens)):
        if not s.has(k, "produce"):
            continue
        cs, kind = clause_start(s, k)
        out += [n for n in names(subject(s, slots, k, cs, kind)) if kind_of(n) == "company"]
    return out


def _forward_orders(frames: list[Frame]) -> None:
    """ "beställer regeringen robotar från Saab, som ska skänkas till Ukraina": goods a state
    orders from a company for a third party go from the company to that party."""
    for r in frames:
        if r.cls != RECEIVE or not r.suppliers or not r.recipients:
            continue
        if not all(kind_of(n) == "company" for n in r.suppliers):
            continue
        later = [
            g
            for g in frames
            if g.cls == GIVE
            and g.v > r.v
            and g.recipients
            and not set(g.recipients) & set(r.recipients + r.suppliers)
        ]
        if later:
            if not later[0].suppliers:
                later[0].suppliers = list(r.recipients)  # the buyer donates
            r.recipients = list(later[0].recipients)


def link_chain(s: Sentence, slots: list[Slot], frames: list[Frame]) -> None:
    """Give payers without a recipient and receivers without a supplier to each other."""
    _forward_orders(frames)
    # A user of the goods in the same sentence receives them too ("De pjäser som Sverige
    # skänkte används av en ukrainsk brigad").
    receivers = [f for f in frames if f.cls in (RECEIVE, USE) and f.recipients and not f.suppliers]
    payers = [f for f in frames if f.cls in (GIVE, WITH) and f.suppliers and not f.recipients]
    if not receivers or not payers:
        return
    receiver = receivers[0]
    donors = [n for f in payers for n in f.suppliers] + _makers(s, slots)
    donors = [n for n in dict.fromkeys(donors) if n not in receiver.recipients]
    if not donors:
        return
    receiver.suppliers = donors
    if not receiver.items:
        receiver.items = [it for f in payers for it in f.items]
    for f in payers:
        f.recipients = list(receiver.recipients)
        if not f.items:
            f.items = list(receiver.items)

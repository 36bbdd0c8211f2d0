"""Supply frames without a supply verb: transfer nouns, weapons "i russisk tjeneste", headlines.

"Kinas export går in i det ryska vapenmaskineriet", "våpenleveranser til Ukraina", "en avtale om
levering av K9-haubitsar frå Hanwha", "iranske droner i russisk tjeneste", "Iranske droner til
Russland".
"""

from __future__ import annotations

from service.claims.analysis import SERVICE, Sentence
from service.claims.frames import GIVE, NOUN, USE, Frame, war_object
from service.claims.roles import Slot, clause_end, clause_start, preposition


def noun_frames(s: Sentence, slots: list[Slot], done: set[int]) -> list[Frame]:
    """Transfers named by a noun: "Kinas export går in i det ryska vapenmaskineriet"."""
    frames: list[Frame] = []
    item_at = {it.index: it for it in s.items}
    for t, tags in enumerate(s.tags):
        item = item_at.get(t)
        if not ("give_noun" in tags or "receive_noun" in tags or (item and item.transfer)):
            continue
        cs, _ = clause_start(s, t)
        if cs in done:
            continue
        ce = clause_end(s, t)
        # "Kinas eksport", "Kinas nye eksport" - not "med Nederland om levering".
        before = next(
            (a for a in s.actors if a.end == t or (a.end == t - 1 and not s.tags[t - 1])), None
        )
        owner = before.name if before is not None else None
        to = [
            sl for sl in slots if t < sl.index < min(ce, t + 9) and preposition(s, sl.index) == "to"
        ]
        frm = [
            sl
            for sl in slots
            if t < sl.index < min(ce, t + 12) and preposition(s, sl.index) in ("from", "agent")
        ]
        items = [(it.english, it.strength) for it in s.items if cs <= it.index < ce]
        items += [(e, k) for e, k, _ in war_object(s, t + 1, ce)]
        if "receive_noun" in tags:
            suppliers = [n for sl in frm for n in sl.names]
            recipients = [owner] if owner else []
        else:
            suppliers = [owner] if owner else [n for sl in frm for n in sl.names]
            recipients = [n for sl in to for n in sl.names]
        if item and item.origin and not suppliers:
            suppliers = [item.origin]
        if not suppliers and recipients and "receive_noun" not in tags:
            # "X har signert en kontrakt om levering av Y til Z": the clause subject supplies.
            free = [
                sl
                for sl in slots
                if cs <= sl.index < t
                and preposition(s, sl.index) is None
                and not set(sl.names) & set(recipients)
            ]
            if free:
                suppliers = list(free[0].names)
        contract = any(s.has(k, "contract") for k in range(max(0, t - 4), t))
        if contract and suppliers and not recipients and "receive_noun" in tags:
            # "Polen har inngått en avtale om kjøp av Apache-helikoptre fra USA": the party
            # that signs for a purchase is the buyer.
            free = [
                sl
                for sl in slots
                if cs <= sl.index < t
                and preposition(s, sl.index) is None
                and not set(sl.names) & set(suppliers)
            ]
            recipients = list(free[-1].names) if free else []
        elif contract and suppliers and not recipients and "receive_noun" not in tags:
            # "skreiv Estland under ein avtale om levering av haubitsar frå Hanwha": the party
            # that signs for a delivery from someone else receives it.
            free = [
                sl
                for sl in slots
                if cs <= sl.index < t
                and preposition(s, sl.index) is None
                and not set(sl.names) & set(suppliers)
            ]
            recipients = list(free[0].names) if free else []
        if suppliers and recipients:
            frames.append(Frame(t, NOUN, suppliers, recipients, items, cs, planned_verb=contract))
    return frames


def service_frames(s: Sentence) -> list[Frame]:
    """ "iransk-produserte droner som flyr i russisk tjeneste": made by one, used by another."""
    frames: list[Frame] = []
    for k, tok in enumerate(s.tokens):
        if not SERVICE.fullmatch(tok.low):
            continue
        user = next((a for a in s.actors if a.end in (k, k - 1) and a.form in ("adj", "gen")), None)
        made = [it for it in s.items if it.index < k and it.origin]
        if user is not None and made:
            frames.append(
                Frame(
                    k,
                    USE,
                    [made[-1].origin or ""],
                    [user.name],
                    [(it.english, it.strength) for it in made],
                    0,
                )
            )
    return frames


def headline_frames(s: Sentence, slots: list[Slot]) -> list[Frame]:
    """Verbless headlines: "Iranske droner til Russland", "Våpen fra Norge til Ukraina"."""
    if s.unit.kind not in ("headline", "line") or not s.items:
        return []
    to = [sl for sl in slots if preposition(s, sl.index) == "to"]
    frm = [sl for sl in slots if preposition(s, sl.index) == "from"]
    suppliers = [n for sl in frm for n in sl.names] or [it.origin for it in s.items if it.origin][
        :1
    ]
    recipients = [n for sl in to for n in sl.names]
    if suppliers and recipients:
        return [
            Frame(
                0,
                GIVE,
                [x for x in suppliers if x],
                recipients,
                [(it.english, it.strength) for it in s.items],
                0,
            )
        ]
    return []

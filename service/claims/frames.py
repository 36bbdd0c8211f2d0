"""Supply frames: one statement's trigger, supplier and recipient candidates and items.

Verb triggers assign roles by clause position (subject supplies for "sende", receives for
"kjøpe"); noun triggers ("Kinas export", "våpenleveranser til Ukraina"), weapons "i russisk
tjeneste" and verbless headlines have their own small patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.claims.analysis import SERVICE, WAR, Sentence
from service.claims.references import Discourse
from service.claims.roles import (
    Slot,
    clause_end,
    clause_start,
    group_at,
    is_verb,
    passive,
    preposition,
    subject,
)

GIVE, WITH, SUPPORT, RECEIVE, REQUEST, USE, NOUN = (
    "give",
    "with",
    "support",
    "receive",
    "request",
    "use",
    "noun",
)
_WANT_HA = frozenset({"vil", "vill", "ville", "ønsker", "ønskjer", "önskar", "will"})
# Definite transfer nouns refer back to items already named ("fremskynde leveransen").
_DEFINITE_TRANSFER = re.compile(
    r"(?:leveranse|levering|leverans|overføring|överföring|forsendelse|sending|bidrag)"
    r"(?:n|en|ne|ene|a|ane|erna|et)"
)
_GET = re.compile(
    r"få|får|fick|fikk|fekk|fått|motta\w*|mottek\w*|tar|ta|tok|tog|tagit|tatt|tek|teke"
)
# "stille ... til rådighet (for X)" / "ställa ... till förfogande": a give verb in two parts.
_PUT = re.compile(r"still(?:e|er|es)|stilte|stilt|ställ(?:a|er|s)|ställde|ställt")
_AT_DISPOSAL = frozenset({"rådighet", "rådigheit", "förfogande", "disposisjon", "rådighed"})
_VERB_CLASS = (
    ("give", GIVE),
    ("give_plan", GIVE),
    ("supply_with", WITH),
    ("support", SUPPORT),
    ("receive", RECEIVE),
    ("order", RECEIVE),
    ("request", REQUEST),
    ("use", USE),
)


@dataclass
class Frame:
    """One supply statement before it becomes claims."""

    v: int
    cls: str
    suppliers: list[str]
    recipients: list[str]
    items: list[tuple[str, int]]
    cs: int
    requested: bool = False
    planned_verb: bool = False
    get_verb: bool = False  # få / motta: the giver is often the other party just named
    by_supplier: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def trigger_class(s: Sentence, v: int) -> str | None:
    for cat, cls in _VERB_CLASS:
        if cat in s.tags[v]:
            return cls
    tok = s.tokens[v].low
    if _PUT.fullmatch(tok) and any(
        s.tokens[j].low in _AT_DISPOSAL for j in range(v + 1, min(v + 12, len(s.tokens)))
    ):
        return GIVE
    if s.has(v, "ask") and any(
        s.tokens[j].low == "om" for j in range(v + 1, min(v + 4, len(s.tokens)))
    ):
        return REQUEST
    if (
        tok == "ha"
        and v > 0
        and s.tokens[v - 1].low in _WANT_HA
        and not any(is_verb(s, j) for j in range(v + 1, min(v + 3, len(s.tokens))))
    ):
        return REQUEST  # "vil ha flere kampfly"
    return None


def items_in(s: Sentence, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(it.english, it.strength, it.index) for it in s.items if lo <= it.index < hi]


def war_object(s: Sentence, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """A war or war industry as what is supported ("stötta det ryska anfallskriget")."""
    for k in range(lo, min(hi, lo + 6)):
        if WAR.fullmatch(s.tokens[k].low) and s.tokens[k - 1].low not in (
            "tross",
            "trots",
            "under",
            "etter",
            "efter",
            "før",
            "före",
            "inför",
            "innen",
        ):
            return [("support for the war effort", 2, k)]
    return []


def names(group: list[Slot]) -> list[str]:
    """The actor names of a group of slots, in order."""
    return [n for sl in group for n in sl.names]


def verb_frame(s: Sentence, slots: list[Slot], v: int, cls: str, d: Discourse) -> Frame | None:
    """Roles and items of the supply verb at v (None when a support verb has no item)."""
    cs, kind = clause_start(s, v)
    ce = clause_end(s, v)
    subj = subject(s, slots, v, cs, kind)
    subj_idx = {sl.index for sl in subj}
    pps: dict[str, list[Slot]] = {"to": [], "from": [], "agent": [], "obj": []}
    for sl in slots:
        if sl.index in subj_idx or not (cs <= sl.index < ce) or sl.index == v:
            continue
        prep = preposition(s, sl.index)
        if prep in ("to", "from", "agent"):
            pps[prep].append(sl)
        elif prep is None and sl.index > v:
            pps["obj"].append(sl)
    items = items_in(s, cs, ce)
    if not items and kind == "rel":
        items = items_in(s, max(0, cs - 5), cs)
    if cls in (SUPPORT, NOUN, GIVE, RECEIVE):
        items += war_object(s, v + 1, ce)
    is_passive = passive(s, cs, v)
    suppliers: list[str] = []
    recipients: list[str] = []
    split_by: list[Slot] = []
    origins = [it.origin for it in s.items if cs <= it.index < ce and it.origin]
    if not items and any(
        s.has(k, "object_pronoun") or _DEFINITE_TRANSFER.fullmatch(s.tokens[k].low)
        for k in range(v + 1, ce)
    ):
        # "skal gi dem videre til Ukraina": the items named just before.
        items = items_in(s, 0, cs) or [(e, k, -1) for e, k in d.last_items]
    if cls in (GIVE, WITH, SUPPORT):
        if is_passive or not subj:
            suppliers = names(pps["agent"] + pps["from"]) or origins[:1]
            if not suppliers and is_passive:
                # "Kullager med SKF:s varumärke har levererats till...": owner in the subject NP.
                suppliers = [
                    a.name
                    for a in s.actors
                    if cs <= a.start < v and preposition(s, a.start) is None
                ][:1]
            if not suppliers and is_passive and kind == "rel":
                # "en avtale med Nammo om ammunisjon som skal leveres til Ukraina".
                matrix = [
                    sl
                    for sl in slots
                    if sl.index < cs - 1 and preposition(s, sl.index) in (None, "with")
                ]
                suppliers = [n for sl in matrix for n in sl.names]
            if cls in (WITH, SUPPORT) and subj:
                recipients = names(subj)
        else:
            suppliers = names(subj)
        if not recipients:
            if cls == GIVE:
                recipients = names(pps["to"]) or names(
                    pps["obj"][:1] and group_at(slots, s, pps["obj"][0].index)
                )
                split_by = pps["to"]
            else:
                recipients = names(
                    pps["obj"][:1] and group_at(slots, s, pps["obj"][0].index)
                ) or names(pps["to"])
        if cls == SUPPORT:
            after = [it for it in items if it[2] > v]
            if not after:
                return None
            items = after
    elif cls in (RECEIVE, REQUEST):
        recipients = names(subj)
        suppliers = names(pps["from"] + pps["agent"])
        split_by = pps["from"] + pps["agent"]
        if not suppliers and cls == REQUEST and pps["obj"]:
            suppliers = names(group_at(slots, s, pps["obj"][0].index))
        if not suppliers and cls == REQUEST and pps["to"]:
            suppliers = names(pps["to"])  # "vädjar till Sverige om fler stridsflygplan"
        if not suppliers:
            suppliers = origins[:1]
        if not suppliers and kind == "rel":
            # "avviser å sende missilene som Ukraina har bedt om": asked of the matrix subject.
            matrix = [
                sl
                for sl in slots
                if sl.index < cs - 1
                and preposition(s, sl.index) is None
                and not set(sl.names) & set(recipients)
            ]
            suppliers = list(matrix[0].names) if matrix else []
    elif cls == USE:
        recipients = names(subj) if not is_passive else names(pps["agent"])
        suppliers = origins[:1]
    frame = Frame(
        v,
        cls,
        suppliers,
        recipients,
        [(e, k) for e, k, _ in items],
        cs,
        requested=cls == REQUEST,
        planned_verb=s.has(v, "give_plan", "order"),
        get_verb=_GET.fullmatch(s.tokens[v].low) is not None,
    )
    if len({sl.index for sl in split_by}) > 1:
        frame.by_supplier = _split_items(items, split_by, cls)
    return frame


def _split_items(
    items: list[tuple[str, int, int]], pps: list[Slot], cls: str
) -> dict[str, list[tuple[str, int]]]:
    """ "ammunisjon fra Nord-Korea og droner fra Iran": each item goes with the phrase after it."""
    out: dict[str, list[tuple[str, int]]] = {}
    ordered = sorted(pps, key=lambda sl: sl.index)
    prev = -1
    for sl in ordered:
        mine = [(e, k) for e, k, i in items if prev < i < sl.index]
        for name in sl.names:
            out.setdefault(name, []).extend(mine)
        prev = sl.index
    return out


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
        before = next((a for a in s.actors if a.end in (t, t - 1)), None)
        owner = before.name if before is not None else None
        to = [
            sl for sl in slots if t < sl.index < min(ce, t + 9) and preposition(s, sl.index) == "to"
        ]
        frm = [
            sl
            for sl in slots
            if t < sl.index < min(ce, t + 6) and preposition(s, sl.index) in ("from", "agent")
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

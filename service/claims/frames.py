"""Supply frames: one statement's trigger, supplier and recipient candidates and items.

Verb triggers assign roles by clause position (subject supplies for "sende", receives for
"kjøpe"); noun triggers, weapons "i russisk tjeneste" and verbless headlines are in `nominal`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.claims.analysis import WAR, Sentence
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
_AGAINST = frozenset({"mot", "mod", "emot"})
_IDIOM_NEXT = frozenset(
    "fart slutt stopp til gjennom tak bukt fortgang styr ordning orden ordnung kontroll".split()
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
    """The frame class of a supply trigger at v, or None."""
    for cat, cls in _VERB_CLASS:
        if cat in s.tags[v]:
            if cls == RECEIVE and _get_idiom(s, v):
                return None
            return cls
    tok = s.tokens[v].low
    if _PUT.fullmatch(tok) and any(
        s.tokens[j].low in _AT_DISPOSAL for j in range(v + 1, min(v + 12, len(s.tokens)))
    ):
        return GIVE
    if s.has(v, "ask") and _asks_for(s, v):
        return REQUEST
    if (
        tok in ("ha", "have")
        and v > 0
        and s.tokens[v - 1].low in _WANT_HA
        and not any(is_verb(s, j) for j in range(v + 1, min(v + 3, len(s.tokens))))
    ):
        return REQUEST  # "vil ha flere kampfly", Danish "vil have flere kampfly"
    return None


def _get_idiom(s: Sentence, v: int) -> bool:
    """ "få fart på leveransene", "få slutt på", "fick till": få as "make happen", not receive."""
    nxt = s.tokens[v + 1].low if v + 1 < len(s.tokens) else ""
    return _GET.fullmatch(s.tokens[v].low) is not None and nxt in _IDIOM_NEXT


def _asks_for(s: Sentence, v: int) -> bool:
    """ "ber om", "bad USA om", "bad same kveld USA om fleire Patriot-system": "om" close to the
    verb, or further on in its clause (a list of addressees may stand between) when an item
    follows it."""
    ce = clause_end(s, v)
    for j in range(v + 1, min(v + 20, ce)):
        if s.tokens[j].low != "om":
            continue
        if j < v + 4 or any(j < it.index <= j + 6 for it in s.items):
            return True
    return False


# A quantity with no noun refers to the goods named before: "vil levere minst like mange neste
# år", "lovet å betale for ytterligere 200 000", "sendte tilsvarende mengder fra egne lagre".
_QUANT = re.compile(
    r"\d[\d.,]*|mange|flere|fleire|fler|flera|ytterligere|ytterlegare|ytterligare|yderligere"
    r"|tilsvarende|tilsvarande|motsvarande|tilsvarende|mengder|mengda|mængder|mängder|antall|tal"
    r"|antal|like|lika|samme|same|somme|tusen|tusenvis|hundre|hundra|million|millioner"
)


def _elliptic(s: Sentence, v: int, ce: int) -> bool:
    k = v + 1
    while k < min(v + 4, ce) and not _QUANT.fullmatch(s.tokens[k].low):
        k += 1
    if k >= min(v + 4, ce):
        return False
    while k < ce and _QUANT.fullmatch(s.tokens[k].low):
        k += 1
    # The quantity ends the clause or a prepositional or time phrase follows it.
    return (
        k >= ce
        or not s.tokens[k].low[:1].isalnum()
        or s.has(k, "to", "from", "prep", "agent")
        or s.tokens[k].low in ("neste", "nästa", "næste", "i", "innen", "inom", "inden")
    )


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


def _verb_between(s: Sentence, v: int, k: int) -> bool:
    """A second verb between the trigger and k ("levererats och används av"); a financing
    participle keeps its agent ("skickas till Ukraina, finansierade av Sverige")."""
    return any(
        is_verb(s, j) and j not in s.actor_at and not s.has(j, "give", "give_plan")
        for j in range(v + 1, k)
    )


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
        if prep == "agent" and _verb_between(s, v, sl.index):
            continue  # "har levererats och används av en ukrainsk brigad": the user, not the giver
        if prep in ("to", "from", "agent"):
            pps[prep].append(sl)
        elif prep is None and sl.index > v:
            pps["obj"].append(sl)
    items = items_in(s, cs, ce)
    if not items and kind == "rel":
        items = items_in(s, max(0, cs - 5), cs)
    if not items and kind == "inf" and passive(s, cs, v):
        # "18 pjäser kommer att skickas till Ukraina": the passive subject is the goods.
        items = items_in(s, 0, cs)
    if cls in (SUPPORT, NOUN, GIVE, RECEIVE):
        items += war_object(s, v + 1, ce)
    is_passive = passive(s, cs, v)
    suppliers: list[str] = []
    recipients: list[str] = []
    split_by: list[Slot] = []
    ordered = False
    origins = [it.origin for it in s.items if cs <= it.index < ce and it.origin]
    if not items and (
        any(
            s.has(k, "object_pronoun") or _DEFINITE_TRANSFER.fullmatch(s.tokens[k].low)
            for k in range(v + 1, ce)
        )
        or _elliptic(s, v, ce)
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
        if (
            cls == GIVE
            and not pps["to"]
            and any(s.tokens[k].low in _AGAINST for k in range(v + 1, ce))
        ):
            return None  # "sender droner og missiler mot ukrainske byer": an attack
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
            # "Norge og Danmark har finansiert droner som Ukraina har fått": the whole group.
            suppliers = names(group_at(slots, s, matrix[0].index)) if matrix else []
        if _GET.fullmatch(s.tokens[v].low) and any(
            s.has(k, "contract") for k in range(v + 1, min(v + 5, ce))
        ):
            # "Saab har fått en beställning från Polen": the order comes from the buyer, so
            # the one who gets it supplies; an order is not yet delivered.
            suppliers, recipients = recipients, suppliers
            ordered = True
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
        planned_verb=s.has(v, "give_plan", "order") or ordered,
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

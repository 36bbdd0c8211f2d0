"""Roles without a parser: prepositional phrases, coordinated groups, subjects and objects.

Norwegian and Swedish are verb-second languages: the subject stands before the finite verb, or
right after it when something else comes first ("I fjor sendte Norge..."); an infinitive takes
the subject (or, after verbs like anklage/overbevise, the object) of the verb it depends on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.claims.actors import ActorMention
from service.claims.analysis import Sentence
from service.claims.clauses import (
    CUES,
    HARD_PUNCT,
    VERBS,
    clause_end,
    clause_start,
    is_complementizer,
    is_infinitive_marker,
    is_verb,
    new_subject_clause,
)
from service.claims.listing import transparent

# Re-exported: callers take clause edges and roles from one place.
__all__ = [
    "CUES",
    "HARD_PUNCT",
    "VERBS",
    "Slot",
    "clause_end",
    "clause_start",
    "controller",
    "group_at",
    "is_complementizer",
    "is_infinitive_marker",
    "is_slot",
    "is_verb",
    "passive",
    "preposition",
    "subject",
]

OBJECT_CONTROL = ("accuse", "persuade", "ask", "request")
PREPS = ("to", "from", "agent", "with", "according", "prep")
# After a genitive, these nouns make "Irans regjering" stand for Iran itself.
TITLE = re.compile(
    r"\w*(?:president|minister|leder|ledare|regjering|regering|myndighet|militær|militär|hær|armé"
    r"|styrk|forsvar|försvar|departement|talsm|talsperson|talesperson|ambassad|diplomat|sjef|chef"
    r"|general|tjenestem|tjänstem|etterretning|underrättelse|marine|flyvåpen|regime|regim|diktatur"
    r"|styre|stat|statssekret|utenriks|utrikes|nyhetsbyrå)\w*"
)
_PARTY = re.compile(
    r"(?:kund|mottak|mottag|selskap|firma|bedrift|kjøp|köp|leverandør|leverantör|aktør|aktör"
    r"|företag|bolag|virksomhed|forhandl|mellomm|mellanh|importør|importör|grossist)\w*"
)
_WARN = re.compile(r"(?:advar|varn|åtvar)\w*")
# Time nouns end a prepositional phrase: in "bad i førre veke Estland om" the actor after
# "veke" is the object of "bad", not part of "i førre veke" (a name never follows a time noun
# inside one noun phrase).
_TIME = re.compile(
    r"(?:uke|veke|vecka|uge|måned|månad|månaden|måneden|månaden|år|året|dag|dagen|dagar|døgn"
    r"|helg|helga|helgen|weekend|morgen|morgon|kveld|kväll|aften|natt|natten|tid|tiden|gang"
    r"|gongen|gången|fjor|fjol|går|forgårs|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag"
    r"|måndag|tysdag|laurdag|sundag|tisdag|lördag|söndag|tirsdags|tisdags|mandags|måndags"
    r"|onsdags|torsdags|fredags|lördags|søndags|söndags|vår|våren|sommer|sommar|sommaren|høst"
    r"|haust|hösten|høsten|vinter|vintern|vinteren|januar|februar|mars|april|mai|maj|juni|juli"
    r"|august|augusti|september|oktober|november|desember|december|veka|uka|uken|veckan"
    r"|ugen|vekene|ukene|veckor|dagene|dagarna|timer|timar|timmar)"
)
_ADVERB_AFTER_DE = frozenset(
    "også också har hadde hade er var är ikke inte ikkje aldri aldrig selv själva sjølv kun bare "
    "bara nå nu heller".split()
)


@dataclass(frozen=True)
class Slot:
    """An actor (or resolved reference) standing in a clause position."""

    index: int  # token index of the mention's first token
    names: tuple[str, ...]


def preposition(s: Sentence, start: int) -> str | None:
    """The preposition governing an NP that starts at token `start`, if any ("til den
    beryktede russiske leiesoldathæren Wagner-gruppen" -> "to")."""
    k = start - 1
    steps = 0
    while k >= 0 and steps < 5:
        tok = s.tokens[k]
        if transparent(s, k):
            k -= 1  # "till bland annat Polen": the marker does not count as a step
            continue
        if s.has(k, "clause_conj") and not s.has(k, "to", "from", "agent"):
            return None  # "mens RSF får": a new clause, not the preposition "mens" (during)
        if new_subject_clause(s, k):
            return None  # "fra USA og Sør-Korea leverer": the subject of a new clause
        if _TIME.fullmatch(tok.low) and k + 1 < len(s.tokens) and not s.has(k + 1, "coord"):
            return None  # "i førre veke Estland": the time phrase is closed before the name
        if s.has(k, "coord") or tok.text == ",":
            prev = s.actor_at.get(k - 1)
            return preposition(s, prev.start) if prev is not None else None
        if s.has(k, "prep") and tok.low == "i" and k > 0 and _PARTY.fullmatch(s.tokens[k - 1].low):
            # "til kunder i Russland", "selskaper i India": the parties stand in for the place.
            k -= 2
            steps += 1
            continue
        for cat in PREPS:
            if cat in s.tags[k]:
                if (
                    cat == "prep"
                    and tok.low in ("for", "för")
                    and k > 0
                    and s.tokens[k - 1].low.startswith(
                        ("rådighet", "rådigheit", "förfogande", "disposisjon")
                    )
                ):
                    return "to"  # "stille F-16 til rådighet for Ukraina"
                if (
                    cat == "prep"
                    and tok.low == "i"
                    and k > 0
                    and s.tokens[k - 1].low in ("in", "inn")
                ):
                    return "to"
                return cat
        appositive = s.has(k, "anaphor_company", "anaphor_org")  # "produsenten Hanwha"
        if (s.tags[k] and not appositive) or not tok.low[:1].isalpha():
            return None
        k -= 1
        steps += 1
    return None


def is_slot(s: Sentence, a: ActorMention) -> bool:
    """Whether a mention heads a noun phrase (not "russiske" in "russiske jagerfly" nor
    "russiske" in "russiske Wagner-gruppen", nor a possessor as in "Russlands desperasjon")."""
    if a.form in ("origin", "compound"):
        return False  # "iransk-produserte droner", "FN-sanktioner": modifiers, not parties
    nxt = a.end
    if a.form == "adj" and preposition(s, a.start) == "to":
        return True  # "motorer til russiske angrepsdroner": delivered to Russia's drones
    if a.form in ("adj", "compound", "gen"):
        if any(it.index in (nxt, nxt + 1) for it in s.items) and not any(
            s.tokens[it.index].low.startswith(("militær", "militär"))
            for it in s.items
            if it.index in (nxt, nxt + 1)
        ):
            return False
        for j in range(nxt, min(nxt + 3, len(s.tokens))):
            if j in s.actor_at:
                return False
            if s.has(j, "anaphor_company", "anaphor_org"):
                continue  # "den sørkoreanske produsenten Hanwha": the name follows
            if s.tags[j] or not s.tokens[j].low[:1].isalpha():
                break
    if a.form == "gen":
        return nxt < len(s.tokens) and bool(TITLE.fullmatch(s.tokens[nxt].low))
    return True


def group_at(slots: list[Slot], s: Sentence, index: int) -> list[Slot]:
    """The slot at `index` with the slots coordinated with it ("Norge og Danmark")."""
    pos = next((p for p, sl in enumerate(slots) if sl.index == index), None)
    if pos is None:
        return []
    group = [slots[pos]]

    def joined(a: int, b: int) -> bool:
        between = s.tokens[a + 1 : b]
        if not (
            1 <= len(between) <= 2
            and all(
                t.text == "," or t.low in ("og", "och", "samt", "eller", "and", "&")
                for t in between
            )
        ):
            return False
        # "til Latvia, og Litauen har kjøpt": a new clause's subject, not a third recipient.
        first = s.actor_at.get(a)
        return preposition(s, first.start if first else a) == preposition(s, b)

    def end_of(sl: Slot) -> int:
        a = s.actor_at.get(sl.index)
        return a.end - 1 if a is not None else sl.index

    p = pos
    while p > 0 and joined(end_of(slots[p - 1]), slots[p].index):
        p -= 1
        group.insert(0, slots[p])
    p = pos
    while p + 1 < len(slots) and joined(end_of(slots[p]), slots[p + 1].index):
        p += 1
        group.append(slots[p])
    return group


def passive(s: Sentence, cs: int, v: int) -> bool:
    """Passive voice: an -s form ("leveres", "levererades") or a passive auxiliary."""
    low = s.tokens[v].low
    if low.endswith("s") and not low.endswith(("ss", "us")) and s.has(v, *VERBS):
        return True
    if low.endswith(("ast", "est")) and s.has(v, *VERBS):
        return True  # Nynorsk -ast passive: "leverast", "sendast"
    return any(s.has(k, "passive_aux") for k in range(cs, v))


def subject(s: Sentence, slots: list[Slot], v: int, cs: int, kind: str) -> list[Slot]:
    """The slots doing the verb at v: before it, right after it in a verb-second main clause,
    the antecedent of "som", the shared subject after "men"/":", or the controller of "å"."""
    if kind == "inf":
        return controller(s, slots, cs - 1)
    pre = [sl for sl in slots if cs <= sl.index < v and preposition(s, sl.index) is None]
    if pre:
        return group_at(slots, s, pre[-1].index)
    main_clause = kind in ("start", "comma") or (
        cs > 0 and (s.has(cs - 1, "clause_conj") or s.tokens[cs - 1].text in ":–—")
    )
    if main_clause and not any(s.has(k, "aux", "plan_modal") for k in range(cs, v)):
        # Verb-second: "I fjor sendte USA ...", "I utbyte får Kina ...".
        post = [sl for sl in slots if v < sl.index <= v + 3 and preposition(s, sl.index) is None]
        if post:
            return group_at(slots, s, post[0].index)
    if kind == "comma" and v - cs <= 2:
        # "Finland, som ligg berre 80 kilometer unna, sende same veke ...": the subject stands
        # before an inserted relative clause.
        ante = _before_inserted_relative(s, slots, cs - 1)
        if ante:
            return ante
    if kind == "rel":
        # "Rheinmetall, som skal levere dem": the antecedent right before "som".
        ante = [sl for sl in slots if cs - 4 <= sl.index < cs - 1]
        if ante:
            return group_at(slots, s, ante[-1].index)
    if cs > 0 and (s.has(cs - 1, "clause_conj", "coord") or s.tokens[cs - 1].text in ":–—"):
        # "..., men erkjente senere" / "Kongsberg får kontrakt: Skal levere": shared subject.
        free = [sl for sl in slots if sl.index < cs and preposition(s, sl.index) is None]
        if free:
            return group_at(slots, s, free[0].index)
    return []


def _before_inserted_relative(s: Sentence, slots: list[Slot], comma: int) -> list[Slot]:
    """The actor before ", som ... ," that ends at token `comma`, or an actor set off by commas
    ("Selskapet hans, Fjordtek AS, solgte"); else nothing."""
    appos = s.actor_at.get(comma - 1)
    if appos is not None and (appos.start == 0 or s.tokens[appos.start - 1].text == ","):
        if preposition(s, appos.start) is None:
            return group_at(slots, s, appos.start)
    for r in range(comma - 1, max(-1, comma - 15), -1):
        tok = s.tokens[r]
        if tok.text in HARD_PUNCT:
            return []
        if tok.text == ",":
            if r + 1 < comma and s.has(r + 1, "relative") and r - 1 in s.actor_at:
                a = s.actor_at[r - 1]
                if preposition(s, a.start) is None:
                    return group_at(slots, s, a.start)
            return []
    return []


def controller(s: Sentence, slots: list[Slot], marker: int) -> list[Slot]:
    """Who does the infinitive: the object after anklage/overbevise/be, else the subject."""
    m = next(
        (
            k
            for k in range(marker - 1, max(-1, marker - 10), -1)
            if (is_verb(s, k) and not s.has(k, "aux")) or s.has(k, "plan", "deny", "hedge")
        ),
        None,
    )
    if m is None:
        return []
    cs, kind = clause_start(s, m)
    subj = subject(s, slots, m, cs, kind)
    warns = _WARN.fullmatch(s.tokens[m].low) is not None  # "varnat Sverige för att leverera"
    object_control = s.has(m, "accuse", "persuade", "ask", "request") or warns
    if object_control and not s.tokens[m].low.endswith("s"):
        taken = {sl.index for sl in subj}
        obj = [
            sl
            for sl in slots
            if m < sl.index < marker and sl.index not in taken and preposition(s, sl.index) is None
        ]
        if obj:
            return group_at(slots, s, obj[0].index)
        if kind == "rel" and subj and subj[0].index >= cs:
            # "selskaper i India, som EU anklager for å ha solgt": "som" is the object.
            ante = [sl for sl in slots if cs - 12 <= sl.index < cs - 1]
            if ante:
                return group_at(slots, s, ante[-1].index)
    return subj

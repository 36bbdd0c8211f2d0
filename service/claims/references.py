"""Reference across sentences: "landet", "regimet", "de", "han", "man", "vi" and quote speakers.

A reference resolves to the last named actor of the right kind: "landet" to the subject country
of the sentence (or the last country named), "de" to the last group of coordinated actors, "han"
to the last person named, "vi" in a quote to the speaker's country.
"""

from __future__ import annotations

import re

from service.claims import stance as st
from service.claims.actors import kind_of
from service.claims.analysis import Sentence
from service.claims.roles import Slot, clause_start, group_at, is_slot, is_verb, preposition

_PRONOUN_NEXT = frozenset(
    "også också har hadde hade er var är ikke inte ikkje aldri aldrig selv själva sjølv kun bare "
    "bara nå nu heller , . ; :".split()
)


# Nordic news says "regjeringen" / "Forsvarsdepartementet" unqualified for its own country's.
HOME = {"nb": "Norway", "nn": "Norway", "sv": "Sweden", "da": "Denmark"}
_HOME_INSTITUTION = re.compile(
    r"regjeringen|regjeringa|regeringen|forsvarsdepartementet|försvarsdepartementet"
    r"|forsvarsministeriet|utenriksdepartementet|utrikesdepartementet|udenrigsministeriet"
    r"|forsvaret|försvarsmakten|forsvarsministeren|försvarsministern|statsministeren|statsministern"
)


class Discourse:
    """What the article has named so far."""

    def __init__(
        self, speakers: dict[int, tuple[str | None, str | None]], home: str | None = None
    ) -> None:
        self.speakers = speakers
        self.home = home
        self.persons: list[tuple[str, str | None]] = []
        self.last_country: str | None = None
        self.last_subject: tuple[str, ...] = ()
        self.last_group: tuple[str, ...] = ()
        self.previous_names: list[str] = []
        self.last_company: str | None = None
        self.last_org: str | None = None
        # The supplier of the previous sentence's last claim: "landet" in the next sentence
        # usually continues with it ("I tillegg skal landet ha sendt soldatar").
        self.last_supplier: tuple[str, ...] = ()
        self.supplier_paragraph = -1
        self.last_items: list[tuple[str, int]] = []

    def last_person_name(self) -> str | None:
        return self.persons[-1][0] if self.persons else None

    def last_person_country(self) -> str | None:
        return self.persons[-1][1] if self.persons else None

    def quote_speaker(self, paragraph: int) -> str | None:
        return self.speakers.get(paragraph, (None, None))[0]

    def quote_country(self, paragraph: int) -> str | None:
        return self.speakers.get(paragraph, (None, None))[1]

    def update(self, s: Sentence, slots: list[Slot]) -> None:
        """Remember this sentence's persons, countries, subject and groups."""
        people = [(p.start, p.text, p.affiliation) for p in s.persons if " " in p.text]
        people += [
            (a.start, " ".join(t.text for t in s.tokens[a.start : a.end]), a.name)
            for a in s.actors
            if a.form == "leader"
        ]
        self.persons += [(text, country) for _, text, country in sorted(people)]
        orgs = [n for sl in slots for n in sl.names if kind_of(n) == "org"]
        if orgs:
            self.last_org = orgs[-1]
        companies = [n for sl in slots for n in sl.names if kind_of(n) == "company"]
        if companies:
            self.last_company = companies[-1]
        if s.items:
            self.last_items = [(it.english, it.strength) for it in s.items]
        countries = [n for sl in slots for n in sl.names if kind_of(n) == "country"]
        if countries:
            self.last_country = countries[-1]
        free = [sl for sl in slots if preposition(s, sl.index) is None]
        if free:
            self.last_subject = tuple(
                n for sl in group_at(slots, s, free[0].index) for n in sl.names
            )
        groups = [group_at(slots, s, sl.index) for sl in slots]
        multi = [g for g in groups if len(g) > 1]
        if multi:
            self.last_group = tuple(n for sl in multi[-1] for n in sl.names)
        elif self.last_subject:
            self.last_group = self.last_subject
        names = [n for sl in slots for n in sl.names]
        if names:
            self.previous_names = names


def quote_speakers(sentences: list[Sentence]) -> dict[int, tuple[str | None, str | None]]:
    """Paragraph -> (speaker, speaker's country) for quoted paragraphs ("– ..., sier X")."""
    out: dict[int, tuple[str | None, str | None]] = {}
    for s in sentences:
        if not s.unit.quote or s.unit.paragraph in out:
            continue
        k = st.trailing_sayer(s, 0)
        if k is None:
            continue
        lo, hi = k + 1, min(len(s.tokens), k + 9)
        person = next((p for p in s.persons if lo <= p.start < hi), None)
        actor = next((a for a in s.actors if lo <= a.start < hi), None)
        name = person.text if person else actor.name if actor else None
        country = (person.affiliation if person else None) or (actor.name if actor else None)
        if name:
            out[s.unit.paragraph] = (name, country)
    return out


def _is_pronoun(s: Sentence, i: int) -> bool:
    # "de" is also an article ("de to landene"); as a pronoun a verb or adverb follows it.
    nxt = i + 1
    return nxt >= len(s.tokens) or is_verb(s, nxt) or s.tokens[nxt].low in _PRONOUN_NEXT


def build_slots(s: Sentence, d: Discourse) -> list[Slot]:
    """Actor slots of a sentence, with references resolved to actor names."""
    slots = [Slot(a.start, (a.name,)) for a in s.actors if is_slot(s, a)]
    taken = {i for a in s.actors for i in range(a.start, a.end)}
    for i, tok in enumerate(s.tokens):
        if i in taken:
            continue
        names: tuple[str, ...] = ()
        before = [sl for sl in slots if sl.index < i]
        located = (
            i + 2 < len(s.tokens) and s.tokens[i + 1].low in ("i", "in") and s.actor_at.get(i + 2)
        )
        qualified = i - 1 in s.actor_at or (
            i > 1 and s.tokens[i - 1].low in ("den", "det") and i - 2 in s.actor_at
        )
        if d.home and _HOME_INSTITUTION.fullmatch(tok.low) and not qualified and not located:
            names = (d.home,)
        elif s.has(i, "anaphor_country") and located:
            names = (located.name,)  # "regimet i Pyongyang"
        elif s.has(i, "anaphor_country") and not (i - 1 in s.actor_at or i + 1 in s.actor_at):
            first = before[0].names if before and kind_of(before[0].names[0]) == "country" else ()
            last_country = next(
                (sl.names for sl in reversed(before) if kind_of(sl.names[0]) == "country"), ()
            )
            names = (
                first
                or last_country
                or d.last_supplier
                or (
                    d.last_subject
                    if d.last_subject and kind_of(d.last_subject[0]) == "country"
                    else ((d.last_country,) if d.last_country else ())
                )
            )
        elif s.has(i, "anaphor_org") and i - 1 not in s.actor_at and i + 1 not in s.actor_at:
            org = next((sl.names for sl in reversed(before) if kind_of(sl.names[0]) == "org"), ())
            names = org or ((d.last_org,) if d.last_org else ())
        elif s.has(i, "anaphor_company") and i - 1 not in s.actor_at:
            company = next(
                (sl.names for sl in reversed(before) if kind_of(sl.names[0]) == "company"), ()
            )
            names = company or ((d.last_company,) if d.last_company else ())
        elif s.has(i, "anaphor_group") and i - 1 not in s.actor_at:
            groups = [group_at(slots, s, sl.index) for sl in before]
            multi = [g for g in groups if len(g) > 1]
            names = tuple(n for sl in multi[-1] for n in sl.names) if multi else d.last_group
        elif (
            s.has(i, "anaphor_plural")
            and tok.low not in ("deres", "deras", "deira")
            and _is_pronoun(s, i)
        ):
            if s.has(i, "object_pronoun"):
                before = _object_antecedents(s, i, before)
            groups = [group_at(slots, s, sl.index) for sl in before]
            multi = [g for g in groups if len(g) > 1]
            if not before and s.has(i, "object_pronoun") and any(it.index < i for it in s.items):
                names = ()  # "Nammo produserer dem": the goods, not a party
            elif multi:
                names = tuple(n for sl in multi[-1] for n in sl.names)
            elif before:
                names = before[-1].names
            else:
                names = d.last_group or d.last_subject
        elif s.has(i, "anaphor_person") and tok.low in ("han", "hun", "hon", "ho"):
            here = [a.name for a in s.actors if a.form == "leader" and a.start < i] + [
                p.affiliation for p in s.persons if p.start < i and " " in p.text and p.affiliation
            ]
            country = here[-1] if here else d.last_person_country()
            names = (country,) if country else ()
        elif tok.low in ("man",) and s.has(i, "anaphor_self"):
            cs, _ = clause_start(s, i)
            outer = [sl for sl in before if sl.index < cs] or before
            names = outer[0].names if outer else ()
        elif s.has(i, "first_person") and s.unit.quote:
            country = d.quote_country(s.unit.paragraph)
            names = (country,) if country else ()
        if names:
            slots.append(Slot(i, tuple(names)))
    slots.sort(key=lambda sl: sl.index)
    return slots


def _object_antecedents(s: Sentence, i: int, before: list[Slot]) -> list[Slot]:
    """An object pronoun never means its own clause's subject ("Nammo produserer dem"), and
    when goods were named after the last possible party, it means the goods."""
    cs, _ = clause_start(s, i)
    outside = [sl for sl in before if sl.index < cs]
    last_item = max((it.index for it in s.items if it.index < i), default=-1)
    if outside and last_item > outside[-1].index:
        return []
    return outside

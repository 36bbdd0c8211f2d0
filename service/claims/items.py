"""What is supplied: the goods in an event's item phrases, in English, and whether they are
military (or dual-use) at all.

The item lexicon gives each noun an English rendering and a category; type designations
("F-16", "NASAMS", "Shahed-136", "Leopard 2A6") are kept as written. Civil goods (salmon, gas,
electricity, grain) make no supply claim; generic words ("utstyr", "hjelp", "støtte") count only
with a military word beside them ("militær støtte", "våpenhjelp").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from service.claims.actors_data import CONTAINER_NOUNS
from service.claims.gazetteer import gazetteer
from service.claims.systems import RENDERING, SYSTEMS, system_category
from service.claims.tree import case_of, phrase
from service.claims.words import Item, Lexicon

# A type designation: letters and digits joined ("F-16", "Su-35", "2A6", "HIMARS", "IRIS-T").
_DESIGNATION = re.compile(r"^(?=.*\d)[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*$|^[A-Z]{3,}(?:-[A-Z0-9]+)?$")
_MILITARY_ADJECTIVES = frozenset(
    "militær militar militär militærisk militärisk väpnad dødelig dødeleg dödlig".split()
)
_MILITARY_WORD = re.compile(r"forsvar|försvar|krig|milit|våpen|vapen|våben")
_MASS = frozenset(
    {"ammunition", "equipment", "materiel", "military aid", "military support", "aid",
     "support", "air defence", "artillery", "weaponry", "body armour", "gunpowder",
     "explosives", "electronics", "intelligence", "training"}
)


@dataclass
class Goods:
    """The items of one event."""

    words: list[str] = field(default_factory=list)  # English renderings, in text order
    designations: list[str] = field(default_factory=list)
    military: bool = False  # a specific military or dual-use good is named
    generic: bool = False  # only a generic word ("utstyr", "materiell", "militær hjelp")
    civil: bool = False
    categories: set[str] = field(default_factory=set)

    def english(self) -> str:
        words = list(dict.fromkeys(self.words))
        # "Leopard tanks" and "tanks": keep the more specific one.
        words = [w for w in words if not any(o != w and o.endswith(" " + w) for o in words)]
        if not words:
            return "military support"
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _plural(english: str) -> str:
    if english in _MASS or english.endswith(("craft", "ammunition", "equipment", "personnel")):
        return english
    last = english.rsplit(" ", 1)[-1]
    if last in ("goods", "parts", "arms", "electronics", "explosives", "munitions"):
        return english  # already plural
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return english[:-1] + "ies"
    if last.endswith(("s", "x", "ch", "sh")):
        return english + "es"
    return english + "s"


def designations_in(doc: Doc, lex: Lexicon) -> list[str]:
    """The type designations of a sentence ("av typen Hwasong-11"): known systems, or names
    with digits; a bare acronym outside a goods phrase may be anything ("NTB", "CSIS")."""
    found = _designations(list(doc), lex)
    named = [d for d in found if system_category(d) or any(c.isdigit() for c in d)]
    return list(dict.fromkeys(named))


def _designations(tokens: list[Token], lex: Lexicon) -> list[str]:
    gaz = gazetteer()
    tokens = [t for t in tokens if gaz.lookup((t.text,)) is None]  # "til USA" is no designation
    out: list[str] = []
    for a, b in zip(tokens, tokens[1:], strict=False):  # "Storm Shadow", "Leopard 2"
        if b.i == a.i + 1 and system_category(f"{a.text} {b.text}"):
            out.append(f"{a.text} {b.text}")
    for token in tokens:
        if any(token.text in name.split() for name in out):
            continue
        text = token.text.strip("«»\"'")
        parts = text.split("-")
        core = list(parts)
        # "F-16-fly", "Caesar-haubitser": the designation is what comes before the noun.
        while len(core) > 1 and core[-1].islower():
            core = core[:-1]
        candidate = "-".join(core)
        if system_category(candidate) or (
            _DESIGNATION.match(candidate) and not candidate.isdigit()
        ):
            out.append(candidate)
        elif len(core) < len(parts) and candidate[:1].isupper():
            noun = "-".join(parts[len(core) :])
            if lex.item(noun, noun) is not None:  # a name joined to a weapon noun
                out.append(candidate)
        elif (closed := _closed_compound(text, lex)) is not None:
            out.append(closed)
    return out


def names_goods(token: Token, lex: Lexicon) -> bool:
    """The word is a good of the item lexicon or a known system ("robotar", "Patriotsystem")."""
    text = token.text
    return (lex.item(token.lemma_, text) is not None or system_category(text) is not None
            or _closed_compound(text, lex) is not None)


_LONGEST_NAME = max(map(len, SYSTEMS), default=0)  # bounds the prefix search


def _closed_compound(text: str, lex: Lexicon) -> str | None:
    """A known system written together with a weapon noun, as Swedish and Danish compounds are
    ("Patriotsystemet", "Leopardstridsvagnar"): the system's name, else None."""
    if not text[:1].isupper() or "-" in text:
        return None
    for cut in range(min(len(text) - 3, _LONGEST_NAME), 2, -1):
        rest = text[cut:]
        if rest.islower() and system_category(text[:cut]) and lex.item(rest, rest) is not None:
            return text[:cut]
    return None


def goods(heads: list[Token], lex: Lexicon, extra: list[str] | None = None,
          around: Token | None = None) -> Goods:
    """The goods named in the phrases headed by `heads`; `extra`: words found elsewhere (the
    first part of a compound trigger, "våpen" in "våpenhjelp")."""
    found = Goods()
    for word in extra or []:
        item = lex.item(word, word)
        if item is not None:
            _add(found, item, word, plural=True)
    for head in heads:
        tokens = phrase(head)
        found.designations += _designations(tokens, lex)
        for token in tokens:
            if token.pos_ not in ("NOUN", "PROPN", "ADJ", "X"):
                continue
            item = lex.item(token.lemma_, token.text) or lex.prefix_item(token.lower_)
            if item is not None and item.category == "military_generic" and (
                lex.civil_prefix(token.lower_)
            ):
                found.civil = True
                continue
            if item is not None:
                plural = "Plur" in token.morph.get("Number", [])
                _add(found, item, token.text, plural=plural)
        if not found.military and any(t.lemma_.lower() in _MILITARY_ADJECTIVES for t in tokens):
            # "militær støtte", "militært utstyr": a generic noun made military.
            found.military = True
            generic = [w for w in found.words if w != "military"]
            found.words = [w if w.startswith("military") else f"military {w}" for w in generic]
            found.words = found.words or ["military support"]
    unknown = [h for h in heads if h.pos_ in ("NOUN", "PROPN") and not _container(h)]
    if not found.words and not found.designations and around is not None and not unknown:
        # A parse that hung the goods elsewhere ("sende Israel en forsendelse med ... bomber"):
        # the military nouns of the trigger's own clause, but not its means ("med fly").
        packaged = any(_container(h) for h in heads)  # "hjelpepakke med artilleri": contents
        means = set() if packaged else {
            t.i for c in around.children if case_of(c) in ("med", "with") for t in phrase(c)
        }
        clause = [t for t in phrase(around, limit=40) if t.i != around.i and t.i not in means]
        for token in clause:
            item = lex.item(token.lemma_, token.text) if token.pos_ == "NOUN" else None
            if item is not None and item.category not in ("civil", "military_generic"):
                _add(found, item, token.text, plural="Plur" in token.morph.get("Number", []))
    if found.designations:
        found.military = True
        names = " and ".join(dict.fromkeys(found.designations))
        if not found.words:
            category = next(filter(None, map(system_category, found.designations)), None)
            found.words = [RENDERING.get(category or "", "systems")]
        found.words = [f"{names} {found.words[0]}", *found.words[1:]]
    return found


def _container(token: Token) -> bool:
    return token.lemma_.lower() in CONTAINER_NOUNS or token.lower_ in CONTAINER_NOUNS


def _add(found: Goods, item: Item, text: str, plural: bool) -> None:
    found.categories.add(item.category)
    if item.category == "civil":
        found.civil = True
        return
    if item.category == "military_generic" and not _MILITARY_WORD.search(text.lower()):
        found.generic = True
    else:
        found.military = True  # "forsvarsmateriell", "krigsmateriel": generic, but military
    found.words.append(_plural(item.english) if plural else item.english)

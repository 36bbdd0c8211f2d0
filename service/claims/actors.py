"""Actor gazetteer lookup: countries, demonyms, capitals, leaders, groups and companies.

Every surface form (Russlands, ryska, Moskva, Kreml, Putin) maps to one English name. Proper names
need a capital letter (so "polen", the pole, is not Poland); demonyms are lowercase adjectives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.claims.lexicon.actors_data import (
    ENTRIES,
    KOREAN_AMBIGUOUS,
    LEADERS,
    REGIME_NOUNS,
    ActorEntry,
)
from service.claims.lexicon.actors_world import WORLD_ENTRIES
from service.claims.text import Token

_GENITIVE = re.compile(r"(?::s|’s|'s|s|'|’)$")
# "iransk-produserte", "iranskproduserte", "Iran-produserte": where a weapon comes from.
_ORIGIN_TAIL = re.compile(
    r"-?(?:produser\w*|produced|lag(?:et|de|d|ede)|bygg?(?:d|de|et|da|t)\w*|design\w*|tillverka\w*"
    r"|utvikl\w*|utveckla\w*|konstruer\w*|made|levert\w*|leverera\w*|fremstil\w*|framstil\w*"
    r"|framställ\w*|fabrikert\w*|fabricera\w*)"
)
_DEMONYM_ENDINGS = ("", "e", "t", "a", "es")
_REGIME = re.compile(REGIME_NOUNS)


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a sentence: token span [start, end), English name, how it was named."""

    start: int
    end: int
    name: str
    kind: str
    form: str  # name | gen | adj | origin | compound | leader (a person standing for a state)


class _Gazetteer:
    def __init__(self, entries: tuple[ActorEntry, ...]) -> None:
        self.single: dict[str, ActorEntry] = {}
        self.acronyms: dict[str, ActorEntry] = {}
        self.multi: dict[str, list[tuple[tuple[str, ...], ActorEntry]]] = {}
        # Multi-word names written lowercase in the table ("sudanesiske hæren") match without a
        # capital; the others need one so "polen" or "new" alone never starts a name.
        self.multi_lower: dict[str, list[tuple[tuple[str, ...], ActorEntry]]] = {}
        self.demonyms: dict[str, ActorEntry] = {}
        self.english: dict[str, str] = {}
        for entry in entries:
            for name in entry.names:
                parts = name.split()
                if len(parts) > 1:
                    key = tuple(p.lower() for p in parts)
                    table = self.multi_lower if name[:1].islower() else self.multi
                    table.setdefault(key[0], []).append((key, entry))
                elif name.isupper() and len(name) <= 4:
                    self.acronyms[name] = entry
                else:
                    self.single[name.lower()] = entry
            for stem in entry.demonyms:
                for ending in _DEMONYM_ENDINGS:
                    self.demonyms[stem + ending] = entry
            for alias in (entry.name, *entry.aliases, *entry.names):
                self.english[_clean(alias)] = entry.name
        for forms in (*self.multi.values(), *self.multi_lower.values()):
            forms.sort(key=lambda f: -len(f[0]))

    def name_at(self, token: Token) -> tuple[ActorEntry, bool] | None:
        """The entry a capitalised token names, and whether it is a genitive."""
        text = token.text
        if not text[:1].isupper():
            return None
        if text in self.acronyms:
            return self.acronyms[text], False
        entry = self.single.get(token.low)
        if entry is not None:
            return entry, False
        stripped = _GENITIVE.sub("", text)
        if stripped != text:
            if stripped in self.acronyms:
                return self.acronyms[stripped], True
            entry = self.single.get(stripped.lower())
            if entry is not None:
                return entry, True
        return None


def _clean(name: str) -> str:
    name = re.sub(r"\(.*?\)", "", name).strip().lower()
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[^\w\s-]", "", name).strip()


# "amerikanerne sendte ...", "ryssarna har fått ...": the people (in news, the state or its
# forces) named by a definite plural noun, lowercase in all four languages.
_PEOPLE_ROWS = {
    "United States": "amerikanerne amerikanarane amerikanarna amerikanerna",
    "Russia": "russerne russarane ryssarna russarna",
    "Ukraine": "ukrainerne ukrainarane ukrainarna ukrainerna",
    "China": "kineserne kinesarane kineserna kinesarna",
    "Iran": "iranerne iranarane iranierna iranerna",
    "North Korea": "nordkoreanerne nordkoreanarane nordkoreanerna nord-koreanerne",
    "Germany": "tyskerne tyskarane tyskarna",
    "United Kingdom": "britene britane britterna briterne",
    "France": "franskmennene franskmenna fransmännen franskmændene",
    "Sweden": "svenskene svenskane svenskarna svenskerne",
    "Norway": "nordmennene nordmenna norrmännen nordmændene",
    "Denmark": "danskene danskane danskarna danskerne",
    "Poland": "polakkene polakkane polackerna polakkerne",
    "Israel": "israelerne israelarane israelerna",
}
_PEOPLE = {w: name for name, row in _PEOPLE_ROWS.items() for w in row.split()}

_ALL = ENTRIES + WORLD_ENTRIES
_GAZ = _Gazetteer(_ALL)
_KIND_BY_NAME = {e.name: e.kind for e in _ALL}


def canonical_name(name: str) -> str:
    """One comparable key for an actor named in English or the source language.

    Rule: drop parentheticals ("Wagner Group (Russia)" -> "Wagner Group"), a leading "the",
    punctuation and case; then map any known alias or native form to the gazetteer's English name.
    Unknown names are returned cleaned, so two unknown names compare by their text.
    """
    cleaned = _clean(name)
    return _GAZ.english.get(cleaned, cleaned)


def kind_of(name: str) -> str:
    """country | bloc | org | company for a gazetteer name; 'other' for anything else."""
    return _KIND_BY_NAME.get(name, "other")


@lru_cache(maxsize=20000)
def _single_token(text: str, low: str) -> tuple[str, str, str] | None:
    # (name, kind, form) for one token, cached: articles repeat their names.
    token = Token(text, low, 0, 0)
    hit = _GAZ.name_at(token)
    if hit is not None:
        entry, genitive = hit
        if _GENITIVE.sub("", low) in LEADERS or low in LEADERS:
            return entry.name, entry.kind, "leader"
        return entry.name, entry.kind, "gen" if genitive else "name"
    demonym = _GAZ.demonyms.get(low)
    if demonym is not None:
        return demonym.name, demonym.kind, "adj"
    people = _PEOPLE.get(low)
    if people is not None:
        return people, _KIND_BY_NAME.get(people, "country"), "name"
    if "-" in text or low[:1].isalpha():
        head, _, tail = text.partition("-")
        if tail and head[:1].isupper():
            sub = _GAZ.name_at(Token(head, head.lower(), 0, 0))
            if sub is not None and _GAZ.name_at(Token(tail, tail.lower(), 0, 0)) is None:
                form = "origin" if _ORIGIN_TAIL.fullmatch(tail.lower()) else "compound"
                return sub[0].name, sub[0].kind, form
        for stem_len in range(min(len(low) - 3, 18), 3, -1):
            stem = _GAZ.demonyms.get(low[:stem_len])
            if stem is not None and _ORIGIN_TAIL.fullmatch(low[stem_len:]):
                return stem.name, stem.kind, "origin"
    if low.startswith(("houthi", "huthi", "huti")):
        return "Houthis", "org", "name"
    return None


def _inside_name(tokens: list[Token], i: int, hit: tuple[str, str, str]) -> bool:
    """ "Kyiv School of Economics", "USA Today", "Oslo Børs": a place name that begins a longer
    proper name is not the country acting."""
    if hit[1] != "country" or hit[2] != "name" or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (
        nxt.text[:1].isupper()
        and nxt.text.isalpha()
        and _single_token(nxt.text, nxt.low) is None
        and nxt.low not in _NOT_NAME_PARTS
    )


# Capitalised words that may follow a country without forming one name with it.
_NOT_NAME_PARTS = frozenset("og och samt eller i på til till".split())


def find_actors(tokens: list[Token]) -> list[ActorMention]:
    """Every actor mention in a token list, longest match first, left to right."""
    found: list[ActorMention] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        multi = (
            _GAZ.multi.get(tok.low) or _GAZ.multi_lower.get(tok.low)
            if tok.text[:1].isupper()
            else _GAZ.multi_lower.get(tok.low)
        )
        matched = False
        for key, entry in multi or ():
            k = len(key)
            if i + k <= n and all(tokens[i + j].low == key[j] for j in range(k - 1)):
                last = tokens[i + k - 1].low
                if last == key[-1] or _GENITIVE.sub("", last) == key[-1]:
                    form = "name" if last == key[-1] else "gen"
                    if key[-1] in LEADERS:
                        form = "leader"
                    found.append(ActorMention(i, i + k, entry.name, entry.kind, form))
                    i += k
                    matched = True
                    break
        if matched:
            continue
        if tok.low in KOREAN_AMBIGUOUS:
            if i + 1 < n and _REGIME.fullmatch(tokens[i + 1].low):
                found.append(ActorMention(i, i + 1, "North Korea", "country", "adj"))
            i += 1
            continue
        hit = _single_token(tok.text, tok.low)
        if hit is not None and not _inside_name(tokens, i, hit):
            found.append(ActorMention(i, i + 1, hit[0], hit[1], hit[2]))
        i += 1
    return found

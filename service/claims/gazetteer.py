"""Actor names in nb, nn, sv, da (and English), each mapped to one English name.

Countries come from CLDR through Babel: every sovereign state's name in the five locales, so
"Tjekkiet", "Tsjekkia" and "Tjeckien" are all the Czech Republic without a hand-made list.
`actors_data` adds capitals, leaders, demonyms, organisations and companies. Lookups are by token
text: a name needs a capital letter (so "polen", the pole, is not Poland), and a genitive ending
("Norges", "USA:s", "Ukrainas") is stripped before the lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from service.claims import actors_data

LOCALES = ("en", "nb", "nn", "sv", "da")
# CLDR's English names where news English says it otherwise.
_ENGLISH = {
    "CZ": "Czech Republic",
    "TR": "Turkey",
    "MM": "Myanmar",
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "PS": "Palestine",
    "CI": "Ivory Coast",
    "VA": "Vatican",
}
# CLDR territory codes that are no state one supplies arms to or from: regions, dependencies,
# and names that are ordinary words in these languages ("Man", "Island" is Iceland and stays).
_NOT_STATES = frozenset(
    "AC AI AQ AS AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EH EU EZ FK FO GF GG GI GL GP GS GU HK "
    "HM IC IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR QO RE SH SJ SX TA TC TF TK UM UN VG VI "
    "WF XA XB YT ZZ".split()
)
_GENITIVE = re.compile(r"(?:[:’']s|s|[’'])$")


@dataclass(frozen=True)
class Actor:
    """A named actor: English name and kind (country, bloc, armed_group, company, org)."""

    name: str
    kind: str


def _split(text: str) -> list[str]:
    return [x.strip() for x in text.split(";") if x.strip()]


def _rows(table: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("|")] for line in table.strip().splitlines()]


@dataclass(frozen=True, eq=False)
class Gazetteer:
    names: dict[tuple[str, ...], Actor]  # lowercased token sequences
    first: dict[str, int]  # first token -> longest name starting with it (in tokens)
    demonyms: dict[str, Actor]  # lowercase adjective lemma -> country
    people: dict[str, Actor]  # lowercase noun lemma for a country's people -> country
    countries: dict[str, Actor]  # ISO code -> country
    leaders: frozenset[tuple[str, ...]]
    lowercase: frozenset[tuple[str, ...]]  # names written without a capital in the table

    def lookup(self, words: tuple[str, ...]) -> Actor | None:
        """The actor named by `words` (as written: a capital is required, except for names the
        table writes in lower case, as Norwegian writes "houthiene"), genitive allowed."""
        if not words:
            return None
        key = tuple(w.lower() for w in words)
        if not (words[0][:1].isupper() or words[0][:1].isdigit()) and key not in self.lowercase:
            return None
        found = self.names.get(key)
        if found is None:
            stem = _GENITIVE.sub("", key[-1])
            if stem != key[-1] and len(stem) >= 2:
                found = self.names.get((*key[:-1], stem))
        return found

    def demonym(self, lemma: str, form: str) -> Actor | None:
        """The country of a demonym adjective, by lemma or by form ("Iranske" at the start of a
        headline is often left unlemmatised)."""
        for word in (lemma.lower(), form.lower()):
            for ending in ("e", "a", "t", ""):
                stem = word[: len(word) - len(ending)] if ending and word.endswith(ending) else word
                if stem in self.demonyms:
                    return self.demonyms[stem]
        return None

    def by_name(self, english: str) -> Actor | None:
        """The actor whose English name is `english` (claims carry names, not actors)."""
        return _by_name(self).get(english)

    def is_leader(self, words: tuple[str, ...]) -> bool:
        return tuple(w.lower() for w in words) in self.leaders


def _country_names() -> dict[str, dict[str, str]]:
    """ISO code -> {locale: name}, sovereign states only."""
    out: dict[str, dict[str, str]] = {}
    for locale in LOCALES:
        for code, name in Locale(locale).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_STATES:
                out.setdefault(code, {})[locale] = name
    return out


def _forms(name: str) -> list[str]:
    """"Myanmar (Burma)" -> both; "Congo - Kinshasa" -> "Congo-Kinshasa"."""
    forms = [re.sub(r"\s*\([^)]*\)", "", name).strip()]
    forms += re.findall(r"\(([^)]*)\)", name)
    return [re.sub(r"\s+-\s+", "-", f) for f in forms if f]


def _tokens(surface: str) -> tuple[str, ...]:
    return tuple(surface.lower().split())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Built once per process (about 20 ms)."""
    names: dict[tuple[str, ...], Actor] = {}
    countries: dict[str, Actor] = {}
    for code, by_locale in _country_names().items():
        english = _ENGLISH.get(code) or _forms(by_locale.get("en", code))[0]
        actor = Actor(english, "country")
        countries[code] = actor
        for name in by_locale.values():
            for form in _forms(name):
                names.setdefault(_tokens(form), actor)
    leaders: set[tuple[str, ...]] = set()
    tables = ((actors_data.OTHER_NAMES, False), (actors_data.CAPITALS, False),
              (actors_data.LEADERS, True))
    for table, is_leader in tables:
        for code, surfaces in _rows(table):
            for surface in _split(surfaces):
                names[_tokens(surface)] = countries[code]
                if is_leader:
                    leaders.add(_tokens(surface))
    lowercase: set[tuple[str, ...]] = set()
    for english, kind, surfaces in _rows(actors_data.ORGANISATIONS):
        actor = Actor(english, kind)
        for surface in [english, *_split(surfaces)]:
            names[_tokens(surface)] = actor
            if surface[:1].islower():
                lowercase.add(_tokens(surface))
    demonyms = {
        lemma.lower(): countries[code]
        for code, lemmas in _rows(actors_data.DEMONYMS)
        for lemma in _split(lemmas)
    }
    people = {
        lemma.lower(): countries[code]
        for code, lemmas in _rows(actors_data.DEMONYM_NOUNS)
        for lemma in _split(lemmas)
    }
    first: dict[str, int] = {}
    for key in names:
        first[key[0]] = max(first.get(key[0], 0), len(key))
    return Gazetteer(
        names, first, demonyms, people, countries, frozenset(leaders), frozenset(lowercase)
    )


_WORD = re.compile(r"\w+(?:[-:’']\w+)*")


def named_actors(text: str, limit: int = 64) -> list[str]:
    """English names of the actors `text` names, in order of first mention, from the words
    alone (no parse: for the summary of an article that makes no claim)."""
    gaz = gazetteer()
    words = _WORD.findall(text)
    found: dict[str, None] = {}
    i = 0
    while i < len(words) and len(found) < limit:
        longest = max(1, min(gaz.first.get(words[i].lower(), 1), len(words) - i))
        for n in range(longest, 0, -1):
            actor = gaz.lookup(tuple(words[i : i + n]))
            if actor is not None:
                found.setdefault(actor.name, None)
                i += n - 1
                break
        i += 1
    return list(found)


@lru_cache(maxsize=1)
def _by_name(gaz: Gazetteer) -> dict[str, Actor]:
    return {actor.name: actor for actor in gaz.names.values()}

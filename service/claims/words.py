"""The trigger and item lexicons (lexicon/triggers.tsv, lexicon/items.tsv), matched by lemma, and
the verb forms table (lexicon/verb_forms.tsv) that gives the lemma of forms a lemmatizer missed.

The tables were built from dictionaries and curated (models/lexicon/ says how). Lookups take a
token's lemma and its written form: Scandinavian compounds put the head last ("artillerigranat",
"våpenleveranse"), and a lemmatizer trained on a treebank does not know every compound, so a word
also matches an entry marked as a suffix when it is `prefix + entry + inflection ending`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import simplemma

# Inflection endings of nouns (and of participles used as nouns) in nb, nn, sv and da, longest
# first: what may follow a lemma in a written form ("granat|ene", "leverans|erna", "fly|et",
# "drone|r").
ENDINGS = tuple(
    sorted(
        set(
            """ e en et er ene a ar ane arna erna orna or ernas s es ens ets ers enes n na t ta
            ne rne erne ernes arne ets ts ns r rna rnas""".split()
        )
        | {""},
        key=len,
        reverse=True,
    )
)
_MIN_PREFIX = 3  # "våpen|leveranse": a compound's first part has at least three letters


@dataclass(frozen=True)
class Item:
    """A military or civil good: its English rendering and category."""

    english: str
    category: str

    @property
    def military(self) -> bool:
        return self.category != "civil"


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The tables of one language."""

    language: str
    verbs: dict[str, frozenset[str]]  # single-word lemma -> classes
    multiword: dict[str, list[tuple[tuple[str, ...], str]]]  # head lemma -> (rest, class)
    nouns: dict[str, frozenset[str]]
    noun_suffixes: dict[str, frozenset[str]]
    adverbs: dict[str, frozenset[str]]  # HEDGE, NEGATION and other particles
    multi_adverbs: dict[str, list[tuple[tuple[str, ...], str]]]
    items: dict[str, Item]
    item_suffixes: dict[str, Item]
    verb_forms: dict[str, tuple[str, ...]]  # inflected form -> lemmas (verb_forms.tsv)
    verb_lemmas: frozenset[str]  # every lemma of verb_forms

    def verb_classes(self, lemma: str, form: str = "") -> frozenset[str]:
        found = self.verbs.get(lemma.lower())
        if found is None and form:
            found = self.verbs.get(dictionary_lemma(form.lower(), self.language))
        return found or frozenset()

    def adverb_classes(self, lemma: str) -> frozenset[str]:
        return self.adverbs.get(lemma.lower(), frozenset())

    def noun_classes(self, lemma: str, form: str) -> frozenset[str]:
        """Classes of a noun: the lemma, else the head of a compound written form."""
        return _noun_classes(self, lemma.lower(), form.lower())

    def item(self, lemma: str, form: str) -> Item | None:
        """The good a noun names ("F-16-flyene" -> fighter jet), or None."""
        return _item(self, lemma.lower(), form.lower())

    def prefix_item(self, form: str) -> Item | None:
        """A good named by a compound's first part: "våpen" in "våpenhandel"."""
        return _prefix_item(self, form)

    def civil_prefix(self, form: str) -> bool:
        """A compound whose first part is a civilian good: "kraftverksutstyr" (power-plant
        equipment) is no military equipment, whatever its head."""
        return _civil_prefix(self, form)

    def __hash__(self) -> int:  # one lexicon per language: its identity is enough
        return hash(self.language)


# Bounded caches: news vocabulary repeats, and an adversarial text of unique words cannot grow
# them without limit.
@lru_cache(maxsize=50_000)
def _noun_classes(lex: Lexicon, lemma: str, form: str) -> frozenset[str]:
    found = lex.nouns.get(lemma) or lex.nouns.get(dictionary_lemma(form, lex.language))
    if found:
        return found
    entry = _head(form, lex.noun_suffixes) or _head(lemma, lex.noun_suffixes)
    return lex.noun_suffixes[entry] if entry else frozenset()


@lru_cache(maxsize=50_000)
def _item(lex: Lexicon, low: str, form: str) -> Item | None:
    if low in lex.items:
        return lex.items[low]
    second = dictionary_lemma(form.rsplit("-", 1)[-1], lex.language)
    if second in lex.items:
        return lex.items[second]
    for word in (form, low):
        last = word.rsplit("-", 1)[-1]
        if last in lex.items:
            return lex.items[last]
        entry = _head(last, lex.item_suffixes)
        if entry:
            head = lex.item_suffixes[entry]
            if head.category == "military_generic":
                # "robotsystem", "dronesystemet": a generic head after a weapon is that weapon's.
                first = _prefix_item(lex, last)
                if first is not None:
                    return Item(f"{first.english} {head.english}", first.category)
            return head
        for ending in ENDINGS:  # "flyene" -> "fly": an inflected form of a plain entry
            if ending and last.endswith(ending) and last[: -len(ending)] in lex.items:
                return lex.items[last[: -len(ending)]]
        part = _part_of(lex, last)
        if part is not None:
            return part
    return None


def _part_of(lex: Lexicon, word: str) -> Item | None:
    """A compound on "del" (part) whose first part is a good: "dronedeler", "robotdelar" are
    components of drones and missiles. "del" alone names nothing ("en del av", "delvis")."""
    for ending in ENDINGS:
        stem = word[: len(word) - len(ending)] if ending else word
        if (ending and not word.endswith(ending)) or not stem.endswith("del"):
            continue
        first = stem[:-3]
        # The first part as written, with the -e it drops ("drönar|del"), or without a linking s.
        for candidate in (first, first + "e", first[:-1] if first.endswith("s") else ""):
            whole = lex.items.get(candidate) if len(candidate) >= _MIN_PREFIX else None
            if whole is not None and whole.category not in ("civil", "military_generic"):
                return Item(f"{whole.english} parts", "dual_use")
    return None


@lru_cache(maxsize=100_000)
def dictionary_lemma(form: str, language: str) -> str:
    """simplemma's lemma of a written form: a second opinion where the trained lemmatizer has
    not seen a word ("forsynt" -> "forsyne", "droner" -> "drone")."""
    if not form.strip():
        return form
    return str(simplemma.lemmatize(form, lang=_SIMPLEMMA.get(language, language))).lower()


_SIMPLEMMA = {"nn": "nn", "nb": "nb", "sv": "sv", "da": "da"}


@lru_cache(maxsize=50_000)
def _prefix_item(lex: Lexicon, form: str) -> Item | None:
    for cut in range(len(form) - _MIN_PREFIX, _MIN_PREFIX - 1, -1):
        item = lex.items.get(form[:cut])
        if item is not None and item.category not in ("civil", "military_generic"):
            return item
    return None


@lru_cache(maxsize=50_000)
def _civil_prefix(lex: Lexicon, form: str) -> bool:
    for cut in range(len(form) - _MIN_PREFIX, _MIN_PREFIX - 1, -1):
        first, rest = form[:cut], form[cut:]
        if _item(lex, rest, rest) is None:
            continue  # no compound boundary here ("mat" + "eriel")
        for part in (first, first[:-1] if first.endswith("s") else first):
            item = lex.items.get(part)
            if item is not None:
                return item.category == "civil"
    return False


def _head(word: str, table: Mapping[str, object]) -> str | None:
    """The longest entry `e` with word == prefix + e + ending (prefix empty or >= 3 letters;
    an entry's final -e may fall before the ending)."""
    best: str | None = None
    for ending in ENDINGS:
        stem = word[: len(word) - len(ending)] if ending else word
        if ending and not word.endswith(ending):
            continue
        # Try every split point from the left; the entries are short, so this stays cheap.
        for cut in range(0, max(0, len(stem) - 1)):
            if 0 < cut < _MIN_PREFIX:
                continue
            candidate = stem[cut:]
            if candidate not in table and ending[:1] in ("a", "e") and candidate + "e" in table:
                # A noun in -e drops it before a vowel ending: "støtte" -> "støtta", "-ane".
                candidate += "e"
            if candidate in table:
                if best is None or len(candidate) > len(best):
                    best = candidate
                break
    return best


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("service.claims").joinpath(f"lexicon/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=8)
def lexicon(language: str) -> Lexicon:
    """The lexicon of `language` (nb, nn, sv, da), loaded once."""
    verbs: dict[str, set[str]] = defaultdict(set)
    multiword: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    nouns: dict[str, set[str]] = defaultdict(set)
    suffixes: dict[str, set[str]] = defaultdict(set)
    adverbs: dict[str, set[str]] = defaultdict(set)
    multi_adverbs: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for row in _rows("triggers.tsv"):
        if row["lang"] != language:
            continue
        words = tuple(row["lemma"].lower().split())
        cls, pos = row["class"], row["pos"]
        if pos == "NOUN":
            if len(words) == 1:
                nouns[words[0]].add(cls)
            if "suffix" in (row.get("note") or "").lower():
                suffixes[words[-1]].add(cls)
        elif pos in ("VERB", "AUX"):
            if len(words) == 1:
                verbs[words[0]].add(cls)
            else:
                multiword[words[0]].append((words[1:], cls))
        elif len(words) == 1:
            adverbs[words[0]].add(cls)
        else:
            multi_adverbs[words[0]].append((words[1:], cls))
    items: dict[str, Item] = {}
    item_suffixes: dict[str, Item] = {}
    for row in _rows("items.tsv"):
        if row["lang"] != language:
            continue
        item = Item(row["english"], row["category"])
        items.setdefault(row["lemma"].lower(), item)
        if row.get("suffix", "").lower() == "yes":
            item_suffixes.setdefault(row["lemma"].lower(), item)
    forms: dict[str, list[str]] = defaultdict(list)
    for row in _rows("verb_forms.tsv"):
        if row["lang"] == language:
            forms[row["form"]].append(row["lemma"])
    # Every noun entry is also a compound head ("-leveranse"): news writes transfers as compounds.
    for lemma, classes in nouns.items():
        suffixes[lemma] |= classes

    def freeze(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
        return {k: frozenset(v) for k, v in table.items()}

    return Lexicon(
        language,
        freeze(verbs),
        dict(multiword),
        freeze(nouns),
        freeze(suffixes),
        freeze(adverbs),
        dict(multi_adverbs),
        items,
        item_suffixes,
        {form: tuple(lemmas) for form, lemmas in forms.items()},
        frozenset(lemma for lemmas in forms.values() for lemma in lemmas),
    )

"""One sentence analysed: tokens, cue tags, actors, items, persons.

The analysis is per unit (sentence or headline line); reference across sentences (landet, de,
han) is resolved later by the extractor, which walks the article in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.claims.actors import ActorMention, find_actors
from service.claims.companies import company_mentions
from service.claims.lexicon import Lexicon
from service.claims.lexicon.items import MILITARY_MODIFIERS, NAMED_PAIRS
from service.claims.text import Token, Unit, tokenize

# War and war-industry nouns: a claim's object when "support" is given to a war effort.
WAR = re.compile(
    r"\w*(?:krig|krigen|kriget|krigs\w+|invasjon\w*|invasion\w*|maskineri\w*|krigsmaskin\w*"
    r"|krigføring\w*|krigsföring\w*|industri\w*|krigsinnsats\w*|krigsinsats\w*|angrepskrig\w*"
    r"|anfallskrig\w*|forsvarskamp\w*|försvarskamp\w*)"
)
# Any of these in a sentence makes generic words ("teknologi", "komponenter") military.
MILITARY = re.compile(
    r"\w*(?:militær|militär|våpen|vapen|våben|krig|forsvar|försvar|armé|hær|soldat|rustning"
    r"|front|slagmark)\w*"
)
# "i russisk tjeneste" / "i rysk tjänst": used by that actor.
SERVICE = re.compile(r"tjeneste(?:n)?|teneste(?:n)?|tjänst(?:en)?|tjeneste")
DUAL_USE = re.compile(r"dual-use|flerbruks\w*|dobbeltbruk\w*")
_PUNCT = re.compile(r"[^\w\s]")
_TRANSFER_TAIL = re.compile(r"(?:leveranse|levering|leverans|eksport|export|sending|sändning)\w*$")


@dataclass(frozen=True)
class ItemMention:
    """A weapon, equipment or dual-use term: token index, English, strength, origin actor."""

    index: int
    english: str
    strength: int
    origin: str | None
    transfer: bool  # the compound also names the transfer ("våpenleveranser")


@dataclass(frozen=True)
class Person:
    """A capitalised name that is not a gazetteer actor (a speaker, an official, a medium)."""

    start: int
    end: int
    text: str
    affiliation: str | None


@dataclass
class Sentence:
    """Everything the extractor needs to know about one unit."""

    unit: Unit
    tokens: list[Token]
    tags: list[set[str]]
    actors: list[ActorMention]
    items: list[ItemMention]
    persons: list[Person]
    military: bool
    actor_at: dict[int, ActorMention] = field(default_factory=dict)

    def has(self, i: int, *cats: str) -> bool:
        """True when token i carries any of the categories."""
        return 0 <= i < len(self.tokens) and any(c in self.tags[i] for c in cats)


def _mark_phrases(tokens: list[Token], tags: list[set[str]], lex: Lexicon) -> None:
    for i, tok in enumerate(tokens):
        for p in lex.phrase_starts(tok.low):
            cat, seq = lex.phrases[p]
            k = len(seq)
            if i + k <= len(tokens) and all(
                seq[j].fullmatch(tokens[i + j].low) for j in range(1, k)
            ):
                tags[i].add(cat)
                tags[i].add(f"len{k}")
                for j in range(1, k):
                    tags[i + j].add("cont")
            elif cat == "receive" and k == 2:
                _split_particle(tokens, tags, i, seq[1])


# "Taiwan tok tidligere denne måneden imot", "Ukraina tog i går emot": the particle of "ta imot"
# may stand a few words after the verb; only the unambiguous particles count.
_PARTICLE = re.compile(r"imot|emot|imod")


def _split_particle(
    tokens: list[Token], tags: list[set[str]], i: int, particle: re.Pattern[str]
) -> None:
    for j in range(i + 2, min(i + 7, len(tokens))):
        low = tokens[j].low
        if not low[:1].isalnum():
            return
        if _PARTICLE.fullmatch(low) and particle.fullmatch(low):
            tags[i].add("receive")
            tags[i].add("len2")
            tags[j].add("cont")
            return


def _items(
    tokens: list[Token], tags: list[set[str]], actors: dict[int, ActorMention], lex: Lexicon
) -> list[ItemMention]:
    found: list[ItemMention] = []
    for i, tok in enumerate(tokens):
        if i in actors or "civil" in tags[i] or not tok.low[:1].isalnum():
            continue
        if i > 0 and "civil" in tags[i - 1]:
            continue  # "humanitær hjelp", "økonomisk støtte": civil whatever the sentence says
        english: str | None = None
        strength = 0
        transfer = False
        if i + 1 < len(tokens) and (tok.text, tokens[i + 1].text) in NAMED_PAIRS:
            english, strength = NAMED_PAIRS[(tok.text, tokens[i + 1].text)], 3
        elif DUAL_USE.fullmatch(tok.low) or (
            i + 1 < len(tokens)
            and tok.low in ("dobbelt", "dobbel", "dubbla")
            and tokens[i + 1].low.startswith(("bruk", "användning"))
        ):
            english, strength = "dual-use goods", 2
        else:
            hit = lex.item(tok.text)
            if hit is None:
                continue
            strength = hit.strength
            modifiers = [hit.modifier] if hit.modifier else []
            for j in (i - 1, i - 2):
                if j >= 0 and j not in actors and not tags[j]:
                    mod = lex.modifier(tokens[j].low)
                    if mod:
                        modifiers.insert(0, mod)
                elif j >= 0:
                    break
            if MILITARY_MODIFIERS & set(modifiers) and strength <= 1:
                strength = 2
            if hit.english == "aid" and strength >= 2:
                english = "military aid"
            else:
                mods = [m for m in dict.fromkeys(modifiers) if m not in hit.english]
                english = " ".join([*mods, hit.english])
            transfer = bool(_TRANSFER_TAIL.search(tok.low))
        origin = None
        for j in range(i - 1, max(-1, i - 4), -1):
            actor = actors.get(j)
            if actor is not None:
                if actor.form in ("adj", "origin", "gen", "compound"):
                    origin = actor.name
                break
            if tags[j] or _PUNCT.fullmatch(tokens[j].text):
                break
        found.append(ItemMention(i, english, strength, origin, transfer))
    return found


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text.replace("-", "").replace(":", "").isalpha()


def _persons(
    tokens: list[Token], tags: list[set[str]], actors: dict[int, ActorMention]
) -> list[Person]:
    """Runs of capitalised words that are not actors; a single one only mid-sentence."""
    persons: list[Person] = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and j not in actors and not tags[j] and _capitalised(tokens[j]):
            j += 1
        leader_next = j in actors and actors[j].form == "leader"
        if leader_next:
            pass  # "Olaf Scholz": the first name belongs to the leader
        elif j - i >= 2 or (j - i == 1 and i > 0 and tokens[i - 1].text not in '.:–-—«"”'):
            affiliation = None
            for k in range(i - 1, max(-1, i - 5), -1):
                actor = actors.get(k)
                if actor is not None and actor.form in ("adj", "gen", "name"):
                    affiliation = actor.name
                    break
            text = " ".join(t.text for t in tokens[i:j])
            persons.append(
                Person(
                    i,
                    j,
                    re.sub(r"(?::s|s)$", "", text) if text.endswith(":s") else text,
                    affiliation,
                )
            )
        i = max(j, i + 1)
    return persons


def analyse(unit: Unit, lex: Lexicon, companies: dict[str, str] | None = None) -> Sentence:
    """Tokenise and tag one unit; `companies` are the article's own firms ("Fjordtek AS")."""
    tokens = tokenize(unit.text, unit.start)
    tags = [set(lex.tags(t.low)) for t in tokens]
    _mark_phrases(tokens, tags, lex)
    actors = find_actors(tokens)
    if companies:
        taken = {k for a in actors for k in range(a.start, a.end)}
        actors = sorted(actors + company_mentions(tokens, companies, taken), key=lambda a: a.start)
    actor_at = {k: a for a in actors for k in range(a.start, a.end)}
    items = _items(tokens, tags, actor_at, lex)
    persons = _persons(tokens, tags, actor_at)
    military = any(it.strength >= 2 for it in items) or any(
        MILITARY.fullmatch(t.low) for t in tokens
    )
    return Sentence(unit, tokens, tags, actors, items, persons, military, actor_at)

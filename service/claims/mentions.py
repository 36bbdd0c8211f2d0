"""Actors named in one parsed sentence: the gazetteer first, then the parser's entities.

A mention covers a token span; every token of the span points at it, so role rules can ask
"which actor is this phrase head?" in one lookup. Names the gazetteer does not know are taken from
the entity recogniser when it calls them organisations (a company without a legal suffix, "Nordic
Shield"), or when a company noun stands beside them ("selskapet Nordic Shield"). Places it does not
know (cities, regions) are not actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from service.claims import actors_data
from service.claims.gazetteer import Actor, gazetteer
from service.claims.systems import system_category
from service.claims.words import lexicon

_GENITIVE = re.compile(r"(?:[:’']s|s)$")
_LEGAL_FORMS = frozenset("AS ASA AB A/S ApS Oy Oyj AG GmbH SE Inc Inc. Ltd Ltd. plc".split())
_LEGAL = re.compile(r"\s+(?:AS|ASA|AB|A/S|ApS|Oy|Oyj|AG|GmbH|SE|Inc\.?|Ltd\.?|plc)$")
ORG_LABELS = frozenset({"ORG", "GPE_ORG"})


@dataclass(frozen=True, eq=False)  # one object per span, shared by its tokens
class Mention:
    """An actor named by tokens [start, end) of a sentence."""

    actor: Actor
    start: int
    end: int
    head: Token  # the span's syntactic head
    leader: bool = False  # a person standing for a state ("Putin")


def _words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.text for t in doc[start:end])


def _entity_name(span: Span) -> str:
    """ "Nordic Shields droner" -> "Nordic Shield"; legal forms dropped ("Fjordtek AS" ->
    "Fjordtek"). A final -s is a genitive only where the name is a possessor: "Danubia
    Munitions" and "Skytrack Systems" keep theirs."""
    name = _LEGAL.sub("", span.text.strip())
    words = name.split()
    last = span[-1]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    possessed = after is not None and after.pos_ in ("NOUN", "ADJ", "PROPN", "NUM")
    possessor = span.root.dep_ == "nmod:poss" or possessed and (
        "Gen" in last.morph.get("Case", []) or span.root.head == after
    )
    marked = bool(words) and re.search(r"[:’']s$", words[-1]) is not None  # "Saab:s"
    if marked or possessor and (len(words) > 1 or len(name) > 4):
        stem = _GENITIVE.sub("", words[-1])
        if stem != words[-1] and stem[:1].isupper():
            words[-1] = stem
    return " ".join(words)


def _is_media(text: str) -> bool:
    """A news organisation's name, or a joint byline of them ("NPK-NTB", "TT/Reuters")."""
    low = text.lower()
    if low.rstrip("s") in actors_data.MEDIA or low in actors_data.MEDIA:
        return True
    parts = [p for p in re.split(r"[-/ ]+", low) if p]
    return len(parts) > 1 and any(p in actors_data.MEDIA for p in parts)


# Nouns that introduce a news organisation's name ("kringkastaren ERR", "tidningen Dagen").
_MEDIA_NOUNS = frozenset(
    """kringkaster kringkasteren kringkastar kringkastaren kringkastare avis avisa avisen
    tidning tidningen tidende dagblad dagbladet nyhetsbyrå nyheitsbyrå nyhedsbureau nyhetsbyrån
    nyhetsbyrået kanal kanalen tv-kanal tv-kanalen magasin magasinet nettavis nettstad
    nettstaden nettsted nettstedet sajt sajten medie mediet tidsskrift tidskrift""".split()
)


def _after_media_noun(doc: Doc, start: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    return before is not None and bool({before.lemma_.lower(), before.lower_} & _MEDIA_NOUNS)


def _find_learned(doc: Doc, learned: dict[tuple[str, ...], Actor],
                  found: dict[int, Mention]) -> None:
    """ "den ungarske fabrikken Danubia Munitions ... skriver Danubia Munitions": the names
    learned earlier in the article, matched word for word (a genitive on the last word too)."""
    lows = [t.lower_ for t in doc]
    for words, actor in learned.items():
        n = len(words)
        for i in range(len(doc) - n + 1):
            if i in found or lows[i] != words[0]:
                continue
            last = lows[i + n - 1]
            if tuple(lows[i : i + n - 1]) == words[:-1] and last in (words[-1], words[-1] + "s"):
                mention = Mention(actor, i, i + n, _head(doc, i, i + n))
                for k in range(i, i + n):
                    found[k] = mention


def learn(mentions: dict[int, Mention], learned: dict[tuple[str, ...], Actor]) -> None:
    """Remember the companies and organisations that only the recogniser or a company noun
    named (the gazetteer's are found anyway), up to a bound that keeps matching linear."""
    gaz = gazetteer()
    for mention in set(mentions.values()):
        if mention.actor.kind not in ("company", "org") or len(learned) >= _LEARNED_MAX:
            continue
        words = tuple(w.lower() for w in mention.actor.name.split())
        if words and gaz.lookup(words) is None:
            learned.setdefault(words, mention.actor)


_LEARNED_MAX = 32


# A name written together with a word for a region is the region ("Kurskregionen",
# "Donetsk-oblasten", "Finnmarksområdet").
_REGION_ENDINGS = ("regionen", "region", "oblasten", "oblast", "området", "område", "provinsen",
                   "fylket", "länet", "distriktet", "distrikt")


def _place(doc: Doc, start: int, end: int) -> bool:
    """A name beside (or the recogniser's span ending in) a noun of a place ("Landvetter
    flygplats", "flybasen Rzeszów")."""
    around = [doc[i] for i in (start - 1, end - 1, end) if 0 <= i < len(doc)]
    return any(t.pos_ == "NOUN" and (t.lower_ in actors_data.PLACE_NOUNS
                                    or t.lemma_.lower() in actors_data.PLACE_NOUNS)
               for t in around)


def _before_number(doc: Doc, end: int) -> bool:
    """A name followed by a number is a type designation ("RCH 155-haubitser", "CV 90")."""
    return end < len(doc) and doc[end].text[:1].isdigit()


def find(doc: Doc, learned: dict[tuple[str, ...], Actor] | None = None) -> dict[int, Mention]:
    """Token index -> the mention covering it. `learned`: names the article has already shown
    to be companies or organisations (lowercased words), found again without their noun."""
    gaz = gazetteer()
    found: dict[int, Mention] = {}
    if learned:
        _find_learned(doc, learned, found)
    i = 0
    while i < len(doc):
        # The longest name starting here first; a genitive last word ("Norges") is one token.
        longest = max(1, min(gaz.first.get(doc[i].text.lower(), 1), len(doc) - i))
        for n in range(longest, 0, -1):
            actor = gaz.lookup(_words(doc, i, i + n))
            if actor is not None:
                words = _words(doc, i, i + n)
                end = i + n
                # "USA:s", "Nato:s": a tokenizer may split the Swedish genitive off.
                if doc[end : end + 2].text.replace(" ", "") == ":s":
                    end += 2
                mention = Mention(actor, i, end, _head(doc, i, i + n), gaz.is_leader(words))
                for k in range(i, end):
                    found[k] = mention
                i = end
                break
        else:
            i += 1
    for token in doc:  # "RSF-militsen", "Iran-regimet": a name joined to a group noun
        if token.i not in found and "-" in token.text:
            first, _, rest = token.text.partition("-")
            actor = gaz.lookup((first,))
            if actor is not None and rest.lower() in _JOINED_NOUNS:
                found[token.i] = Mention(actor, token.i, token.i + 1, token)
        elif token.i not in found and token.pos_ == "NOUN":
            actor = _closed_group_compound(token.lower_)
            if actor is not None:  # "huthirebellerna", written closed
                found[token.i] = Mention(actor, token.i, token.i + 1, token)
    for token in doc:  # "amerikanerne sendte ...": a country's people stand for it
        if token.i not in found and token.pos_ == "NOUN":
            people = gaz.people.get(token.lemma_.lower()) or gaz.people.get(
                _plural_stem(token.lower_)
            )
            if people is not None:
                found[token.i] = Mention(people, token.i, token.i + 1, token)
    for ent in doc.ents:
        if any(k in found for k in range(ent.start, ent.end)) or _is_media(ent.text):
            continue
        if _after_media_noun(doc, ent.start) or _before_number(doc, ent.end):
            continue  # "kringkastaren ERR": a broadcaster; "RCH 155": a howitzer
        if system_category(ent.text) or system_category(ent.text.split("-")[0]):
            continue  # "NASAMS", "Patriot": a weapon system, not an organisation
        if _product(ent.text, doc.lang_):
            continue  # "GlobalEye-plan", "Gripen-flyene": a name joined to a goods noun
        if not any(t.pos_ == "PROPN" for t in ent) or ent.root.pos_ in ("NOUN", "ADJ"):
            continue  # "det norske selskapet", "Nordkoreansk luftrom": a description
        if _not_an_actor(ent.text):
            continue  # a party, an agency, or a state organ ("Forsvarsdepartementet")
        if _place(doc, ent.start, ent.end) or doc[ent.end - 1].lower_.endswith(_REGION_ENDINGS):
            continue  # "Landvetter flygplats", "Kurskregionen": a place
        label = ent.start == 0 and ent.text.isupper() and ent.end < len(doc)
        if label and doc[ent.end].text == ":":
            continue  # "BESLAG: Motorane vart funne ...": a caption's label
        end = ent.end + (ent.end < len(doc) and doc[ent.end].text in _LEGAL_FORMS)
        company = _beside_company_noun(doc, ent.start, ent.end) or doc[end - 1].text in _LEGAL_FORMS
        if ent.label_ in ORG_LABELS or company:
            # A legal form makes a company of whatever the recogniser thought the name was.
            kind = "company" if company else "org"
            mention = Mention(Actor(_entity_name(doc[ent.start:end]), kind), ent.start, end,
                              ent.root)
            for k in range(ent.start, end):
                found[k] = mention
    for token in doc:  # "selskapet Nordic Shield" that the recogniser missed
        if token.i not in found and token.pos_ == "PROPN" and token.dep_ != "flat:name":
            end = token.i + 1
            while end < len(doc) and doc[end].dep_ == "flat:name" and doc[end].head.i == token.i:
                end += 1
            company = _beside_company_noun(doc, token.i) or doc[end - 1].text in _LEGAL_FORMS
            if company and not _is_media(doc[token.i : end].text):
                actor = Actor(_entity_name(doc[token.i : end]), "company")
                mention = Mention(actor, token.i, end, token)
                for k in range(token.i, end):
                    found[k] = mention
    credit = _credit_start(doc)
    return {k: m for k, m in found.items() if m.start < credit}


# A caption ends in its credit ("... Foto: NAME / AGENCY"): the photographer and the agencies
# named there are no actors of the story, and must not become "the company named last".
_CREDIT_WORDS = frozenset(
    "foto fotos bild bilder photo illustrasjon illustration grafikk grafik".split()
)


def _credit_start(doc: Doc) -> int:
    for token in doc[:-1]:
        if token.lower_ in _CREDIT_WORDS and doc[token.i + 1].text == ":":
            return token.i
    return len(doc)


_JOINED_NOUNS = (
    actors_data.GROUP_NOUNS | actors_data.GOVERNMENT_NOUNS | frozenset(
        "regimet regimet regimen ledelsen leiinga ledningen styret".split()
    )
)


def _product(text: str, language: str) -> bool:
    """A name joined by a hyphen to a noun the item lexicon knows ("GlobalEye-plan")."""
    if "-" not in text or language not in ("nb", "nn", "sv", "da"):
        return False
    tail = text.rsplit("-", 1)[1].lower()
    return len(tail) >= 2 and lexicon(language).item(tail, tail) is not None


def _closed_group_compound(low: str) -> Actor | None:
    """A group's name and a group noun written as one word ("huthirebellerna"): the name's
    capitalised form must be an armed group in the gazetteer."""
    gaz = gazetteer()
    for noun in actors_data.GROUP_NOUNS:
        if low.endswith(noun) and len(low) - len(noun) >= 3:
            actor = gaz.lookup((low[: -len(noun)].capitalize(),))
            if actor is not None and actor.kind == "armed_group":
                return actor
    return None


def _not_an_actor(text: str) -> bool:
    low = text.lower()
    last = low.split()[-1] if low.split() else low  # "Försvarets materielverk": its head noun
    keys = {low, last} | {w[: -len(e)] for w in (low, last)
                          for e in ("et", "en", "a", "ene") if w.endswith(e)}
    return bool(
        keys & (actors_data.NOT_SUPPLIERS | actors_data.GOVERNMENT_NOUNS | actors_data.HOME_ORGANS)
    )


def _plural_stem(form: str) -> str:
    """ "amerikanerne" -> "amerikaner", "ryssarna" -> "ryss", "briter" -> "brit"."""
    for ending in ("erne", "arne", "arna", "ene", "ane", "na", "ne", "er", "ar", "e"):
        if form.endswith(ending) and len(form) - len(ending) >= 3:
            return form[: -len(ending)]
    return form


def _head(doc: Doc, start: int, end: int) -> Token:
    """The token of [start, end) whose head lies outside the span."""
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            return token
    return doc[start]


def _company_noun(token: Token) -> bool:
    """ "selskapet", and compounds ending in one: "Elektronikkselskapet", "forsvarskonsernet"."""
    low, lemma = token.lower_, token.lemma_.lower()
    if lemma in actors_data.COMPANY_NOUNS or low in actors_data.COMPANY_NOUNS:
        return True
    return any(low.endswith(n) and len(low) > len(n) + 2 for n in _COMPANY_HEADS)


_COMPANY_HEADS = ("selskapet", "selskap", "konsernet", "bolaget", "företaget", "koncernen",
                  "virksomheden", "firmaet", "produsenten", "tillverkaren", "producenten",
                  "fabrikk", "fabrikken", "fabrik", "fabriken", "fabrikant", "verksted",
                  "verkstad", "værft", "verft", "varv")


def _beside_company_noun(doc: Doc, start: int, end: int | None = None) -> bool:
    """A company noun right before the name, or attached to its head ("selskapet X")."""
    head: Token = doc[start]
    before = doc[start - 1] if start > 0 else None
    if before is not None and _company_noun(before):
        return True
    return any(
        _company_noun(c) and c.dep_ in ("nmod", "appos", "compound")
        and not any(g.dep_ == "case" for g in c.children)  # not "X från företaget"
        for c in head.children
    )

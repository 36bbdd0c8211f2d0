"""Companies the gazetteer does not know, found in the article by their legal form.

"Fjordtek AS", "Nordic Drones AB", "Volat GmbH": a capitalised name before a company suffix is a
company for the whole article, so a later bare "Fjordtek" is the same actor. Only the suffix
makes the name, so ordinary capitalised words never become companies.
"""

from __future__ import annotations

import re

from service.claims.actors import ActorMention
from service.claims.text import Token

_NAME = r"[A-ZÆØÅÄÖ][\w&-]*(?:\s+[A-ZÆØÅÄÖ][\w&-]*){0,2}"
_SUFFIX = r"(?:ASA|AS|AB|A/S|ApS|Oy|Oyj|GmbH|AG|Ltd|Limited|Inc|LLC|LLP|Corp|SpA|OOO|OAO|JSC|PJSC)"
_COMPANY = re.compile(rf"\b({_NAME})\s+{_SUFFIX}\b")
# Words that start a sentence or name a place rather than a firm ("I Oslo AS ..." never occurs,
# but a capitalised sentence opener before a suffix-like token must not become a company).
_NOT_NAMES = frozenset("Det Den De I På For Til Som Og Men Selskapet Bolaget Firmaet".split())


def discover(text: str) -> dict[str, str]:
    """First word of each company name, lowercased -> the name ("fjordtek" -> "Fjordtek")."""
    found: dict[str, str] = {}
    for m in _COMPANY.finditer(text):
        words = [w for w in m.group(1).split() if w not in _NOT_NAMES]
        if not words:
            continue
        name = " ".join(words)
        found[words[0].lower()] = name
    return found


def company_mentions(
    tokens: list[Token], known: dict[str, str], taken: set[int]
) -> list[ActorMention]:
    """Mentions of the article's discovered companies not already covered by other actors."""
    out: list[ActorMention] = []
    for i, tok in enumerate(tokens):
        if i in taken or not tok.text[:1].isupper():
            continue
        low = re.sub(r"(?::s|'s|s)$", "", tok.low) if tok.low not in known else tok.low
        name = known.get(low)
        if name is None:
            continue
        n = len(name.split())
        if [t.text for t in tokens[i : i + n]][1:] != name.split()[1:]:
            n = 1
        end = i + n
        if end < len(tokens) and re.fullmatch(_SUFFIX, tokens[end].text):
            end += 1
        form = "gen" if low != tok.low and n == 1 else "name"
        out.append(ActorMention(i, end, name, "company", form))
    return out

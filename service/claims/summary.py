"""The English summary and bullets of a briefing: deterministic, supply claims first.

Every statement in the summary comes from one claim (and so from one evidence span) or, when
there are none, from counts over the article itself; nothing is paraphrased freely.
"""

from __future__ import annotations

from service.claims.types import Claim

MAX_WORDS = 120
LANGUAGE_NAMES = {
    "nb": "Norwegian (Bokmål)",
    "nn": "Norwegian (Nynorsk)",
    "sv": "Swedish",
    "da": "Danish",
}


def bullet(c: Claim) -> str:
    """One line per claim: "Iran -> Russia: drones (denied, per Iran)"."""
    notes = (
        [c.stance] + (["hedged"] if c.hedged else []) + ([f"per {c.source}"] if c.source else [])
    )
    return f"{c.supplier} -> {c.recipient}: {c.items} ({', '.join(notes)})"


def _sentence(c: Claim) -> str:
    if c.stance == "requested":
        core = f"{c.recipient} is said to seek {c.items} from {c.supplier}"
    elif c.stance == "denied":
        core = f"Supply of {c.items} by {c.supplier} to {c.recipient} is denied"
    elif c.stance == "admitted":
        core = f"Supply of {c.items} by {c.supplier} to {c.recipient} is admitted"
    elif c.stance == "planned":
        core = f"{c.supplier} is to supply {c.items} to {c.recipient}"
    else:
        core = f"{c.supplier} is said to supply {c.items} to {c.recipient}"
    extras = []
    if c.source:
        extras.append(f"according to {c.source}")
    if c.hedged:
        extras.append("with reservations in the text")
    return core + (" (" + "; ".join(extras) + ")" if extras else "") + "."


def _words(text: str) -> int:
    return len(text.split())


def summarise(
    claims: list[Claim], language: str, characters: int, sentences: int, actors: list[str]
) -> str:
    """At most MAX_WORDS English words: the claims in order of appearance, then the article."""
    lang = LANGUAGE_NAMES.get(language, language)
    article = f"The article is in {lang}, {characters:,} characters, {sentences} sentences."
    if not claims:
        named = ""
        if actors:
            listed = actors[:8]
            named = (
                " It names " + ", ".join(listed) + (" and others" if len(actors) > 8 else "") + "."
            )
        text = (
            "No supply claims were found: the article names no supplier and recipient of "
            "weapons, ammunition, military equipment or dual-use goods. " + article + named
        )
        return _clip(text)
    head = f"{len(claims)} supply claim{'s' if len(claims) != 1 else ''}:"
    parts = [head]
    budget = MAX_WORDS - _words(head) - _words(article)
    used = 0
    shown = 0
    for c in claims:
        sentence = _sentence(c)
        left = len(claims) - shown - 1
        reserve = 6 if left else 0  # room for "... and N more (see claims)."
        if used + _words(sentence) + reserve > budget:
            break
        parts.append(sentence)
        used += _words(sentence)
        shown += 1
    if shown < len(claims):
        parts.append(f"And {len(claims) - shown} more (see claims).")
    parts.append(article)
    return _clip(" ".join(parts))


def _clip(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    return " ".join(words[: MAX_WORDS - 1]) + " …"

"""The English summary and bullets of a briefing, written the way an analyst would.

Claims are grouped by supplier -> recipient pair and each pair is said once, most important
first (the headline's pair, then by mentions and by how specific the evidence is). Within a pair
the stances are contrasted ("The US says China supplies components to Russia; China denies
it"), with the count, systems, value and date where the claims carry them, and sources named by
role. Deterministic; every statement comes from a claim; at most MAX_WORDS words. An article
without claims gets one sentence saying so and naming the actors it mentions.
"""

from __future__ import annotations

from collections.abc import Sequence

from service import languages
from service.claims.types import Claim
from service.summary import english

MAX_WORDS = 120
# The stance that leads a pair's sentence, when a pair has several.
_LEAD = ("asserted", "admitted", "planned", "requested", "refused", "denied")
_HEADLINE_CHARS = 200


def bullet(c: Claim) -> str:
    """One line per claim: "Iran -> Russia: 40 Shahed-136 drones (denied, per Iran)"."""
    notes = [c.stance] + (["reportedly"] if c.hedged else [])
    if c.source:
        notes.append(f"per {english.source(c.source)}")
    extra = [english.money(c.value)] if c.value else []
    extra += [c.when] if c.when else []
    tail = f", {', '.join(extra)}" if extra else ""
    return f"{c.supplier} -> {c.recipient}: {english.goods(c)}{tail} ({', '.join(notes)})"


def _clause(c: Claim) -> str:
    """The claim as a clause, without its source: "Norway is to supply four F-16 jets"."""
    goods = english.goods(c)
    money = f" worth {english.money(c.value)}" if c.value else ""
    hedge = "reportedly " if c.hedged else ""
    when = english.when(c)
    s, r = _name(c.supplier), _name(c.recipient)
    if c.stance == "planned":
        return f"{s} is {hedge}to supply {goods}{money} to {r}{when}"
    if c.stance == "requested":
        return f"{r} has {hedge}asked {s} for {goods}{when}"
    if c.stance == "refused":
        return f"{s} {hedge}refuses to supply {goods} to {r}{when}"
    if c.stance == "denied":
        return f"{s} {hedge}denies supplying {goods} to {r}"
    if c.stance == "admitted":
        return f"{s} admits supplying {goods} to {r}{when}"
    return f"{s} {hedge}supplies {goods}{money} to {r}{when}"


def _name(actor: str) -> str:
    return f"the {actor}" if actor in _THE else actor


# English names said with the article.
_THE = frozenset(
    {"United States", "United Kingdom", "Netherlands", "Houthis", "European Union",
     "United Arab Emirates", "Czech Republic", "Rapid Support Forces", "Wagner Group",
     "Sudanese Armed Forces", "Philippines", "Africa Corps", "Islamic State"}
)


def _said(c: Claim, sentence: str) -> str:
    """Attach the source: "The US says China supplies ..."; a party's own denial needs none."""
    if c.source and c.stance not in ("denied", "refused", "admitted"):
        speaker = english.source(c.source)
        return f"{_cap(_name(speaker))} says {sentence}"
    if c.source and c.stance in ("denied", "refused") and c.source not in (c.supplier, c.recipient):
        return f"{sentence}, {c.source} says"
    return sentence


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _contrast(lead: Claim, other: Claim) -> str:
    """A second stance on the same pair, as a short clause."""
    who = _name(other.source) if other.source else None
    if other.stance == "denied":
        return f"{who or _name(other.supplier)} denies it"
    if other.stance == "refused":
        return f"{_name(other.supplier)} refuses further supplies"
    if other.stance == "admitted":
        return f"{_name(other.supplier)} admits it"
    if other.stance == "requested":
        return f"{_name(other.recipient)} has asked for more"
    if other.stance == "planned":
        return f"more is planned{english.when(other)}"
    return f"deliveries are also reported{english.when(other)}"


def _importance(pair: list[Claim], headline_end: int) -> tuple[int, int, int, int]:
    headline = any(c.evidence.start < headline_end for c in pair)
    mentions = sum(c.mentions for c in pair)
    specific = sum(bool(c.designations) + bool(c.quantity) + bool(c.value) for c in pair)
    first = min(c.evidence.start for c in pair)
    return (headline, mentions, specific, -first)


def _pair_sentence(pair: list[Claim]) -> str:
    ordered = sorted(pair, key=lambda c: _LEAD.index(c.stance))
    lead = ordered[0]
    sentence = _said(lead, _clause(lead))
    contrasts = [_contrast(lead, c) for c in ordered[1:]]
    if contrasts:
        sentence += "; " + "; ".join(dict.fromkeys(contrasts))
    return _cap(sentence) + "."


def _words(text: str) -> int:
    return len(text.split())


def summarise(
    claims: Sequence[Claim],
    language: str,
    characters: int,
    sentences: int,
    actors: list[str],
    headline_end: int = _HEADLINE_CHARS,
) -> str:
    """At most MAX_WORDS English words: the pairs, most important first; then what is left."""
    if not claims:
        return _no_claims(language, characters, sentences, actors)
    pairs: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        pairs.setdefault((c.supplier, c.recipient), []).append(c)
    ranked = sorted(pairs.values(), key=lambda p: _importance(p, headline_end), reverse=True)
    out: list[str] = []
    used = 0
    for shown, pair in enumerate(ranked):
        sentence = _pair_sentence(pair)
        left = len(ranked) - shown - 1
        reserve = 8 if left else 0  # room for "Claims on N more pairs are listed below."
        if used + _words(sentence) + reserve > MAX_WORDS:
            more = len(ranked) - shown
            out.append(f"Claims on {more} more supplier-recipient pair{'s' * (more > 1)} "
                       "are listed below.")
            break
        out.append(sentence)
        used += _words(sentence)
    return _clip(" ".join(out))


def _no_claims(language: str, characters: int, sentences: int, actors: list[str]) -> str:
    entry = languages.get(language)
    name = entry.name if entry else language
    named = ""
    if actors:
        listed = actors[:8]
        more = " and others" if len(actors) > 8 else ""
        named = f" It names {', '.join(_name(a) for a in listed)}{more}."
    return _clip(
        "No supply claims were found: the article names no supplier and recipient of weapons, "
        f"ammunition, military equipment or dual-use goods. It is in {name}, "
        f"{characters:,} characters, {sentences} sentences.{named}"
    )


def _clip(text: str) -> str:
    words = text.split()
    return text if len(words) <= MAX_WORDS else " ".join(words[: MAX_WORDS - 1]) + " …"

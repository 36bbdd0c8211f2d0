"""The English summary and bullets of a briefing, written the way an analyst would.

Claims are grouped by supplier -> recipient pair and each pair is said once, most important
first (the headline's pair, then by mentions and by how specific the evidence is). Within a pair
the stances are contrasted ("The US says China supplies components to Russia; China denies
it"), with the count, systems, value and date where the claims carry them, and sources named by
role. Deterministic; every statement comes from a claim; at most MAX_WORDS words: when the full
form is longer, sources and dates go first, then pairs with the same recipient and stance are
said together ("Denmark and the Netherlands supply F-16 jets to Ukraine"). An article without
claims gets one sentence saying so and naming the actors it mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service import languages
from service.claims.types import Claim
from service.summary import english

MAX_WORDS = 120
# The stance that leads a pair's sentence, when a pair has several.
_LEAD = ("asserted", "admitted", "planned", "requested", "refused", "denied")
_HEADLINE_CHARS = 200
# English names said with the article.
_THE = frozenset(
    {"United States", "United Kingdom", "Netherlands", "Houthis", "European Union",
     "United Arab Emirates", "Czech Republic", "Rapid Support Forces", "Wagner Group",
     "Sudanese Armed Forces", "Philippines", "Africa Corps", "Islamic State", "United Nations",
     "Libyan National Army", "Taliban", "Kremlin", "Pentagon"}
)


@dataclass(frozen=True)
class _Style:
    """How much a sentence says: the full form, or the shorter ones for long briefings."""

    sources: bool = True
    dates: bool = True


FULL, SHORT = _Style(), _Style(sources=False, dates=False)


def bullet(c: Claim) -> str:
    """One line per claim: "Iran -> Russia: 40 Shahed-136 drones (denied, per Iran)"."""
    notes = [c.stance] + (["reportedly"] if c.hedged else [])
    if c.source:
        said_by = english.source(c.source)
        notes.append(f"per {said_by}" if said_by else f'per "{c.source}"')
    extra = [english.money(c.value)] if c.value else []
    extra += [c.when] if c.when else []
    tail = f", {', '.join(extra)}" if extra else ""
    return f"{c.supplier} -> {c.recipient}: {english.goods(c)}{tail} ({', '.join(notes)})"


def name(actor: str) -> str:
    return f"the {actor}" if actor in _THE else actor


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _verb(stance: str, goods: str, money: str = "", hedged: bool = False,
          plural: bool = False) -> str:
    """The stance as a verb phrase with the goods: "is to supply four F-16 jets"."""
    hedge = "reportedly " if hedged else ""
    s = "" if plural else "s"
    if stance == "planned":
        return f"{'are' if plural else 'is'} {hedge}to supply {goods}{money}"
    if stance == "refused":
        return f"{hedge}refuse{s} to supply {goods}"
    if stance == "denied":
        return f"{hedge}den{'y' if plural else 'ies'} supplying {goods}"
    if stance == "admitted":
        return f"admit{s} supplying {goods}"
    return f"{hedge}suppl{'y' if plural else 'ies'} {goods}{money}"


def _claim_verb(c: Claim) -> str:
    money = f" worth {english.money(c.value)}" if c.value else ""
    return _verb(c.stance, english.goods(c), money, c.hedged)


def _clause(c: Claim, style: _Style) -> str:
    when = english.when(c) if style.dates else ""
    if c.stance == "requested":
        return f"{name(c.recipient)} has asked {name(c.supplier)} for {english.goods(c)}{when}"
    if c.stance == "asserted" and when.startswith(" since"):  # "has supplied ... since 2022"
        money = f" worth {english.money(c.value)}" if c.value else ""
        hedge = "reportedly " if c.hedged else ""
        verb = f"has {hedge}supplied {english.goods(c)}{money}"
        return f"{name(c.supplier)} {verb} to {name(c.recipient)}{when}"
    return f"{name(c.supplier)} {_claim_verb(c)} to {name(c.recipient)}{when}"


def _said(c: Claim, clause: str, style: _Style) -> str:
    """Attach the source: "The US says China supplies ..."; a party's own denial needs none."""
    if not style.sources or not c.source or c.source in (c.supplier, c.recipient):
        return clause
    said_by = english.source(c.source)
    if said_by is None:
        return f"{clause}, reports say"
    speaker = name(said_by)
    if c.stance in ("denied", "refused", "admitted"):
        return f"{clause}, {speaker} says"
    return f"{_cap(speaker)} says {clause}"


def _contrast(lead: Claim, other: Claim, style: _Style) -> str:
    """Another stance on the same pair, as a short clause that keeps its numbers and systems."""
    specific = other.quantity or other.value or (set(other.designations) - set(lead.designations))
    money = f" worth {english.money(other.value)}" if other.value else ""
    goods = f" {english.goods(other)}{money}" if specific else ""
    when = english.when(other) if style.dates else ""
    said_by = english.source(other.source) if other.source and style.sources else None
    who = name(said_by) if said_by else None
    if other.stance == "denied":
        denier = who or name(other.supplier)
        return f"{denier} denies it" if not goods else f"{denier} denies supplying{goods}"
    if other.stance == "refused":
        return f"{name(other.supplier)} refuses to supply{goods or ' more'}"
    if other.stance == "admitted":
        return f"{name(other.supplier)} admits it" if not goods else (
            f"{name(other.supplier)} admits supplying{goods}"
        )
    if other.stance == "requested":
        return f"{name(other.recipient)} has asked for{goods or ' more'}{when}"
    if other.stance == "planned":
        return f"{goods.strip() or 'more'} {'are' if goods else 'is'} planned{when}"
    return f"{goods.strip() + ' ' if goods else ''}deliveries are also reported{when}"


def _importance(pair: list[Claim], headline_end: int) -> tuple[int, int, int, int]:
    headline = any(c.evidence.start < headline_end for c in pair)
    mentions = sum(c.mentions for c in pair)
    specific = sum(bool(c.designations) + bool(c.quantity) + bool(c.value) for c in pair)
    first = min(c.evidence.start for c in pair)
    return (headline, mentions, specific, -first)


def _lead(pair: list[Claim]) -> list[Claim]:
    return sorted(pair, key=lambda c: _LEAD.index(c.stance))


def _pair_sentence(pair: list[Claim], style: _Style) -> str:
    ordered = _lead(pair)
    lead = ordered[0]
    sentence = _said(lead, _clause(lead, style), style)
    contrasts = [_contrast(lead, c, style) for c in ordered[1:]]
    if contrasts:
        sentence += "; " + "; ".join(dict.fromkeys(contrasts))
    return _cap(sentence) + "."


def _plain(pair: list[Claim]) -> Claim | None:
    """The pair's one claim when it carries nothing but goods: no other stance, source, count,
    value, date or system. Such claims with the same recipient, stance and goods read as one
    sentence ("Norway, Denmark and Canada supply shells to Ukraine")."""
    stances = {c.stance for c in pair}
    lead = _lead(pair)[0]
    if len(stances) > 1 or lead.stance == "requested":
        return None
    bare = all(
        not (c.quantity or c.value or c.when or c.designations or c.hedged)
        and (not c.source or c.source in (c.supplier, c.recipient))
        for c in pair
    )
    return lead if bare else None


def _sentences(ranked: list[list[Claim]], style: _Style) -> list[str]:
    """One sentence per pair, most important first; plain pairs that say the same of the same
    recipient joined where the first of them stands."""
    out: list[str] = []
    joined: dict[tuple[str, str, str], int] = {}
    members: dict[int, list[Claim]] = {}
    for pair in ranked:
        plain = _plain(pair)
        if plain is None:
            out.append(_pair_sentence(pair, style))
            continue
        key = (plain.recipient, plain.stance, english.goods(plain))
        if key in joined:
            members[joined[key]].append(plain)
        else:
            joined[key] = len(out)
            members[len(out)] = [plain]
            out.append("")
    for at, group in members.items():
        if len(group) == 1:
            out[at] = _pair_sentence([group[0]], style)
            continue
        suppliers = [name(c.supplier) for c in group]
        together = ", ".join(suppliers[:-1]) + " and " + suppliers[-1]
        verb = _verb(group[0].stance, english.goods(group[0]), plural=True)
        out[at] = f"{_cap(together)} {verb} to {name(group[0].recipient)}."
    return out


def _grouped(pairs: list[list[Claim]]) -> list[str]:
    """Pairs with the same recipient and lead stance said together (the shortest form)."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for pair in pairs:
        lead = _lead(pair)[0]
        groups.setdefault((lead.recipient, lead.stance), []).append(lead)
    out = []
    for (recipient, stance), leads in groups.items():
        if len(leads) == 1:
            out.append(_cap(_clause(leads[0], SHORT)) + ".")
            continue
        suppliers = [name(c.supplier) for c in leads]
        joined = ", ".join(suppliers[:-1]) + " and " + suppliers[-1]
        goods = "; ".join(dict.fromkeys(english.goods(c) for c in leads))
        if stance == "requested":
            out.append(f"{_cap(name(recipient))} has asked {joined} for {goods}.")
        else:
            verb = _verb(stance, goods, plural=True)
            out.append(f"{_cap(joined)} {verb} to {name(recipient)}.")
    return out


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
    """At most MAX_WORDS English words: every pair, most important first."""
    if not claims:
        return _no_claims(language, characters, sentences, actors)
    pairs: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        pairs.setdefault((c.supplier, c.recipient), []).append(c)
    ranked = sorted(pairs.values(), key=lambda p: _importance(p, headline_end), reverse=True)
    for style in (FULL, SHORT):
        text = " ".join(_sentences(ranked, style))
        if _words(text) <= MAX_WORDS:
            return text
    grouped = _grouped(ranked)
    out: list[str] = []
    for shown, sentence in enumerate(grouped):
        if _words(" ".join([*out, sentence])) > MAX_WORDS - 8:
            more = len(grouped) - shown
            out.append(f"{more} more group{'s' * (more > 1)} of claims are listed below.")
            break
        out.append(sentence)
    return " ".join(out)


def _no_claims(language: str, characters: int, sentences: int, actors: list[str]) -> str:
    entry = languages.get(language)
    language_name = entry.name if entry else language
    named = ""
    if actors:
        listed = actors[:8]
        more = " and others" if len(actors) > 8 else ""
        named = f" It names {', '.join(name(a) for a in listed)}{more}."
    text = (
        "No supply claims were found: the article names no supplier and recipient of weapons, "
        f"ammunition, military equipment or dual-use goods. It is in {language_name}, "
        f"{characters:,} characters, {sentences} sentences.{named}"
    )
    words = text.split()
    return text if len(words) <= MAX_WORDS else " ".join(words[: MAX_WORDS - 1]) + " …"

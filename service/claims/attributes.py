"""What an analyst asks of a claim besides who and what: how many, how much, and when.

- `quantity`: the count on the goods' noun ("2 000 panservernvåpen", "fire NASAMS-batterier",
  "to millioner granater"); none for a bound ("over 200", "nesten 100") or no count: never
  guessed.
- `value`: an amount of money in the claim's clause ("for 480 millioner kroner", "verdt 1,2
  milliarder dollar", "över fem miljarder kronor"); "kroner"/"kronor" is the currency of the
  article's language.
- `when`: the time phrase of the clause, in English ("in February 2022", "since 2014", "last
  year"), and `when_iso` where it resolves ("2022-02", "2014"; relative ones need the article's
  published date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Token

from service.claims.numbers import MULTIPLIERS, as_count, parse_number
from service.claims.tree import case_of, dep, phrase
from service.claims.types import Money

BOUNDS = frozenset(
    """over rundt omkring nesten nærmere oppimot opptil minst cirka ca. drøyt knapt mer flere
    fleire fler under inntil upp till närmare nästan ungefär omkring mindst næsten mere""".split()
)
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "$": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "€": "EUR", "gbp": "GBP", "£": "GBP", "franc": "CHF",
    "francs": "CHF", "yen": "JPY", "won": "KRW", "rubel": "RUB", "rubler": "RUB",
}  # fmt: skip
_KRONER = frozenset("krone kroner kronor krona kr kr. nok sek dkk".split())
_HOME_CURRENCY = {"nb": "NOK", "nn": "NOK", "sv": "SEK", "da": "DKK"}

MONTHS = {
    "januar": 1, "januari": 1, "februar": 2, "februari": 2, "mars": 3, "marts": 3, "april": 4,
    "mai": 5, "maj": 5, "juni": 6, "juli": 7, "august": 8, "augusti": 8, "september": 9,
    "oktober": 10, "november": 11, "desember": 12, "december": 12,
}  # fmt: skip
_MONTH_EN = ["", "January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
_PREPOSITION_EN = {
    "i": "in", "på": "in", "under": "during", "siden": "since", "sidan": "since", "sedan":
    "since", "fra": "from", "frå": "from", "från": "from", "før": "before", "fyre": "before",
    "innan": "before", "inden": "before", "etter": "after", "efter": "after", "innen": "by",
    "inom": "within", "til": "until", "till": "until", "mot": "towards",
}  # fmt: skip
# Relative times, by their words: (English, offset in years from the published year).
_RELATIVE = {
    ("i", "fjor"): ("last year", -1), ("i", "fjol"): ("last year", -1),
    ("sidste", "år"): ("last year", -1), ("förra", "året"): ("last year", -1),
    ("i", "år"): ("this year", 0), ("neste", "år"): ("next year", 1),
    ("nästa", "år"): ("next year", 1), ("næste", "år"): ("next year", 1),
    ("til", "neste", "år"): ("next year", 1),
}  # fmt: skip
_YEAR = re.compile(r"^(19|20)\d\d$")
_INVASION = frozenset("invasjonen invasionen invasjonen fullskalainvasjonen krigen".split())


@dataclass(frozen=True)
class When:
    text: str
    iso: str | None


def _number_before(token: Token) -> tuple[float | None, bool]:
    """The number a noun is counted with, and whether it is a bound ("over 200")."""
    nums = [c for c in token.children if dep(c) == "nummod" and c.i < token.i]
    if not nums:
        return None, False
    num = nums[-1]
    if num.lower_ in MULTIPLIERS:  # "to millioner granater": the multiplier has the number
        inner, bound = _number_before(num)
        return (inner * MULTIPLIERS[num.lower_] if inner is not None else None), bound
    parts = sorted([num, *(c for c in num.children if dep(c) in ("compound", "flat"))],
                   key=lambda t: t.i)
    value = parse_number(" ".join(t.text for t in parts))
    if value is None:
        return None, False
    scale = next((MULTIPLIERS[c.lower_] for c in num.children if c.lower_ in MULTIPLIERS), 1)
    first = token.doc[parts[0].i - 1] if parts[0].i > 0 else None
    bound = first is not None and first.lower_ in BOUNDS or any(
        c.lower_ in BOUNDS for c in [*num.children, *token.children] if dep(c) == "advmod"
    )
    return value * scale, bound


def quantity(item_heads: list[Token]) -> int | None:
    """The stated count of the goods, or None ("over 200" is a bound, not a count)."""
    for head in item_heads:
        target = head
        # "millioner av granater" / "to millioner granater": the multiplier noun carries it.
        if head.lower_ in MULTIPLIERS:
            value, bound = _number_before(head)
            scale = MULTIPLIERS[head.lower_]
            return None if bound or value is None else as_count(value * scale)
        value, bound = _number_before(target)
        if value is not None:
            return None if bound else as_count(value)
    return None


def value(clause: Token, language: str) -> Money | None:
    """An amount of money in the clause of `clause` (its phrase, bounded)."""
    tokens = phrase(clause, limit=60)
    for i, token in enumerate(tokens):
        low = token.lower_
        currency = _CURRENCY_WORDS.get(low) or (
            _HOME_CURRENCY.get(language) if low in _KRONER else None
        )
        if currency is None:
            continue
        amount, scale = None, 1
        for back in reversed(tokens[max(0, i - 4) : i]):
            if back.lower_ in MULTIPLIERS and scale == 1:
                scale = MULTIPLIERS[back.lower_]
            elif (parsed := parse_number(back.text)) is not None:
                amount = parsed if amount is None else float(f"{int(parsed)}{int(amount):03d}")
            elif amount is not None:
                break
        if amount is not None:
            return Money(amount * scale, currency)
    return None


def when(clause: Token, published: dt.date | None = None) -> When | None:
    """The time phrase of the clause: a year, a month (and year), a relative year, or the
    invasion; in English, with an ISO date or month where it resolves. A time phrase the parse
    hung on the object ("sendte [i fjor] granater": nmod of the noun) is the clause's too."""
    own = list(clause.children)
    hung = [g for c in own if dep(c) in ("obj", "obl") for g in c.children if dep(g) == "nmod"]
    for child in own + hung:
        if not dep(child).startswith(("obl", "advmod", "nmod")):
            continue
        words = [t for t in phrase(child, limit=8)]
        lows = tuple(t.lower_ for t in words)
        rel = _relative(lows)
        if rel is not None:
            text, offset = rel
            iso = str(published.year + offset) if published else None
            return When(text, iso)
        prep = _PREPOSITION_EN.get(case_of(child), "in")
        month = next((MONTHS[t] for t in lows if t in MONTHS), None)
        year = next((t for t in lows if _YEAR.match(t)), None)
        if year and month:
            return When(f"{prep} {_MONTH_EN[month]} {year}", f"{year}-{month:02d}")
        if year:
            return When(f"{prep} {year}", year)
        if month:
            iso = f"{published.year}-{month:02d}" if published else None
            return When(f"{prep} {_MONTH_EN[month]}", iso)
        if set(lows) & _INVASION and case_of(child) in _PREPOSITION_EN:
            noun = "the invasion" if "krigen" not in lows else "the war"
            return When(f"{_PREPOSITION_EN[case_of(child)]} {noun}", None)
    return None


def _relative(lows: tuple[str, ...]) -> tuple[str, int] | None:
    for size in (3, 2):
        for i in range(len(lows) - size + 1):
            hit = _RELATIVE.get(lows[i : i + size])
            if hit:
                return hit
    return None
